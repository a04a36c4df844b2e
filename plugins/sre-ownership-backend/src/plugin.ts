import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { sreOwnershipPermissions } from '@sre-ownership/plugin-sre-ownership-common';
import { registerBurdenActions } from './burden/burdenActions';
import { registerOwnershipActions } from './ownership/ownershipActions';
import { readSreOwnershipConfig } from './config';
import { boundedDatabase } from './database/boundedDatabase';
import { DatabaseOncallStore } from './oncall/DatabaseOncallStore';
import { schedulerUnderMigrationLock } from './database/schedulerUnderMigrationLock';
import { PluginReadiness } from './readiness/PluginReadiness';
import { scheduleNotifications } from './notify/scheduleNotifications';
import { registerTeamPermissions } from './permissions/registerTeamPermissions';
import { requireNamedGrants } from './permissions/machineGrants';
import { gatedPathPrefixes } from './http/requestGate';
import { IcsScheduleSync } from './schedules/ics/IcsScheduleSync';
import { BurdenService } from './burden/BurdenService';
import { CatalogSkeleton } from './ingest/CatalogSkeleton';
import { EventIngestion } from './ingest/EventIngestion';
import { OnCallNowReader } from './oncall/OnCallNowReader';
import { OwnershipResolver } from './ownership/OwnershipResolver';
import { PrincipalEntityCache } from './catalog/PrincipalEntityCache';
import { DatabasePulseStore } from './pulse/DatabasePulseStore';
import { PulseService } from './pulse/PulseService';
import { DatabaseRestTakenStore } from './restOwed/DatabaseRestTakenStore';
import { RestService } from './restOwed/RestService';
import { schedulePulseInvitations } from './pulse/schedulePulseInvitations';
import { createRouter } from './router';
import { registerWhoDoICallAction } from './overview/whoDoICallAction';
import { createRouteAccess } from './http/routeAccess';
import { createReliabilityIndex } from './reliabilityIndex/createReliabilityIndex';
import { OverviewService } from './overview/OverviewService';
import { TeamReports } from './overview/TeamReports';
import { registerSloActions } from './slo/sloActions';
import { SloDeclarationReader } from './slo/SloDeclarationReader';
import { SloService } from './slo/SloService';

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
        // granted by name (see requireNamedGrants).
        const deps = {
          ...coreDeps,
          permissions: requireNamedGrants({
            permissions: coreDeps.permissions,
            config: coreDeps.config,
          }),
          // Its tables are created once across replicas starting together.
          scheduler: schedulerUnderMigrationLock(
            coreDeps.scheduler,
            coreDeps.database,
          ),
        };
        const {
          defaults,
          schedules,
          scheduleSync,
          burden: burdenSettings,
          pagerDuty,
          pulse: pulseSettings,
          overview: overviewSettings,
          notifications: notifySettings,
          prometheus: prometheusSettings,
          database: databaseSettings,
        } = readSreOwnershipConfig(deps.config);
        // Every store's statements time out instead of waiting on a lock.
        const database = boundedDatabase(deps.database, databaseSettings);
        const store = await DatabaseOncallStore.create({
          database,
        });
        const readiness = new PluginReadiness([
          { name: 'database', check: () => store.ping() },
          {
            name: 'catalog',
            check: async () =>
              deps.catalog.getEntities(
                { limit: 1, fields: ['kind'] },
                { credentials: await deps.auth.getOwnServiceCredentials() },
              ),
          },
        ]);
        // Ready once the whole backend has started: the plugin's routes need
        // auth and permissions, and a failed start leaves them broken.
        deps.rootLifecycle.addStartupHook(() => readiness.markStarted());
        const skeleton = new CatalogSkeleton(deps);
        const cache = new PrincipalEntityCache();
        const index = await createReliabilityIndex({
          ...deps,
          database,
          oncall: store,
          defaults,
          schedules,
          settings: overviewSettings,
        });
        const onCall = new OnCallNowReader({
          store,
          ttlMs: overviewSettings.onCallCacheTtlMs,
        });
        const ownership = new OwnershipResolver({
          catalog: deps.catalog,
          defaults,
          cache,
          onCall,
          index: index.ownership,
        });

        deps.permissionsRegistry.addPermissions(sreOwnershipPermissions);
        registerTeamPermissions(deps);

        const pulseStore = await DatabasePulseStore.create({
          database,
        });
        const pulse = new PulseService({
          ...deps,
          store: pulseStore,
          settings: pulseSettings,
        });
        const burden = new BurdenService({
          pulse,
          store,
          catalog: deps.catalog,
          permissions: deps.permissions,
          settings: burdenSettings,
          cache,
        });
        const rest = new RestService({
          oncall: store,
          restTaken: await DatabaseRestTakenStore.create({
            database,
          }),
          catalog: deps.catalog,
          userInfo: deps.userInfo,
          settings: burdenSettings,
          cache,
        });
        const overview = {
          service: new OverviewService({
            snapshot: index.snapshot,
            store: index.store,
            readable: index.readable,
            onCall,
            settings: overviewSettings,
          }),
          teams: new TeamReports({
            snapshot: index.snapshot,
            store: index.store,
            readable: index.readable,
            burden,
            defaultWindowDays: burdenSettings.windowDays,
          }),
        };
        registerWhoDoICallAction({
          actionsRegistry: deps.actionsRegistry,
          overview: overview.service,
        });
        const ingestion = new EventIngestion({
          store,
          logger: deps.logger,
          skeleton,
          pagerDutySecrets: pagerDuty.webhookSecrets,
          deliveryDeadlineMs: databaseSettings.statementTimeoutMs,
        });
        registerOwnershipActions({
          actionsRegistry: deps.actionsRegistry,
          ownership,
        });
        registerBurdenActions({
          actionsRegistry: deps.actionsRegistry,
          burden,
        });
        const slos = new SloService({
          catalog: deps.catalog,
          reader: new SloDeclarationReader({ urlReader: deps.urlReader }),
          settings: prometheusSettings,
          getOwnership: (ref, credentials) =>
            ownership.getOwnership(ref, credentials),
        });
        registerSloActions({ actionsRegistry: deps.actionsRegistry, slos });
        deps.httpRouter.use(
          await createRouter({
            access: createRouteAccess(deps),
            feedRuns: store,
            ownership,
            burden,
            ingestion,
            readiness,
            overview,
            slos,
            pulse,
            rest,
          }),
        );
        const icsSync = new IcsScheduleSync({
          catalog: deps.catalog,
          urlReader: deps.urlReader,
          auth: deps.auth,
          logger: deps.logger.child({ task: 'sre-ownership-ics-sync' }),
          store,
          feeds: schedules,
        });
        await deps.scheduler.scheduleTask({
          id: 'sre-ownership-ics-sync',
          scope: 'global',
          frequency: scheduleSync.frequency,
          timeout: { minutes: 5 },
          initialDelay: { seconds: 10 },
          fn: async signal => {
            await icsSync.run(signal);
          },
        });
        await scheduleNotifications({
          ...deps,
          database,
          burden,
          ownership,
          onCall,
          settings: notifySettings,
        });
        await schedulePulseInvitations({
          ...deps,
          store: pulseStore,
          settings: pulseSettings,
        });
        // The plugin's own gate authenticates its routes (all but /health
        // and the signed PagerDuty webhook) and audits every refusal; see
        // requestGate.
        for (const path of gatedPathPrefixes()) {
          deps.httpRouter.addAuthPolicy({ path, allow: 'unauthenticated' });
        }
      },
    });
  },
});
