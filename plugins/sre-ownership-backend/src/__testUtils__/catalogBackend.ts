import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  BackstageCredentials,
  coreServices,
  createBackendModule,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  catalogProcessingExtensionPoint,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';

/** A user the test policy lets read only the entities owned by `group:default/payments`. */
export const RESTRICTED_USER = 'user:default/mallory';

/**
 * A permission policy as a PermissionsService: everyone may do everything,
 * except that {@link RESTRICTED_USER} gets a conditional catalog read (the
 * catalog applies the condition in its own query) that allows Groups,
 * Users, Systems and Domains, and only the services payments owns.
 */
class ConditionalPolicy implements PermissionsService {
  async authorize(requests: Array<unknown>) {
    return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
  }

  async authorizeConditional(
    requests: Array<{ permission: { name: string } }>,
    options: { credentials: BackstageCredentials },
  ): Promise<PolicyDecision[]> {
    const principal = options.credentials.principal as {
      type: string;
      userEntityRef?: string;
    };
    return requests.map(request => {
      if (
        principal.userEntityRef !== RESTRICTED_USER ||
        request.permission.name !== 'catalog.entity.read'
      ) {
        return { result: AuthorizeResult.ALLOW };
      }
      return {
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          anyOf: [
            {
              rule: 'IS_ENTITY_KIND',
              resourceType: 'catalog-entity',
              params: { kinds: ['group', 'user', 'system', 'domain'] },
            },
            {
              rule: 'IS_ENTITY_OWNER',
              resourceType: 'catalog-entity',
              params: { claims: ['group:default/payments'] },
            },
          ],
        },
      } as PolicyDecision;
    });
  }
}

/**
 * Starts the real catalog backend (on the given test database) holding the
 * given entities, with the conditional policy above, plus `features`.
 * `publish` replaces the entities, as an edited catalog-info.yaml would.
 */
export async function startCatalogBackend(options: {
  databases: TestDatabases;
  databaseId: TestDatabaseId;
  entities: Entity[];
  config?: JsonObject;
  features: Array<unknown>;
}) {
  // One database per plugin, as in production: each has its own migrations.
  const knexes = new Map([
    ['catalog', await options.databases.init(options.databaseId)],
    ['sre-ownership', await options.databases.init(options.databaseId)],
  ]);
  let connection: EntityProviderConnection | undefined;
  const publish = (entities: Entity[]) =>
    connection!.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity: {
          ...entity,
          metadata: {
            ...entity.metadata,
            annotations: {
              'backstage.io/managed-by-location': 'url:http://test',
              'backstage.io/managed-by-origin-location': 'url:http://test',
              ...entity.metadata.annotations,
            },
          },
        },
        locationKey: 'test-entities',
      })),
    });
  const provider = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'test-entities',
    register(env) {
      env.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.addEntityProvider({
            getProviderName: () => 'test-entities',
            connect: async given => {
              connection = given;
              await publish(options.entities);
            },
          });
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      createServiceFactory({
        service: coreServices.database,
        deps: { plugin: coreServices.pluginMetadata },
        factory: ({ plugin }) =>
          mockServices.database({
            knex: knexes.get(plugin.getId()) ?? knexes.get('catalog')!,
            migrations: { skip: false },
          }),
      }),
      mockServices.rootConfig.factory({
        data: {
          catalog: { processingInterval: { seconds: 1 } },
          ...options.config,
        },
      }),
      createServiceFactory({
        service: coreServices.permissions,
        deps: {},
        factory: () => new ConditionalPolicy(),
      }),
      // The real scheduler: scheduled refreshes run as they do in production.
      schedulerServiceFactory,
      catalogPlugin,
      provider,
      ...(options.features as never[]),
    ],
  });
  return { ...backend, publish };
}
