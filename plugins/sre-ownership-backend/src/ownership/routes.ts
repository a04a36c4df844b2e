import { RequestHandler } from 'express';
import { capabilityRoutes } from '../http/apiRouter';
import { ownershipContract } from './ownershipSpec';
import { plainCatalogRefusal } from '../http/catalogErrors';
import { RouteAccess } from '../http/routeAccess';
import { sendLargeJson } from '../http/sendLargeJson';
import { OwnershipResolver } from './OwnershipResolver';

/** Entities per page of `GET /ownership` unless the caller asks for fewer. */
const DEFAULT_PAGE_SIZE = 200;

/** The resolved-ownership routes: one entity, and every entity by page. */
export function ownershipRoutes(options: {
  ownership: OwnershipResolver;
  access: RouteAccess;
}): RequestHandler {
  return capabilityRoutes<typeof ownershipContract>(
    ownershipContract,
    router => {
      const { ownership, access } = options;
      const caller = access.credentials;

      router.get(
        '/entities/:kind/:namespace/:name/ownership',
        async (req, res) => {
          const { kind, namespace, name } = req.params;
          const resolved = await ownership.getOwnership(
            { kind, namespace, name },
            await caller(req),
          );
          res.json({ ...resolved });
        },
      );

      router.get('/ownership', async (req, res) => {
        const page = await ownership
          .listOwnershipJson(
            {
              kinds: req.query.kind ? [...req.query.kind] : undefined,
              limit: req.query.limit ?? DEFAULT_PAGE_SIZE,
              cursor: req.query.cursor,
            },
            await caller(req),
          )
          .catch(error =>
            plainCatalogRefusal(error, req.query.cursor ? 'cursor' : undefined),
          );
        // Already serialised (see listOwnershipJson): sent as it is.
        await sendLargeJson(req, res, page);
      });
    },
  );
}
