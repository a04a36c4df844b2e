import express from 'express';
import { BurdenService } from './burden/BurdenService';
import { burdenRoutes } from './burden/routes';
import { asServiceUnavailable } from './database/retryTransient';
import { servedSpec } from './http/apiRouter';
import { jsonBodies } from './http/bodyParsing';
import { plainCatalogErrors } from './http/catalogErrors';
import { plainRequestErrors } from './http/plainRequestErrors';
import { requestGuard } from './http/requestGuard';
import { RouteAccess } from './http/routeAccess';
import { operationsOf } from './http/specOperations';
import { EventIngestion } from './ingest/EventIngestion';
import { ingestionRoutes, pagerDutySignature } from './ingest/routes';
import { OncallStore } from './oncall/OncallStore';
import { spec } from './openapi';
import { OverviewService } from './overview/OverviewService';
import { overviewRoutes } from './overview/routes';
import { TeamReports } from './overview/TeamReports';
import { OwnershipResolver } from './ownership/OwnershipResolver';
import { ownershipRoutes } from './ownership/routes';
import { sloOverviewRoutes } from './overview/sloRoutes';
import { SloOverviewService } from './overview/SloOverviewService';
import { rollupRoutes } from './rollup/routes';
import { RollupService } from './rollup/RollupService';
import { PulseService } from './pulse/PulseService';
import { pulseRoutes } from './pulse/routes';
import { PluginReadiness } from './readiness/PluginReadiness';
import { readinessRoutes } from './readiness/routes';
import { RestService } from './restOwed/RestService';
import { restRoutes } from './restOwed/routes';
import { scheduleRoutes } from './schedules/routes';
import { sloRoutes } from './slo/routes';
import { SloService } from './slo/SloService';

/** Seconds a client should wait after a 503 before sending again. */
const RETRY_AFTER_SECONDS = 5;

/**
 * The plugin's HTTP routes. Each capability's routes are validated against
 * that capability's contract before they reach a handler; handlers
 * authenticate, authorize and audit through {@link RouteAccess}, and
 * delegate. The full spec is served at /openapi.json.
 */
export async function createRouter(options: {
  access: RouteAccess;
  ownership: OwnershipResolver;
  burden: BurdenService;
  ingestion: EventIngestion;
  readiness: PluginReadiness;
  slos: SloService;
  sloOverview: SloOverviewService;
  rollups: RollupService;
  overview: { service: OverviewService; teams: TeamReports };
  feedRuns: Pick<OncallStore, 'listFeedRuns'>;
  pulse: PulseService;
  rest: RestService;
}): Promise<express.Router> {
  const { access, ownership, burden, ingestion, readiness, slos, feedRuns } =
    options;
  const router = express.Router();
  router.use(access.authenticate);
  router.use(requestGuard(operationsOf(spec)));
  // Bodies are parsed here, where a wrong media type or size gets its own
  // status instead of the validator's 400.
  router.use(jsonBodies());
  router.use('/webhooks/pagerduty', pagerDutySignature(ingestion));
  // A validator finds a request's operation by compiling and trying every
  // path of its contract in turn, on every request: each capability's
  // routes see only the requests for their own paths. Ingestion, which
  // machines call hundreds of times a second in an alert storm, comes first.
  router.use(ingestionRoutes({ ingestion, access }));
  router.get('/openapi.json', servedSpec(spec));
  router.use(readinessRoutes({ readiness }));
  router.use(
    overviewRoutes({
      overview: options.overview.service,
      teams: options.overview.teams,
      caller: access.credentials,
    }),
  );
  router.use(pulseRoutes({ pulse: options.pulse, access }));
  router.use(restRoutes({ rest: options.rest, access }));
  router.use(ownershipRoutes({ ownership, access }));
  router.use(burdenRoutes({ burden, access }));
  router.use(sloRoutes({ slos, access }));
  router.use(sloOverviewRoutes({ sloOverview: options.sloOverview, access }));
  router.use(rollupRoutes({ rollups: options.rollups, access }));
  router.use(scheduleRoutes({ feedRuns, access }));
  router.use(plainRequestErrors(spec));
  router.use(plainCatalogErrors());
  router.use(access.auditRefusals);

  // Alertmanager and PagerDuty retry a 503; Retry-After tells any client when.
  // A database past its statement timeout is such a 503 on every route.
  router.use(
    (
      error: Error,
      _req: express.Request,
      res: express.Response,
      next: express.NextFunction,
    ) => {
      const answer = asServiceUnavailable(error);
      if (answer.name === 'ServiceUnavailableError') {
        res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      }
      next(answer);
    },
  );

  return router;
}
