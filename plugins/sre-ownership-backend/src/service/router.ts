import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { OwnershipService } from './OwnershipService';

/** Builds the plugin's HTTP routes; validation and auth happen here, logic in the services. */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  ownership: OwnershipService;
}): Promise<express.Router> {
  const { httpAuth, ownership } = options;
  const router = Router();
  router.use(express.json());

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/entities/:kind/:namespace/:name/ownership', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { kind, namespace, name } = req.params;
    res.json(
      await ownership.getDeclaredOwnership(
        { kind, namespace, name },
        credentials,
      ),
    );
  });

  return router;
}
