import { BackendFeature } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { sreOwnershipPlugin } from '../plugin';

/**
 * Starts the plugin on the test database `knex` over a mock catalog of
 * `entities`, answering every permission check with `permission` when given
 * (the mock's default otherwise), plus any further `features`; resolves to
 * its HTTP server.
 */
export async function startSreOwnershipServer(options: {
  knex: Knex;
  entities: Entity[];
  permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  features?: BackendFeature[];
}) {
  const { knex, entities, permission, features = [] } = options;
  const { server } = await startTestBackend({
    features: [
      sreOwnershipPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.database.factory({ knex }),
      ...(permission
        ? [mockServices.permissions.factory({ result: permission })]
        : []),
      ...features,
    ],
  });
  return server;
}
