import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import {
  SloIncidentAttribution,
  SloIncidentBudget,
} from '@sre-ownership/plugin-sre-ownership-common';
import { useEntityResource } from '../../hooks/useEntityResource';
import { ErrorState, LoadingState } from '../states';
import { formatPercent } from './sloFormat';

// AccordionDetails lays its child out as a flex item: let it shrink and
// wrap inside the card instead of running past its edge.
const useStyles = makeStyles(theme => ({
  attribution: { width: '100%', minWidth: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  incident: { padding: theme.spacing(0.5, 0), overflowWrap: 'anywhere' },
}));

/** Incidents listed by name; the rest are counted. */
const LISTED = 10;

const share = (value: number | null) =>
  value === null ? '—' : formatPercent(value, 1);

/** "INC-123: 38.2% of this window's budget". */
export function incidentHeadline(incident: SloIncidentBudget): string {
  return `${incident.id}: ${
    incident.budgetShare === null
      ? 'not measurable: Prometheus counted no events while it was open'
      : `${share(incident.budgetShare)} of this window's budget`
  }`;
}

function when(incident: SloIncidentBudget): string {
  const from = new Date(incident.triggeredAt).toLocaleString();
  const minutes =
    incident.outageMinutes === null
      ? ''
      : ` · ${Number(incident.outageMinutes.toFixed(1))} min of full outage`;
  return `${incident.title ? `${incident.title} · ` : ''}from ${from}${
    incident.resolvedAt
      ? ` to ${new Date(incident.resolvedAt).toLocaleString()}`
      : ', still open'
  }${minutes}`;
}

/** One SLO's attribution: the incidents that spent budget, and what was spent outside them. */
function Attribution(props: { attribution: SloIncidentAttribution }) {
  const { attribution } = props;
  const classes = useStyles();
  if (attribution.note) {
    return (
      <Typography variant="body2" color="textSecondary">
        {attribution.note}
      </Typography>
    );
  }
  if (attribution.error) {
    return (
      <Alert severity="warning" role="alert">
        {attribution.error.message}
      </Alert>
    );
  }
  const spending = attribution.incidents.filter(i => i.budgetShare !== 0);
  const none = attribution.incidents.length - spending.length;
  return (
    <div className={classes.attribution}>
      {attribution.incidents.length === 0 ? (
        <Typography variant="body2">
          No page about this service was open in the SLO window.
        </Typography>
      ) : (
        <ul className={classes.list} aria-label="Budget per incident">
          {spending.slice(0, LISTED).map(incident => (
            <li
              key={`${incident.source}/${incident.id}`}
              className={classes.incident}
            >
              <Typography variant="body2">
                {incidentHeadline(incident)}
              </Typography>
              <Typography variant="caption" color="textSecondary">
                {when(incident)}
              </Typography>
            </li>
          ))}
        </ul>
      )}
      {spending.length > LISTED && (
        <Typography variant="body2" color="textSecondary">
          {spending.length - LISTED} more pages spent budget.
        </Typography>
      )}
      {none > 0 && (
        <Typography variant="body2" color="textSecondary">
          {none} {none === 1 ? 'page' : 'pages'} spent none of it.
        </Typography>
      )}
      <Typography variant="body2" color="textSecondary">
        Spent while a page was open: {share(attribution.duringIncidents)};
        outside any page: {share(attribution.outsideIncidents)} (of{' '}
        {share(attribution.consumed)} spent in the window; overlapping pages
        count once).
      </Typography>
    </div>
  );
}

function IncidentsOf(props: { sloName: string }) {
  const { value, loading, error } = useEntityResource(async (api, entity) =>
    api.getSloIncidents(entity),
  );
  if (loading) return <LoadingState />;
  if (error)
    return <ErrorState error={error} subject="the budget per incident" />;
  const attribution = value?.slos.find(s => s.sloName === props.sloName);
  if (!attribution) return null;
  return <Attribution attribution={attribution} />;
}

/**
 * The budget each incident (page) of the service spent while it was open,
 * asked of Prometheus when opened (docs/slos.md, "Budget per incident").
 */
export function SloIncidents(props: { sloName: string; displayName: string }) {
  return (
    <Accordion
      TransitionProps={{ unmountOnExit: true }}
      elevation={0}
      variant="outlined"
    >
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        aria-label={`Budget per incident of ${props.displayName}`}
      >
        <Typography variant="body2">Budget per incident</Typography>
      </AccordionSummary>
      <AccordionDetails>
        <IncidentsOf sloName={props.sloName} />
      </AccordionDetails>
    </Accordion>
  );
}
