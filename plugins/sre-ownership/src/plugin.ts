import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { SreOwnershipClient, sreOwnershipApiRef } from './api';
import { onCallPulseRouteRef, reliabilityOverviewRouteRef } from './routes';

/**
 * The SRE Ownership plugin for the legacy frontend system.
 *
 * @public
 */
export const sreOwnershipPlugin = createPlugin({
  id: 'sre-ownership',
  routes: {
    reliabilityOverview: reliabilityOverviewRouteRef,
    onCallPulse: onCallPulseRouteRef,
  },
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
export const EntityReliabilityOwnershipCard: () => JSX.Element =
  sreOwnershipPlugin.provide(
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
export const EntityEscalationPathCard: () => JSX.Element =
  sreOwnershipPlugin.provide(
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
 * Legacy entity card for services: on-call health of the current entity —
 * who is on call now, page volume and trend, MTTA/MTTR, off-hours share.
 *
 * @public
 */
export const EntityOnCallHealthCard: () => JSX.Element =
  sreOwnershipPlugin.provide(
    createComponentExtension({
      name: 'EntityOnCallHealthCard',
      component: {
        lazy: () =>
          import('./components/OnCallHealthCard').then(m => m.OnCallHealthCard),
      },
    }),
  );

/**
 * Legacy entity card for services: each SLO with its attainment, error
 * budget and burn state from Prometheus, and the SLO guard.
 *
 * @public
 */
export const EntitySloCard: () => JSX.Element = sreOwnershipPlugin.provide(
  createComponentExtension({
    name: 'EntitySloCard',
    component: {
      lazy: () => import('./components/SloCard').then(m => m.SloCard),
    },
  }),
);

/**
 * Legacy entity card for System and Domain pages: the pages, on-call load and
 * SLOs of every entity that belongs to it, summed, worst burn first, with
 * links down. Give it the full width of the page.
 *
 * @public
 */
export const EntityRollupCard: () => JSX.Element = sreOwnershipPlugin.provide(
  createComponentExtension({
    name: 'EntityRollupCard',
    component: {
      lazy: () => import('./components/RollupCard').then(m => m.RollupCard),
    },
  }),
);

/**
 * Legacy entity card for Group pages: the team's on-call burden. Per-engineer
 * figures show only to viewers with the `sre-ownership.burden.read`
 * permission. Give it the full width of the page.
 *
 * @public
 */
export const EntityTeamBurdenCard: () => JSX.Element =
  sreOwnershipPlugin.provide(
    createComponentExtension({
      name: 'EntityTeamBurdenCard',
      component: {
        lazy: () =>
          import('./components/TeamBurdenCard').then(m => m.TeamBurdenCard),
      },
    }),
  );

/**
 * Legacy entity tab content: reliability ownership, escalation path and
 * on-call health together. Mount it under an `EntityLayout.Route path="/reliability"`.
 *
 * @public
 */
export const EntityReliabilityContent: () => JSX.Element =
  sreOwnershipPlugin.provide(
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

/**
 * Legacy page: the reliability overview ("Who do I call?", coverage and
 * gaps, rules by tier, specialist gaps, teams at risk). Mount it with
 * `<Route path="/reliability" element={<ReliabilityOverviewPage />} />`.
 *
 * @public
 */
export const ReliabilityOverviewPage: () => JSX.Element =
  sreOwnershipPlugin.provide(
    createRoutableExtension({
      name: 'ReliabilityOverviewPage',
      component: () =>
        import('./components/ReliabilityOverviewPage').then(
          m => m.ReliabilityOverviewPage,
        ),
      mountPoint: reliabilityOverviewRouteRef,
    }),
  );

/**
 * Legacy page: the anonymous on-call pulse, which pulse invitations link to.
 * Mount it with
 * `<Route path="/oncall-pulse" element={<OnCallPulsePage />} />`; the
 * invitation id follows in the path.
 *
 * @public
 */
export const OnCallPulsePage: () => JSX.Element = sreOwnershipPlugin.provide(
  createRoutableExtension({
    name: 'OnCallPulsePage',
    component: () =>
      import('./components/OnCallPulsePage').then(m => m.OnCallPulsePage),
    mountPoint: onCallPulseRouteRef,
  }),
);
