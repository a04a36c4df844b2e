import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { BurdenStatus } from '@sre-ownership/plugin-sre-ownership-common';

const useStyles = makeStyles(theme => ({
  'no-data': {
    color: theme.palette.text.primary,
    backgroundColor: theme.palette.action.selected,
  },
  healthy: {
    color: theme.palette.success.contrastText,
    backgroundColor: theme.palette.success.main,
  },
  'at-risk': {
    color: theme.palette.warning.contrastText,
    backgroundColor: theme.palette.warning.main,
  },
  overloaded: {
    color: theme.palette.error.contrastText,
    backgroundColor: theme.palette.error.main,
  },
  reasons: { margin: theme.spacing(0, 0, 2), paddingLeft: theme.spacing(2.5) },
}));

const STATUS_LABELS: Record<BurdenStatus, string> = {
  'no-data': 'No data',
  healthy: 'Healthy',
  'at-risk': 'At risk',
  overloaded: 'Overloaded',
};

/**
 * The team's status: no data in grey (nothing was recorded, so nothing is
 * judged), healthy in green, at risk in orange, overloaded in red.
 */
export function BurdenStatusChip(props: { status: BurdenStatus }) {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      className={classes[props.status]}
      label={STATUS_LABELS[props.status]}
    />
  );
}

/** Why the team has the status it has, one sentence per reason. */
export function BurdenReasons(props: { reasons: string[] }) {
  const classes = useStyles();
  if (props.reasons.length === 0) return null;
  return (
    <ul className={classes.reasons} aria-label="Reasons for the status">
      {props.reasons.map(reason => (
        <Typography key={reason} component="li" variant="body2">
          {reason}
        </Typography>
      ))}
    </ul>
  );
}
