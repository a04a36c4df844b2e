import { ApiRouter } from '../http/apiRouter';
import { RouteAccess } from '../http/routeAccess';
import { OncallStore } from '../oncall/OncallStore';

/** `GET /schedules/status`: the last run of each schedule feed. */
export function registerScheduleRoutes(
  router: ApiRouter,
  options: {
    feedRuns: Pick<OncallStore, 'listFeedRuns'>;
    access: RouteAccess;
  },
) {
  const { feedRuns, access } = options;
  router.get('/schedules/status', async (req, res) => {
    await access.credentials(req);
    res.json({ items: await feedRuns.listFeedRuns() });
  });
}
