import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { OnCallNow } from '@sre-ownership/plugin-sre-ownership-common';
import { OnCallNowSummary } from '../OnCallNow';

const useStyles = makeStyles(theme => ({
  teams: { listStyle: 'none', margin: 0, padding: 0 },
  team: { marginBottom: theme.spacing(1) },
}));

/**
 * For each rotation the service's escalation path pages (the answer every
 * surface gives): who is on call now and who is next.
 */
export function OnCallNowList(props: { onCall: OnCallNow[] }) {
  const classes = useStyles();
  if (props.onCall.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        This service's escalation path pages no on-call rotation, so nobody is
        on call for it.
      </Typography>
    );
  }
  return (
    <ul className={classes.teams} aria-label="On call now by team">
      {props.onCall.map(team => (
        <li key={team.teamRef} className={classes.team}>
          <Typography variant="body2">
            <EntityRefLink entityRef={team.teamRef} defaultKind="group" />
          </Typography>
          <OnCallNowSummary onCall={team} />
        </li>
      ))}
    </ul>
  );
}
