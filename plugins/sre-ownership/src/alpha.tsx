import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { compatWrapper } from '@backstage/core-compat-api';
import { SreOwnershipClient, sreOwnershipApiRef } from './api';

/**
 * The SRE Ownership API for the new frontend system.
 *
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
 * Reliability ownership card on component, API, resource and system pages.
 * It shows on every such entity so that undeclared ones see what to add.
 *
 * @remarks Extension ID: `entity-card:sre-ownership/reliability-ownership`
 * @alpha
 */
export const reliabilityOwnershipCard = EntityCardBlueprint.make({
  name: 'reliability-ownership',
  params: {
    type: 'info',
    filter: { kind: { $in: ['component', 'api', 'resource', 'system'] } },
    loader: () =>
      import('./components/ReliabilityOwnershipCard').then(m =>
        compatWrapper(<m.ReliabilityOwnershipCard />),
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
  extensions: [sreOwnershipApi, reliabilityOwnershipCard],
});
