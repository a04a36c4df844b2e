import express, { RequestHandler } from 'express';
import { capabilityRoutes } from '../http/apiRouter';
import { sloContract } from './sloSpec';
import { sloIncidentsContract } from './sloGuardSpec';
import { RouteAccess } from '../http/routeAccess';
import { SloService } from './SloService';

/**
 * `GET /entities/{kind}/{namespace}/{name}/slos`: an entity's SLO status;
 * `.../slos/incidents`: the budget each of its incidents spent.
 */
export function sloRoutes(options: {
  slos: SloService;
  access: RouteAccess;
}): RequestHandler {
  const { slos, access } = options;
  const router = express.Router();
  router.use(
    capabilityRoutes<typeof sloContract>(sloContract, api => {
      api.get('/entities/:kind/:namespace/:name/slos', async (req, res) => {
        const { kind, namespace, name } = req.params;
        const status = await slos.getSloStatus(
          { kind, namespace, name },
          await access.credentials(req),
        );
        // EntitySloStatus is the shape the spec describes; its nested
        // interfaces lack the index signatures of the generated response type.
        res.json(status as unknown as Parameters<typeof res.json>[0]);
      });
    }),
  );
  router.use(
    capabilityRoutes<typeof sloIncidentsContract>(sloIncidentsContract, api => {
      api.get(
        '/entities/:kind/:namespace/:name/slos/incidents',
        async (req, res) => {
          const { kind, namespace, name } = req.params;
          res.json(
            await slos.getIncidents(
              { kind, namespace, name },
              await access.credentials(req),
            ),
          );
        },
      );
    }),
  );
  return router;
}
