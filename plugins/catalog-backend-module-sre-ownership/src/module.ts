import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { SreOwnershipProcessor } from './SreOwnershipProcessor';

/**
 * Adds the {@link SreOwnershipProcessor} to the catalog.
 *
 * @public
 */
export const catalogModuleSreOwnership = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'sre-ownership',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        logger: coreServices.logger,
      },
      async init({ catalog, logger }) {
        catalog.addProcessor(new SreOwnershipProcessor({ logger }));
      },
    });
  },
});
