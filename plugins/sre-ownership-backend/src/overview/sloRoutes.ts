import { ApiRouter } from '../http/apiRouter';
import { RouteAccess } from '../http/routeAccess';
import { SloOverviewService } from './SloOverviewService';

/** `GET /overview/slos`: the SLO tiles of the overview. */
export function registerSloOverviewRoutes(
  router: ApiRouter,
  options: { sloOverview: SloOverviewService; access: RouteAccess },
) {
  const { sloOverview, access } = options;
  router.get('/overview/slos', async (req, res) => {
    res.json(await sloOverview.overview(await access.credentials(req)));
  });
}
