import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { SreOwnershipClient, sreOwnershipApiRef } from './api';

/**
 * The SRE Ownership plugin for the legacy frontend system.
 *
 * @public
 */
export const sreOwnershipPlugin = createPlugin({
  id: 'sre-ownership',
  apis: [
    createApiFactory({
      api: sreOwnershipApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new SreOwnershipClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/**
 * Legacy entity card: reliability ownership of the current entity.
 *
 * @public
 */
export const EntityReliabilityOwnershipCard = sreOwnershipPlugin.provide(
  createComponentExtension({
    name: 'EntityReliabilityOwnershipCard',
    component: {
      lazy: () =>
        import('./components/ReliabilityOwnershipCard').then(
          m => m.ReliabilityOwnershipCard,
        ),
    },
  }),
);
