import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../schema/openapi';

/**
 * The router a capability's `routes.ts` registers its handlers on: requests
 * reach a handler only once the spec has validated them, typed by it.
 */
export type ApiRouter = ReturnType<
  typeof createValidatedOpenApiRouter<typeof spec>
>;
