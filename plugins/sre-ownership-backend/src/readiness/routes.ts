import { RequestHandler } from 'express';
import { capabilityRoutes } from '../http/apiRouter';
import { readinessContract } from './readinessSpec';
import { PluginReadiness } from './PluginReadiness';

/** `GET /health`: 200 when ready, 503 with the failing checks when not. */
export function readinessRoutes(options: {
  readiness: PluginReadiness;
}): RequestHandler {
  return capabilityRoutes<typeof readinessContract>(
    readinessContract,
    router => {
      const { readiness } = options;
      router.get('/health', async (_req, res) => {
        const health = await readiness.check();
        res.status(health.status === 'ok' ? 200 : 503).json(health);
      });
    },
  );
}
