import {
  ApiRouter,
  createValidatedOpenApiRouter,
} from '@backstage/backend-openapi-utils';
import express from 'express';
import { SpecDocument, operationsOf } from './specOperations';

type RequiredDoc = Parameters<typeof createValidatedOpenApiRouter>[0];

const noMiddleware: express.RequestHandler = (_req, _res, next) => next();

/**
 * The router a capability's `routes.ts` registers its handlers on, typed and
 * validated by that capability's own contract: a request reaches a handler
 * only once the contract has validated it. Bodies are parsed before (see
 * `jsonBodies`), where a wrong media type or size gets its own status
 * instead of the validator's 400.
 */
export function apiRouter<Doc extends RequiredDoc>(
  contract: Doc,
): ApiRouter<Doc> {
  return createValidatedOpenApiRouter<Doc>(contract, {
    middleware: [noMiddleware],
    // Each contract is a part of the full spec, which `servedSpec` checks
    // against OpenAPI 3.1 once: not again for every part.
    validatorOptions: { validateApiSpec: false },
  });
}

/**
 * Serves the full spec at /openapi.json. Its validator, built on the first
 * request for it, checks the document against OpenAPI 3.1; it validates no
 * request (no route is registered on it but the document's).
 */
export function servedSpec<Doc extends RequiredDoc>(
  spec: Doc,
): express.RequestHandler {
  let served: express.Router | undefined;
  return (req, res, next) => {
    served ??= createValidatedOpenApiRouter<Doc>(spec, {
      middleware: [noMiddleware],
    });
    served(req, res, next);
  };
}

/**
 * A capability's routes: `register` adds its handlers to
 * `apiRouter(contract)`. Only requests for a path of the contract reach
 * them, so a request is matched and validated against its own capability's
 * few paths; the router and its validator are built on the first such
 * request, so a capability nobody calls costs nothing at start.
 */
export function capabilityRoutes<Doc extends RequiredDoc & SpecDocument>(
  contract: Doc,
  register: (router: ApiRouter<Doc>) => void,
): express.RequestHandler {
  const operationOf = operationsOf(contract);
  let routes: ApiRouter<Doc> | undefined;
  return (req, res, next) => {
    if (!operationOf(req.method, req.path)) {
      next();
      return;
    }
    if (!routes) {
      routes = apiRouter<Doc>(contract);
      register(routes);
    }
    routes(req, res, next);
  };
}
