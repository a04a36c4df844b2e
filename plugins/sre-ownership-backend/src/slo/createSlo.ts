import { UrlReaderService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { OwnershipResolver } from '../ownership/OwnershipResolver';
import { PrometheusSettings } from './prometheusConfig';
import { registerSloActions } from './sloActions';
import { SloDeclarationReader } from './SloDeclarationReader';
import { SloService } from './SloService';

/**
 * Builds SLO status (declarations read from the catalog's sources, measured
 * in Prometheus, answered with the entity's owners) and registers its action.
 */
export function createSlo(options: {
  catalog: CatalogService;
  urlReader: UrlReaderService;
  actionsRegistry: ActionsRegistryService;
  ownership: OwnershipResolver;
  settings: PrometheusSettings;
}): SloService {
  const { ownership, actionsRegistry } = options;
  const slos = new SloService({
    catalog: options.catalog,
    reader: new SloDeclarationReader({ urlReader: options.urlReader }),
    settings: options.settings,
    getOwnership: (ref, credentials) =>
      ownership.getOwnership(ref, credentials),
  });
  registerSloActions({ actionsRegistry, slos });
  return slos;
}
