import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { sreOwnershipPermissions } from '@sre-ownership/plugin-sre-ownership-common';
import { registerOwnershipActions } from './actions/ownershipActions';
import { readSreOwnershipConfig } from './config';
import { DatabaseOncallStore } from './database/DatabaseOncallStore';
import { CatalogSkeleton } from './service/CatalogSkeleton';
import { OwnershipResolver } from './service/OwnershipResolver';
import { createRouter } from './service/router';

/**
 * The SRE Ownership backend plugin.
 *
 * @public
 */
export const sreOwnershipPlugin = createBackendPlugin({
  pluginId: 'sre-ownership',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        logger: coreServices.logger,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const { defaults } = readSreOwnershipConfig(deps.config);
        // Runs the migrations, so the on-call tables exist from the first start.
        await DatabaseOncallStore.create({ database: deps.database });
        const skeleton = new CatalogSkeleton(deps);
        const ownership = new OwnershipResolver({
          catalog: deps.catalog,
          skeleton,
          defaults,
        });

        deps.permissionsRegistry.addPermissions(sreOwnershipPermissions);
        registerOwnershipActions({
          actionsRegistry: deps.actionsRegistry,
          ownership,
        });
        deps.httpRouter.use(
          await createRouter({ httpAuth: deps.httpAuth, ownership }),
        );
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
