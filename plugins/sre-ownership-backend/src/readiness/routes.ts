import { ApiRouter } from '../http/apiRouter';
import { PluginReadiness } from './PluginReadiness';

/** `GET /health`: 200 when ready, 503 with the failing checks when not. */
export function registerReadinessRoutes(
  router: ApiRouter,
  options: { readiness: PluginReadiness },
) {
  const { readiness } = options;
  router.get('/health', async (_req, res) => {
    const health = await readiness.check();
    res.status(health.status === 'ok' ? 200 : 503).json(health);
  });
}
