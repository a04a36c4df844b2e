import {
  AuthService,
  PermissionsRegistryService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { sreOwnershipPermissions } from '@sre-ownership/plugin-sre-ownership-common';
import { registerTeamPermissions } from './registerTeamPermissions';

/** Registers the plugin's permissions and its team resource type and rules. */
export function registerPermissions(options: {
  permissionsRegistry: PermissionsRegistryService;
  catalog: CatalogService;
  auth: AuthService;
}): void {
  options.permissionsRegistry.addPermissions(sreOwnershipPermissions);
  registerTeamPermissions(options);
}
