import { RequestHandler } from 'express';
import { capabilityRoutes } from '../http/apiRouter';
import { sloContract } from './sloSpec';
import { RouteAccess } from '../http/routeAccess';
import { SloService } from './SloService';

/** `GET /entities/{kind}/{namespace}/{name}/slos`: an entity's SLO status. */
export function sloRoutes(options: {
  slos: SloService;
  access: RouteAccess;
}): RequestHandler {
  return capabilityRoutes<typeof sloContract>(sloContract, router => {
    const { slos, access } = options;
    router.get('/entities/:kind/:namespace/:name/slos', async (req, res) => {
      const { kind, namespace, name } = req.params;
      const status = await slos.getSloStatus(
        { kind, namespace, name },
        await access.credentials(req),
      );
      // EntitySloStatus is the shape the spec describes; its nested interfaces
      // lack the index signatures of the generated response type.
      res.json(status as unknown as Parameters<typeof res.json>[0]);
    });
  });
}
