import {
  AuthService,
  RootLifecycleService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PluginReadiness } from './PluginReadiness';

/**
 * The plugin's readiness: its database answers and the catalog answers the
 * plugin's own credentials. Ready only once the whole backend has started:
 * the routes need auth and permissions, and a failed start leaves them
 * broken.
 */
export function createReadiness(options: {
  /** The events store, pinged for the database check. */
  store: { ping(): Promise<unknown> };
  catalog: CatalogService;
  auth: AuthService;
  rootLifecycle: RootLifecycleService;
}): PluginReadiness {
  const { store, catalog, auth, rootLifecycle } = options;
  const readiness = new PluginReadiness([
    { name: 'database', check: () => store.ping() },
    {
      name: 'catalog',
      check: async () =>
        catalog.getEntities(
          { limit: 1, fields: ['kind'] },
          { credentials: await auth.getOwnServiceCredentials() },
        ),
    },
  ]);
  rootLifecycle.addStartupHook(() => readiness.markStarted());
  return readiness;
}
