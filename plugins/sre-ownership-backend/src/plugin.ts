import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { DatabaseOncallStore } from './database/DatabaseOncallStore';
import { OwnershipService } from './service/OwnershipService';
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
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        catalog: catalogServiceRef,
      },
      async init({ database, httpRouter, httpAuth, catalog }) {
        // Runs the migrations, so the on-call tables exist from the first start.
        await DatabaseOncallStore.create({ database });
        const ownership = new OwnershipService({ catalog });
        httpRouter.use(await createRouter({ httpAuth, ownership }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
