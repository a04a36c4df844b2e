import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  compatWrapper,
  convertLegacyRouteRef,
} from '@backstage/core-compat-api';
import PageBlueprintIcon from '@material-ui/icons/Security';
import { onCallPulseRouteRef, reliabilityOverviewRouteRef } from './routes';
import { SreOwnershipClient, sreOwnershipApiRef } from './api';
import { SRE_OWNERSHIP_ENTITY_KINDS } from './conditions';

/**
 * The reliability cards are `content` cards: they hold tables, paths and
 * charts that are read, not glanced at, so they go in the page's main column
 * rather than the narrow column of `info` cards such as About.
 */

/**
 * Entity kinds whose reliability can be owned (the rule legacy apps use
 * through `isSreOwnershipApplicable`). The cards show on every such entity,
 * so that undeclared ones see what to add.
 */
const RELIABILITY_KINDS = {
  kind: { $in: [...SRE_OWNERSHIP_ENTITY_KINDS] },
};

/**
 * The SRE Ownership API for the new frontend system.
 *
 * @remarks Extension ID: `api:sre-ownership`
 * @alpha
 */
export const sreOwnershipApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: sreOwnershipApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new SreOwnershipClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * Reliability ownership card on component, API, resource and system pages:
 * model, owners, platform team, embedded SREs, specialists and responsibility
 * matrix.
 *
 * @remarks
 * Extension ID: `entity-card:sre-ownership/reliability-ownership`.
 * Its `filter` and `type` can be overridden under `app.extensions` in
 * app-config, or the card turned off with `false`.
 * @alpha
 */
export const reliabilityOwnershipCard = EntityCardBlueprint.make({
  name: 'reliability-ownership',
  params: {
    type: 'content',
    filter: RELIABILITY_KINDS,
    loader: () =>
      import('./components/ReliabilityOwnershipCard').then(m =>
        compatWrapper(<m.ReliabilityOwnershipCard />),
      ),
  },
});

/**
 * Escalation path card on component, API, resource and system pages: the
 * levels in order, their delays and whom they page.
 *
 * @remarks
 * Extension ID: `entity-card:sre-ownership/escalation-path`.
 * Its `filter` and `type` can be overridden under `app.extensions` in
 * app-config, or the card turned off with `false`.
 * @alpha
 */
export const escalationPathCard = EntityCardBlueprint.make({
  name: 'escalation-path',
  params: {
    type: 'content',
    filter: RELIABILITY_KINDS,
    loader: () =>
      import('./components/EscalationPathCard').then(m =>
        compatWrapper(<m.EscalationPathCard />),
      ),
  },
});

/**
 * On-call health card on component, API, resource and system pages: who is on
 * call now and next, page volume and its weekly trend, the share of pages
 * outside business hours, and MTTA/MTTR by severity.
 *
 * @remarks
 * Extension ID: `entity-card:sre-ownership/oncall-health`.
 * Its `filter` and `type` can be overridden under `app.extensions` in
 * app-config, or the card turned off with `false`.
 * @alpha
 */
export const onCallHealthCard = EntityCardBlueprint.make({
  name: 'oncall-health',
  params: {
    type: 'content',
    filter: RELIABILITY_KINDS,
    loader: () =>
      import('./components/OnCallHealthCard').then(m =>
        compatWrapper(<m.OnCallHealthCard />),
      ),
  },
});

/**
 * SLO card on component, API, resource and system pages: each OpenSLO
 * objective with its attainment, error budget and burn state from
 * Prometheus, and the SLO guard who defends them.
 *
 * @remarks
 * Extension ID: `entity-card:sre-ownership/slos`.
 * Its `filter` and `type` can be overridden under `app.extensions` in
 * app-config, or the card turned off with `false`.
 * @alpha
 */
export const sloCard = EntityCardBlueprint.make({
  name: 'slos',
  params: {
    type: 'content',
    filter: RELIABILITY_KINDS,
    loader: () =>
      import('./components/SloCard').then(m => compatWrapper(<m.SloCard />)),
  },
});

/**
 * Roll-up card on System and Domain pages, full width: the pages and on-call
 * load of every entity that belongs to it, summed, and their SLOs worst burn
 * first, each linking down to its entity.
 *
 * @remarks
 * Extension ID: `entity-card:sre-ownership/rollup`.
 * Its `filter` and `type` can be overridden under `app.extensions` in
 * app-config, or the card turned off with `false`.
 * @alpha
 */
