import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  ErrorBudget,
  formatSloDuration,
} from '@sre-ownership/plugin-sre-ownership-common';
import { formatPercent } from './sloFormat';

const useStyles = makeStyles(theme => ({
  bar: { height: 8, borderRadius: 4, margin: theme.spacing(0.5, 0) },
  healthy: { backgroundColor: theme.palette.success.main },
  low: { backgroundColor: theme.palette.warning.main },
  spent: { backgroundColor: theme.palette.error.main },
}));

/** How much of the error budget is left, as a bar and in words. */
export function BudgetBar(props: { budget: ErrorBudget; label: string }) {
  const { budget, label } = props;
  const classes = useStyles();
  if (budget.remaining === null || budget.remainingSeconds === null) {
    return (
      <Typography variant="body2" color="textSecondary">
        Budget remaining: — (no events in the SLO window)
      </Typography>
    );
  }
  const remaining = budget.remaining;
  let tone = classes.healthy;
  if (remaining <= 0) tone = classes.spent;
  else if (remaining < 0.25) tone = classes.low;
  const left =
    remaining > 0
      ? `${formatSloDuration(budget.remainingSeconds)} of full outage left`
      : `overspent by ${formatSloDuration(
          -budget.remainingSeconds,
        )} of full outage`;
  return (
    <div>
      <LinearProgress
        variant="determinate"
        value={Math.max(0, Math.min(100, remaining * 100))}
        aria-label={label}
        classes={{ root: classes.bar, bar: tone }}
      />
      <Typography variant="body2">
        Budget remaining: {formatPercent(remaining, 1)} ({left})
      </Typography>
    </div>
  );
}
