import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { createBurden } from './burden/createBurden';
import { PrincipalEntityCache } from './catalog/PrincipalEntityCache';
import { readSreOwnershipConfig } from './config';
import { boundedDatabase } from './database/boundedDatabase';
import { migratedDatabase } from './database/migratedDatabase';
import { schedulerUnderMigrationLock } from './database/schedulerUnderMigrationLock';
import { gatedPathPrefixes } from './http/requestGate';
import { spec } from './openapi';
import { createRouteAccess } from './http/routeAccess';
import { createIngestion } from './ingest/createIngestion';
import { scheduleNotifications } from './notify/scheduleNotifications';
import { sloBurnNotifications } from './notify/SloBurnNotifier';
import { createRollup } from './rollup/createRollup';
import { createOncall } from './oncall/createOncall';
import { createOverview } from './overview/createOverview';
import { createOwnership } from './ownership/createOwnership';
import { requireNamedGrants } from './permissions/machineGrants';
import { registerPermissions } from './permissions/registerPermissions';
import { createPulse } from './pulse/createPulse';
import { createReadiness } from './readiness/createReadiness';
import { createReliabilityIndex } from './reliabilityIndex/createReliabilityIndex';
import { createRestOwed } from './restOwed/createRestOwed';
import { createRouter } from './router';
import { scheduleFeedSync } from './schedules/scheduleFeedSync';
import { createSlo } from './slo/createSlo';
import { SloOverviewService } from './overview/SloOverviewService';

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
        auth: coreServices.auth,
        auditor: coreServices.auditor,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        lifecycle: coreServices.lifecycle,
        rootLifecycle: coreServices.rootLifecycle,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        urlReader: coreServices.urlReader,
        userInfo: coreServices.userInfo,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
        notifications: notificationService,
      },
      async init(coreDeps) {
        // Every capability asks this plugin's permissions through the same
        // rule: a token from outside the backend holds only what it is
        // granted by name (see requireNamedGrants). Its tables are created
        // once across replicas starting together.
        const deps = {
          ...coreDeps,
          permissions: requireNamedGrants(coreDeps),
          scheduler: schedulerUnderMigrationLock(
            coreDeps.scheduler,
            coreDeps.database,
          ),
        };
        const settings = readSreOwnershipConfig(deps.config);
        const { defaults, burden: burdenSettings } = settings;
        // Every store's statements time out instead of waiting on a lock;
        // the tables are brought up to date once, before any store is built.
        const database = await migratedDatabase(
          boundedDatabase(deps.database, settings.database),
        );
        const { onCallCacheTtlMs } = settings.overview;
        const { store, onCall } = await createOncall({
          database,
          onCallCacheTtlMs,
        });
        const readiness = createReadiness({ ...deps, store });
        const cache = new PrincipalEntityCache();
        const index = await createReliabilityIndex({
          ...deps,
          database,
          oncall: store,
          defaults,
          schedules: settings.schedules,
          settings: settings.overview,
        });
        const ownership = createOwnership({
          ...deps,
          defaults,
          cache,
          onCall,
          index: index.ownership,
        });
        registerPermissions(deps);
        const pulse = await createPulse({
          ...deps,
          database,
          settings: settings.pulse,
        });
        const burden = createBurden({
          ...deps,
          pulse: pulse.service,
          store,
          settings: burdenSettings,
          cache,
          onCallFor: (ref, credentials) =>
            ownership.onCallFor(ref, credentials),
          feedRuns: store,
        });
        const rest = await createRestOwed({
          ...deps,
          database,
          oncall: store,
          settings: burdenSettings,
          cache,
        });
        const overview = createOverview({
          ...deps,
          index,
          onCall,
          burden,
          settings: settings.overview,
          defaultWindowDays: burdenSettings.windowDays,
        });
        const ingestion = createIngestion({
          ...deps,
          store,
          pagerDutySecrets: settings.pagerDuty.webhookSecrets,
          deliveryDeadlineMs: settings.database.statementTimeoutMs,
        });
        const slos = await createSlo({
          ...deps,
          database,
          ownership,
          oncall: store,
          settings: settings.prometheus,
          evaluation: settings.slos,
        });
        const rollups = createRollup({
          ...deps,
          index,
          slos,
          burden,
          defaultWindowDays: burdenSettings.windowDays,
        });
        const sloOverview = new SloOverviewService({
          snapshot: index.snapshot,
          readable: index.readable,
          store: slos.store,
          settings: settings.slos,
        });
        deps.httpRouter.use(
          await createRouter({
            access: createRouteAccess(deps),
            feedRuns: store,
            ownership,
            burden,
            ingestion,
            readiness,
            overview,
            slos: slos.service,
            sloOverview,
            rollups,
            pulse: pulse.service,
            rest,
          }),
        );
        await scheduleFeedSync({
          ...deps,
          store,
          feeds: settings.schedules,
          frequency: settings.scheduleSync.frequency,
        });
        await scheduleNotifications({
          ...deps,
          database,
          burden,
          ownership,
          onCall,
          settings: settings.notifications,
        });
        await slos.scheduleEvaluation(
          await sloBurnNotifications({
            ...deps,
            database,
            ownership,
            settings: settings.notifications,
          }),
        );
        await pulse.scheduleInvitations();
        // The plugin's own gate authenticates its routes (all but /health
        // and the signed PagerDuty webhook) and audits every refusal; see
        // requestGate.
        for (const path of gatedPathPrefixes(spec)) {
          deps.httpRouter.addAuthPolicy({ path, allow: 'unauthenticated' });
        }
      },
    });
  },
});
