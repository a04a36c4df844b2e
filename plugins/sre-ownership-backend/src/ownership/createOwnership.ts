import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { OwnershipDefaults } from '@sre-ownership/plugin-sre-ownership-common';
import { PrincipalEntityCache } from '../catalog/PrincipalEntityCache';
import { OnCallNowReader } from '../oncall/OnCallNowReader';
import { IndexedOwnership } from '../reliabilityIndex/IndexedOwnership';
import { registerOwnershipActions } from './ownershipActions';
import { OwnershipResolver } from './OwnershipResolver';

/**
 * Builds ownership resolution, answered from the reliability index where it
 * holds the entity, and registers the ownership actions over it.
 */
export function createOwnership(options: {
  catalog: CatalogService;
  actionsRegistry: ActionsRegistryService;
  defaults: OwnershipDefaults;
  cache: PrincipalEntityCache;
  onCall: OnCallNowReader;
  index: IndexedOwnership;
}): OwnershipResolver {
  const { actionsRegistry, ...resolverOptions } = options;
  const ownership = new OwnershipResolver(resolverOptions);
  registerOwnershipActions({ actionsRegistry, ownership });
  return ownership;
}
