import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { readOwnershipDefaults } from '@sre-ownership/plugin-sre-ownership-common';
import { SreOwnershipProcessor } from './SreOwnershipProcessor';

/**
 * Adds the {@link SreOwnershipProcessor} to the catalog. It reads the
 * organisation-wide defaults from app-config as the backend does, and the
 * entities an entity inherits from through the catalog with the module's own
 * service credentials.
 *
 * @public
 */
export const catalogModuleSreOwnership = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'sre-ownership',
  register(reg) {
    reg.registerInit({
      deps: {
        processing: catalogProcessingExtensionPoint,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ processing, catalog, auth, config, logger }) {
        processing.addProcessor(
          new SreOwnershipProcessor({
            logger,
            defaults: readOwnershipDefaults(config),
            readEntities: async entityRefs => {
              const { items } = await catalog.getEntitiesByRefs(
                { entityRefs },
                { credentials: await auth.getOwnServiceCredentials() },
              );
              return items;
            },
          }),
        );
      },
    });
  },
});
