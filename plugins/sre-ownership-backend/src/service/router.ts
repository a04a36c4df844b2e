import { HttpAuthService } from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import express from 'express';
import { spec } from '../schema/openapi';
import { OwnershipResolver } from './OwnershipResolver';

const DEFAULT_PAGE_SIZE = 200;

/**
 * The plugin's HTTP routes. Requests are validated against the OpenAPI spec
 * before they reach a handler; handlers authenticate and delegate.
 */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  ownership: OwnershipResolver;
}): Promise<express.Router> {
  const { httpAuth, ownership } = options;
  const router = createValidatedOpenApiRouter(spec);

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/entities/:kind/:namespace/:name/ownership', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { kind, namespace, name } = req.params;
    const resolved = await ownership.getOwnership(
      { kind, namespace, name },
      credentials,
    );
    res.json({ ...resolved });
  });

  router.get('/ownership', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const page = await ownership.listOwnership(
      {
        kinds: req.query.kind ? [...req.query.kind] : undefined,
        limit: req.query.limit ?? DEFAULT_PAGE_SIZE,
        cursor: req.query.cursor,
      },
      credentials,
    );
    res.json({ ...page, items: page.items.map(item => ({ ...item })) });
  });

  return router;
}
