import {
  AuthService,
  DatabaseService,
  LifecycleService,
  LoggerService,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { OwnershipDefaults } from '@sre-ownership/plugin-sre-ownership-common';
import { ScheduleFeedConfig } from '../schedules/scheduleConfig';
import { OncallStore } from '../oncall/OncallStore';
import { CatalogReadFilter } from './CatalogReadFilter';
import { DatabaseReliabilityIndexStore } from './DatabaseReliabilityIndexStore';
import { IndexedOwnership } from './IndexedOwnership';
import { IndexSnapshot } from './IndexSnapshot';
import { OverviewSettings } from './overviewConfig';
import { ReliabilityIndexer } from './ReliabilityIndexer';

/** The scheduled task that refreshes the index. */
export const INDEX_TASK_ID = 'sre-ownership-reliability-index';

/** The parts of the reliability index the rest of the plugin uses. */
export interface ReliabilityIndex {
  indexer: ReliabilityIndexer;
  snapshot: IndexSnapshot;
  store: DatabaseReliabilityIndexStore;
  readable: CatalogReadFilter;
  ownership: IndexedOwnership;
}

/**
 * Creates the reliability index and schedules its refresh: a global task,
 * so one replica at a time compares the index with the catalog.
 */
export async function createReliabilityIndex(options: {
  database: DatabaseService;
  scheduler: SchedulerService;
  lifecycle: LifecycleService;
  catalog: CatalogService;
  auth: AuthService;
  permissions: PermissionsService;
  logger: LoggerService;
  oncall: OncallStore;
  defaults: OwnershipDefaults;
  schedules: ScheduleFeedConfig[];
  settings: OverviewSettings;
}): Promise<ReliabilityIndex> {
  const { settings } = options;
  const store = await DatabaseReliabilityIndexStore.create(options);
  const logger = options.logger.child({ task: INDEX_TASK_ID });
  const indexer = new ReliabilityIndexer({
    catalog: options.catalog,
    auth: options.auth,
    logger,
    store,
    oncall: options.oncall,
    defaults: options.defaults,
    settings,
    scheduledInConfig: options.schedules.map(feed => feed.teamRef),
  });
  const readable = new CatalogReadFilter({
    permissions: options.permissions,
    catalog: options.catalog,
    ttlMs: settings.permissionCacheTtlMs,
  });
  await options.scheduler.scheduleTask({
    id: INDEX_TASK_ID,
    scope: 'global',
    frequency: settings.refreshFrequency,
    timeout: { minutes: 10 },
    initialDelay: { seconds: 3 },
    fn: async () => {
      const start = Date.now();
      const result = await indexer.refresh();
      if (result.full) {
        logger.info(
          `Built the reliability index from ${
            result.read
          } catalog entities in ${Date.now() - start} ms`,
        );
      }
    },
  });
  // The catalog starts in the same backend: a first run before it serves
  // fails, and the next would come a whole cadence later. Run again as soon
  // as every plugin has started.
  options.lifecycle.addStartupHook(() =>
    options.scheduler.triggerTask(INDEX_TASK_ID).catch(error =>
      // Already running, here or on another replica.
      logger.debug(`Did not start the index refresh at startup: ${error}`),
    ),
  );
  return {
    indexer,
    snapshot: new IndexSnapshot(store),
    store,
    readable,
    ownership: new IndexedOwnership({ store, readable }),
  };
}
