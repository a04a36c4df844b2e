import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * Route of the reliability overview page; made with the legacy helper so
 * that both frontend systems can mount it.
 *
 * @public
 */
export const reliabilityOverviewRouteRef = createRouteRef({
  id: 'sre-ownership:reliability-overview',
});

/**
 * Route of the on-call pulse page, which pulse invitations link to
 * (`/oncall-pulse/<invitation id>` unless mounted elsewhere: then set
 * `sreOwnership.pulse.pagePath` in the backend's app-config to match).
 *
 * @public
 */
export const onCallPulseRouteRef = createRouteRef({
  id: 'sre-ownership:oncall-pulse',
});
