import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import {
  SLO_FORMAT_NAMES,
  SloStatus,
  describeSloBudgeting,
  describeSloThreshold,
} from '@sre-ownership/plugin-sre-ownership-common';
import { BudgetBar } from './BudgetBar';
import { BurnChip } from './BurnChip';
import { describeSloWindow, formatPercent } from './sloFormat';

const useStyles = makeStyles(theme => ({
  slo: {
    padding: theme.spacing(1.5, 0),
    borderTop: `1px solid ${theme.palette.divider}`,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
  },
  heading: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
  },
}));

/** One SLO: target, attainment, budget, burn state in words and the link to its query. */
export function SloRow(props: { status: SloStatus }) {
  const { slo, figures, summary, error, notes, queryUrl } = props.status;
  const classes = useStyles();
  return (
    <article className={classes.slo} aria-label={slo.displayName}>
      <div className={classes.heading}>
        <Typography variant="subtitle1" component="h4">
          {slo.displayName}
        </Typography>
        {figures && <BurnChip severity={figures.burn.severity} />}
      </div>
      <Typography variant="body2" color="textSecondary">
        Target {formatPercent(slo.target, 3)} over{' '}
        {describeSloWindow(slo.window)}
        {figures && (
          <>
            {' · attainment '}
            {figures.attainment === null
              ? '— (no events in the window)'
              : formatPercent(figures.attainment, 3)}
          </>
        )}
      </Typography>
      <Typography variant="caption" color="textSecondary">
        {[
          SLO_FORMAT_NAMES[slo.format],
          describeSloBudgeting(slo.budgeting),
          describeSloThreshold(slo.indicator),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography>
      {error && (
        <Alert severity="warning" role="alert">
          {error.message}
        </Alert>
      )}
      {figures && (
        <>
          <BudgetBar
            budget={figures.budget}
            label={`Error budget remaining for ${slo.displayName}`}
          />
          <Typography variant="body2">{summary}</Typography>
          <Typography variant="body2" color="textSecondary">
            Previous window used{' '}
            {figures.previousConsumed === null
              ? '— (no events)'
              : formatPercent(figures.previousConsumed, 1)}{' '}
            of its budget
          </Typography>
        </>
      )}
      {notes.map(note => (
        <Typography key={note} variant="caption" color="textSecondary">
          {note}
        </Typography>
      ))}
      {queryUrl && (
        <Link
          href={queryUrl}
          target="_blank"
          rel="noopener noreferrer"
          variant="body2"
        >
          Open the query in Prometheus
        </Link>
      )}
    </article>
  );
}
