import {
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { permissionsRegistryServiceFactory } from '@backstage/backend-defaults/permissionsRegistry';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import permissionBackend from '@backstage/plugin-permission-backend';
import { PermissionPolicy } from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { sreOwnershipPlugin } from '../plugin';

/**
 * The mock auth service, except that the permission backend calls other
 * plugins as itself, as the real one does (its on-behalf-of token carries it
 * as the actor); the mock would forward the bare user, whom a plugin's
 * apply-conditions endpoint refuses.
 */
const authFactory = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const auth = mockServices.auth({ pluginId: plugin.getId() });
    if (plugin.getId() !== 'permission') return auth;
    return Object.assign(Object.create(auth), {
      getPluginRequestToken: async (options: { targetPluginId: string }) =>
        auth.getPluginRequestToken({
          ...options,
          onBehalfOf: await auth.getOwnServiceCredentials(),
        }),
    });
  },
});

/**
 * Starts the plugin with the real permission backend deciding by `policy`,
 * over a mock catalog of `entities`. Each user's ownership claims are
 * `claimsOf(userEntityRef)`, as a sign-in resolver would set them.
 */
export function startBackendWithPolicy(options: {
  policy: PermissionPolicy;
  policyModuleId: string;
  entities: Entity[];
  claimsOf: (userEntityRef: string) => string[];
}) {
  const { policy, policyModuleId, entities, claimsOf } = options;
  const userInfoFactory = createServiceFactory({
    service: coreServices.userInfo,
    deps: {},
    factory: () => ({
      async getUserInfo(credentials: any) {
        const userEntityRef = credentials.principal.userEntityRef;
        return { userEntityRef, ownershipEntityRefs: claimsOf(userEntityRef) };
      },
    }),
  });
  return startTestBackend({
    features: [
      sreOwnershipPlugin,
      permissionBackend,
      createBackendModule({
        pluginId: 'permission',
        moduleId: policyModuleId,
        register(reg) {
          reg.registerInit({
            deps: { policy: policyExtensionPoint },
            async init({ policy: extension }) {
              extension.setPolicy(policy);
            },
          });
        },
      }),
      permissionsServiceFactory,
      permissionsRegistryServiceFactory,
      userInfoFactory,
      authFactory,
      mockServices.rootConfig.factory({
        data: { permission: { enabled: true } },
      }),
      catalogServiceMock.factory({ entities }),
    ],
  });
}
