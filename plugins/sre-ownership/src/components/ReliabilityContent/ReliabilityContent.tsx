import Grid from '@material-ui/core/Grid';
import { EscalationPathCard } from '../EscalationPathCard';
import { OnCallHealthCard } from '../OnCallHealthCard';
import { ReliabilityOwnershipCard } from '../ReliabilityOwnershipCard';
import { SloCard } from '../SloCard';

/**
 * The Reliability tab of an entity page: reliability ownership, the
 * escalation path, on-call health and SLOs.
 *
 * @public
 */
export function ReliabilityContent() {
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12} md={6}>
        <ReliabilityOwnershipCard />
      </Grid>
      <Grid item xs={12} md={6}>
        <EscalationPathCard />
      </Grid>
      <Grid item xs={12} md={6}>
        <OnCallHealthCard />
      </Grid>
      <Grid item xs={12} md={6}>
        <SloCard />
      </Grid>
    </Grid>
  );
}