export const rollupCard = EntityCardBlueprint.make({
  name: 'rollup',
  params: {
    type: 'content',
    filter: { kind: { $in: ['system', 'domain'] } },
    loader: () =>
      import('./components/RollupCard').then(m =>
        compatWrapper(<m.RollupCard />),
      ),
  },
});

/**
 * Team burden card on Group pages, full width: the team's status (healthy,
 * at risk, overloaded) with its reasons, team figures against the sustainable
 * limits, the weekly page trend and, for viewers with the
 * `sre-ownership.burden.read` permission, each engineer's figures.
 *
 * @remarks
 * Extension ID: `entity-card:sre-ownership/team-burden`.
 * Its `filter` and `type` can be overridden under `app.extensions` in
 * app-config, or the card turned off with `false`.
 * @alpha
 */
export const teamBurdenCard = EntityCardBlueprint.make({
  name: 'team-burden',
  params: {
    type: 'content',
    filter: { kind: 'group' },
    loader: () =>
      import('./components/TeamBurdenCard').then(m =>
        compatWrapper(<m.TeamBurdenCard />),
      ),
  },
});

/**
 * The Reliability tab (`/reliability`, in the Operation group) on component,
 * API, resource and system pages: reliability ownership, the escalation path
 * and on-call health together.
 *
 * @remarks
 * Extension ID: `entity-content:sre-ownership/reliability`.
 * Its `path`, `title`, `group` and `filter` can be overridden under
 * `app.extensions` in app-config.
 * @alpha
 */
export const reliabilityContent = EntityContentBlueprint.make({
  name: 'reliability',
  params: {
    path: '/reliability',
    title: 'Reliability',
    group: 'operation',
    filter: RELIABILITY_KINDS,
    loader: () =>
      import('./components/ReliabilityContent').then(m =>
        compatWrapper(<m.ReliabilityContent />),
      ),
  },
});

/**
 * The reliability overview page at `/reliability`, with a nav item named
 * "SRE overview" (short enough for the sidebar, and apart from the entity
 * tab "Reliability"): "Who do
 * I call?", coverage tiles and their lists, rules by tier, specialist gaps
 * and teams at risk.
 *
 * @remarks
 * Extension ID: `page:sre-ownership/reliability-overview`. Its `path` and
 * `title` can be overridden under `app.extensions` in app-config.
 * @alpha
 */
export const reliabilityOverviewPage = PageBlueprint.make({
  name: 'reliability-overview',
  params: {
    path: '/reliability',
    title: 'SRE overview',
    icon: <PageBlueprintIcon />,
    noHeader: true,
    routeRef: convertLegacyRouteRef(reliabilityOverviewRouteRef),
    loader: () =>
      import('./components/ReliabilityOverviewPage').then(m =>
        compatWrapper(<m.ReliabilityOverviewPage />),
      ),
  },
});

/**
 * The anonymous on-call pulse page at `/oncall-pulse`, without a nav item:
 * pulse invitations link to `/oncall-pulse/<invitation id>`.
 *
 * @remarks
 * Extension ID: `page:sre-ownership/oncall-pulse`. Its `path` can be
 * overridden under `app.extensions` in app-config; then set
 * `sreOwnership.pulse.pagePath` in the backend to the same path.
 * @alpha
 */
export const onCallPulsePage = PageBlueprint.make({
  name: 'oncall-pulse',
  params: {
    path: '/oncall-pulse',
    title: 'On-call pulse',
    noHeader: true,
    routeRef: convertLegacyRouteRef(onCallPulseRouteRef),
    loader: () =>
      import('./components/OnCallPulsePage').then(m =>
        compatWrapper(<m.OnCallPulsePage />),
      ),
  },
});

/**
 * The SRE Ownership plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'sre-ownership',
  extensions: [
    sreOwnershipApi,
    reliabilityOwnershipCard,
    escalationPathCard,
    onCallHealthCard,
    sloCard,
    rollupCard,
    teamBurdenCard,
    reliabilityContent,
    reliabilityOverviewPage,
    onCallPulsePage,
  ],
  routes: {
    reliabilityOverview: convertLegacyRouteRef(reliabilityOverviewRouteRef),
    onCallPulse: convertLegacyRouteRef(onCallPulseRouteRef),
  },
});
