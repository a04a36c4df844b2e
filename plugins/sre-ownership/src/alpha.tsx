import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { compatWrapper } from '@backstage/core-compat-api';
import { SreOwnershipClient, sreOwnershipApiRef } from './api';

/**
 * Entity kinds whose reliability can be owned. The cards show on every such
 * entity, so that undeclared ones see what to add.
 */
const RELIABILITY_KINDS = {
  kind: { $in: ['component', 'api', 'resource', 'system'] },
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
    type: 'info',
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
    type: 'info',
    filter: RELIABILITY_KINDS,
    loader: () =>
      import('./components/EscalationPathCard').then(m =>
        compatWrapper(<m.EscalationPathCard />),
      ),
  },
});

/**
 * The Reliability tab (`/reliability`, in the Operation group) on component,
 * API, resource and system pages: both cards side by side.
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
    reliabilityContent,
  ],
});
