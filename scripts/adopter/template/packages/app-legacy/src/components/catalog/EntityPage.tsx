import { Grid } from '@material-ui/core';
import {
  EntityAboutCard,
  EntityLayout,
  EntityLinksCard,
  EntitySwitch,
  isKind,
} from '@backstage/plugin-catalog';
import {
  EntityGroupProfileCard,
  EntityMembersListCard,
  EntityOwnershipCard,
} from '@backstage/plugin-org';
import {
  EntityEscalationPathCard,
  EntityOnCallHealthCard,
  EntityReliabilityContent,
  EntityReliabilityOwnershipCard,
  EntitySloCard,
  EntityTeamBurdenCard,
  isSreOwnershipApplicable,
} from '@sre-ownership/plugin-sre-ownership';

// Reliability ownership, escalation path, SLOs and on-call health, on every
// Component, API, Resource and System page (as in the new frontend system).
// An undeclared entity shows the annotations to add.
const reliabilityCards = (
  <EntitySwitch>
    <EntitySwitch.Case if={isSreOwnershipApplicable}>
      <Grid item md={6} xs={12}>
        <EntityReliabilityOwnershipCard />
      </Grid>
      <Grid item md={6} xs={12}>
        <EntityEscalationPathCard />
      </Grid>
      <Grid item md={6} xs={12}>
        <EntitySloCard />
      </Grid>
      <Grid item xs={12}>
        <EntityOnCallHealthCard />
      </Grid>
    </EntitySwitch.Case>
  </EntitySwitch>
);

const overviewContent = (
  <Grid container spacing={3} alignItems="stretch">
    <Grid item md={6} xs={12}>
      <EntityAboutCard />
    </Grid>
    <Grid item md={6} xs={12}>
      <EntityLinksCard />
    </Grid>
    {reliabilityCards}
  </Grid>
);

// Components, APIs, Resources and Systems: an Overview tab with the cards and
// a Reliability tab with all three together.
const defaultEntityPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      {overviewContent}
    </EntityLayout.Route>
    <EntityLayout.Route
      path="/reliability"
      title="Reliability"
      if={isSreOwnershipApplicable}
    >
      <EntityReliabilityContent />
    </EntityLayout.Route>
  </EntityLayout>
);

// Group pages: the team's on-call burden, full width.
const groupPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <Grid container spacing={3}>
        <Grid item xs={12} md={6}>
          <EntityGroupProfileCard />
        </Grid>
        <Grid item xs={12} md={6}>
          <EntityOwnershipCard />
        </Grid>
        <Grid item xs={12}>
          <EntityTeamBurdenCard />
        </Grid>
        <Grid item xs={12}>
          <EntityMembersListCard />
        </Grid>
      </Grid>
    </EntityLayout.Route>
  </EntityLayout>
);

export const entityPage = (
  <EntitySwitch>
    <EntitySwitch.Case if={isKind('group')} children={groupPage} />
    <EntitySwitch.Case>{defaultEntityPage}</EntitySwitch.Case>
  </EntitySwitch>
);
