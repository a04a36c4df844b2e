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

/**
 * Legacy entity card: escalation path of the current entity.
 *
 * @public
 */
export const EntityEscalationPathCard = sreOwnershipPlugin.provide(
  createComponentExtension({
    name: 'EntityEscalationPathCard',
    component: {
      lazy: () =>
        import('./components/EscalationPathCard').then(
          m => m.EscalationPathCard,
        ),
    },
  }),
);

/**
 * Legacy entity tab content: reliability ownership and escalation path side
 * by side. Mount it under an `EntityLayout.Route path="/reliability"`.
 *
 * @public
 */
export const EntityReliabilityContent = sreOwnershipPlugin.provide(
  createComponentExtension({
    name: 'EntityReliabilityContent',
    component: {
      lazy: () =>
        import('./components/ReliabilityContent').then(
          m => m.ReliabilityContent,
        ),
    },
  }),
);
