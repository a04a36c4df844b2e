import { RequestHandler } from 'express';
import { capabilityRoutes } from '../http/apiRouter';
import { RouteAccess } from '../http/routeAccess';
import { BurdenService } from './BurdenService';
import { burdenContract } from './burdenSpec';
import { BurdenWindowRequest } from './burdenWindow';

/** The window query parameters of the burden and health routes. */
function windowOf(query: {
  days?: number;
  from?: string;
  to?: string;
}): BurdenWindowRequest {
  const { days, from, to } = query;
  return { days, from, to };
}

/** A team's burden and a service's on-call health, each for a window. */
export function burdenRoutes(options: {
  burden: BurdenService;
  access: Pick<RouteAccess, 'credentials'>;
}): RequestHandler {
  return capabilityRoutes<typeof burdenContract>(burdenContract, router => {
    const { burden, access } = options;

    router.get('/teams/:namespace/:name/burden', async (req, res) => {
      const { namespace, name } = req.params;
      const team = { kind: 'Group', namespace, name };
      res.json({
        ...(await burden.getTeamBurden(
          team,
          windowOf(req.query),
          await access.credentials(req),
        )),
      });
    });

    router.get(
      '/entities/:kind/:namespace/:name/oncall-health',
      async (req, res) => {
        const { kind, namespace, name } = req.params;
        const health = await burden.getServiceHealth(
          { kind, namespace, name },
          windowOf(req.query),
          await access.credentials(req),
        );
        res.json({ ...health });
      },
    );
  });
}
