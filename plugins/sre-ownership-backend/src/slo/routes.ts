import { ApiRouter } from '../http/apiRouter';
import { RouteAccess } from '../http/routeAccess';
import { SloService } from './SloService';

/**
 * `GET /entities/{kind}/{namespace}/{name}/slos`: an entity's SLO status;
 * `.../slos/incidents`: the budget each of its incidents spent.
 */
export function registerSloRoutes(
  router: ApiRouter,
  options: { slos: SloService; access: RouteAccess },
) {
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

  router.get(
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
}
