import { RequestHandler } from 'express';
import { capabilityRoutes } from '../http/apiRouter';
import { RouteAccess } from '../http/routeAccess';
import { rollupContract } from '../slo/sloGuardSpec';
import { RollupService } from './RollupService';

/** `GET /entities/{kind}/{namespace}/{name}/rollup`: a System's, Domain's or team's roll-up. */
export function rollupRoutes(options: {
  rollups: RollupService;
  access: RouteAccess;
}): RequestHandler {
  return capabilityRoutes<typeof rollupContract>(rollupContract, router => {
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
  });
}
