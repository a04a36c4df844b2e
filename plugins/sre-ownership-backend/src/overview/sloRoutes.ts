import { RequestHandler } from 'express';
import { capabilityRoutes } from '../http/apiRouter';
import { RouteAccess } from '../http/routeAccess';
import { sloTilesContract } from '../slo/sloGuardSpec';
import { SloOverviewService } from './SloOverviewService';

/** `GET /overview/slos`: the SLO tiles of the overview. */
export function sloOverviewRoutes(options: {
  sloOverview: SloOverviewService;
  access: RouteAccess;
}): RequestHandler {
  return capabilityRoutes<typeof sloTilesContract>(sloTilesContract, router => {
    const { sloOverview, access } = options;
    router.get('/overview/slos', async (req, res) => {
      res.json(await sloOverview.overview(await access.credentials(req)));
    });
  });
}
