import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { BurnSeverity } from '@sre-ownership/plugin-sre-ownership-common';

const LABELS: Record<BurnSeverity, string> = {
  page: 'Page: fast burn',
  ticket: 'Ticket: slow burn',
  ok: 'Within budget',
  unknown: 'No data',
};

const useStyles = makeStyles(theme => ({
  page: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  ticket: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  ok: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
  unknown: {},
}));

/** The burn state of an SLO as the backend classified it. */
export function BurnChip(props: { severity: BurnSeverity }) {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      label={LABELS[props.severity]}
      className={classes[props.severity]}
    />
  );
}
