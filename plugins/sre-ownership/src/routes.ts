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
