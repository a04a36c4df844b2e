import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  figures: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(1),
    margin: 0,
  },
  term: { color: theme.palette.text.secondary },
  value: { margin: 0 },
}));

/** Named figures as a description list: the name on the left, the figure on the right. */
export function FigureList(props: { children: ReactNode }) {
  const classes = useStyles();
  return <dl className={classes.figures}>{props.children}</dl>;
}

/** One named figure of a {@link FigureList}. */
export function Figure(props: { term: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <>
      <Typography component="dt" variant="body2" className={classes.term}>
        {props.term}
      </Typography>
      <Typography component="dd" variant="body2" className={classes.value}>
        {props.children}
      </Typography>
    </>
  );
}
