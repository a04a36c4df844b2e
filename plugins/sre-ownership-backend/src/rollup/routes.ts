import { ApiRouter } from '../http/apiRouter';
import { RouteAccess } from '../http/routeAccess';
import { RollupService } from './RollupService';

/** `GET /entities/{kind}/{namespace}/{name}/rollup`: a System's, Domain's or team's roll-up. */
export function registerRollupRoutes(
  router: ApiRouter,
  options: { rollups: RollupService; access: RouteAccess },
) {
  const { rollups, access } = options;
  router.get('/entities/:kind/:namespace/:name/rollup', async (req, res) => {
    const { kind, namespace, name } = req.params;
    const { days, from, to } = req.query;
    res.json(
      await rollups.rollup(
        { kind, namespace, name },
        { days, from, to },
        await access.credentials(req),
      ),
    );
  });
}
