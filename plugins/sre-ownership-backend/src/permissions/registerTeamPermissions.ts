import {
  AuthService,
  PermissionsRegistryService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  sreOwnershipBurdenReadPermission,
  sreOwnershipPulseCommentsReadPermission,
  sreOwnershipRestRecordPermission,
} from '@sre-ownership/plugin-sre-ownership-common';
import {
  sreOwnershipTeamPermissionRules,
  sreOwnershipTeamResourceRef,
} from './teamRules';

/**
 * Registers the team resource type with its rules, so conditional decisions
 * on `sre-ownership.burden.read`, `sre-ownership.pulse.comments.read` and
 * `sre-ownership.rest.record` are evaluated here against the Group read
 * from the catalog.
 */
export function registerTeamPermissions(options: {
  permissionsRegistry: PermissionsRegistryService;
  catalog: CatalogService;
  auth: AuthService;
}): void {
  const { permissionsRegistry, catalog, auth } = options;
  permissionsRegistry.addResourceType({
    resourceRef: sreOwnershipTeamResourceRef,
    permissions: [
      sreOwnershipBurdenReadPermission,
      sreOwnershipPulseCommentsReadPermission,
      sreOwnershipRestRecordPermission,
    ],
    rules: Object.values(sreOwnershipTeamPermissionRules),
    getResources: async (entityRefs: string[]) => {
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs },
        { credentials: await auth.getOwnServiceCredentials() },
      );
      return items.map((item): Entity | undefined =>
        item?.kind.toLocaleLowerCase('en-US') === 'group' ? item : undefined,
      );
    },
  });
}
