import { RequestHandler } from 'express';
import { capabilityRoutes } from '../http/apiRouter';
import { scheduleContract } from './scheduleSpec';
import { RouteAccess } from '../http/routeAccess';
import { OncallStore } from '../oncall/OncallStore';

/** `GET /schedules/status`: the last run of each schedule feed. */
export function scheduleRoutes(options: {
  feedRuns: Pick<OncallStore, 'listFeedRuns'>;
  access: RouteAccess;
}): RequestHandler {
  return capabilityRoutes<typeof scheduleContract>(scheduleContract, router => {
    const { feedRuns, access } = options;
    router.get('/schedules/status', async (req, res) => {
      await access.credentials(req);
      res.json({ items: await feedRuns.listFeedRuns() });
    });
  });
}
