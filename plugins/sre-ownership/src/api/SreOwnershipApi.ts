import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { DeclaredOwnership } from '@sre-ownership/plugin-sre-ownership-common';

/**
 * Client for the SRE Ownership backend.
 *
 * @public
 */
export interface SreOwnershipApi {
  /** The ownership an entity declares in its own annotations. */
  getDeclaredOwnership(entity: CompoundEntityRef): Promise<DeclaredOwnership>;
}

/**
 * API reference for {@link SreOwnershipApi}; created with the core-plugin-api
 * helper so it works in both the new and the legacy frontend system.
 *
 * @public
 */
export const sreOwnershipApiRef = createApiRef<SreOwnershipApi>({
  id: 'plugin.sre-ownership.service',
});
