import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import {
  sreOwnershipAlertsReceivePermission,
  sreOwnershipEventsCreatePermission,
} from '@sre-ownership/plugin-sre-ownership-common';
import express from 'express';
import { asServiceUnavailable } from './database/retryTransient';
import { AlertmanagerPayload } from './ingest/alertmanager';
import { PagerDutyWebhook } from './ingest/pagerduty';
import { BurdenWindowRequest } from './burden/burdenWindow';
import { OncallStore } from './oncall/OncallStore';
import { PluginReadiness } from './readiness/PluginReadiness';
import { spec } from './schema/openapi';
import { OverviewService } from './overview/OverviewService';
import { registerOverviewRoutes } from './overview/routes';
import { PulseService } from './pulse/PulseService';
import { RestService } from './restOwed/RestService';
import { registerRestRoutes } from './restOwed/routes';
import { registerPulseRoutes } from './pulse/routes';
import { TeamReports } from './overview/TeamReports';
import { SloService } from './slo/SloService';
import { registerSloRoutes } from './slo/routes';
import { registerSloOverviewRoutes } from './overview/sloRoutes';
import { SloOverviewService } from './overview/SloOverviewService';
import { registerRollupRoutes } from './rollup/routes';
import { RollupService } from './rollup/RollupService';
import { registerScheduleRoutes } from './schedules/routes';
import { registerReadinessRoutes } from './readiness/routes';
import { registerOwnershipRoutes } from './ownership/routes';
import {
  INGESTION_PATHS,
  RequestWithRawBody,
  jsonBodies,
} from './http/bodyParsing';
import { plainRequestErrors } from './http/plainRequestErrors';
import { plainCatalogErrors } from './http/catalogErrors';
import { requestGuard } from './http/requestGuard';
import { BurdenService } from './burden/BurdenService';
import { EventIngestion } from './ingest/EventIngestion';
import { OwnershipResolver } from './ownership/OwnershipResolver';
import { RouteAccess } from './http/routeAccess';

/** Seconds a client should wait after a 503 before sending again. */
const RETRY_AFTER_SECONDS = 5;

/** The plugin's OpenAPI document with only these paths. */
function specOf<P extends keyof typeof spec.paths>(paths: readonly P[]) {
  return {
    ...spec,
    paths: Object.fromEntries(
      paths.map(path => [path, spec.paths[path]]),
    ) as Pick<typeof spec.paths, P>,
  };
}

const noMiddleware: express.RequestHandler = (_req, _res, next) => next();

/** The window query parameters of the burden and health routes. */
function windowOf(query: {
  days?: number;
  from?: string;
  to?: string;
}): BurdenWindowRequest {
  const { days, from, to } = query;
  return { days, from, to };
}

/**
 * The plugin's HTTP routes. Requests are validated against the OpenAPI spec
 * before they reach a handler; handlers authenticate, authorize and audit
 * through {@link RouteAccess}, and delegate.
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
  router.use(requestGuard());
  router.use(jsonBodies());
  // The signature is PagerDuty's credential: checked before the body's
  // schema, so an unsigned caller learns nothing about what is accepted.
  router.use('/webhooks/pagerduty', (req, _res, next) => {
    try {
      ingestion.verifyPagerDutySignature({
        rawBody: (req as RequestWithRawBody).rawBody,
        header: req.header('x-pagerduty-signature'),
      });
      next();
    } catch (error) {
      next(error);
    }
  });
  // Bodies are parsed above, where a wrong media type or size gets its own
  // status instead of the validator's 400.
  const validatorOptions = { middleware: [noMiddleware] };
  // The validator finds a request's operation by compiling and trying every
  // path of its document in turn, on every request. Ingestion, which
  // machines call hundreds of times a second in an alert storm, has a
  // validator of its own over just its paths of the same document.
  const ingest = createValidatedOpenApiRouter(
    specOf(INGESTION_PATHS),
    validatorOptions,
  );
  const api = createValidatedOpenApiRouter(spec, validatorOptions);
  router.use((req, res, next) =>
    (INGESTION_PATHS as readonly string[]).includes(req.path)
      ? ingest(req, res, next)
      : next(),
  );
  router.use(api);
  router.use(plainRequestErrors());
  router.use(plainCatalogErrors());
  const caller = access.credentials;

  registerReadinessRoutes(api, { readiness });

  registerOverviewRoutes(api, {
    overview: options.overview.service,
    teams: options.overview.teams,
    caller,
  });

  registerPulseRoutes(api, { pulse: options.pulse, access });

  registerRestRoutes(api, { rest: options.rest, access });

  registerOwnershipRoutes(api, { ownership, access });

  api.get('/teams/:namespace/:name/burden', async (req, res) => {
    const { namespace, name } = req.params;
    const team = { kind: 'Group', namespace, name };
    res.json({
      ...(await burden.getTeamBurden(
        team,
        windowOf(req.query),
        await caller(req),
      )),
    });
  });

  api.get(
    '/entities/:kind/:namespace/:name/oncall-health',
    async (req, res) => {
      const { kind, namespace, name } = req.params;
      const health = await burden.getServiceHealth(
        { kind, namespace, name },
        windowOf(req.query),
        await caller(req),
      );
      res.json({ ...health });
    },
  );

  registerSloRoutes(api, { slos, access });

  registerSloOverviewRoutes(api, {
    sloOverview: options.sloOverview,
    access,
  });

  registerRollupRoutes(api, { rollups: options.rollups, access });

  registerScheduleRoutes(api, { feedRuns, access });

  ingest.post('/events', async (req, res) => {
    const result = await access.audited('events-ingest', req, async () => {
      await access.authorize(req, sreOwnershipEventsCreatePermission);
      return ingestion.ingestBatch(req.body);
    });
    res.status(201).json(result);
  });

  ingest.post('/webhooks/alertmanager', async (req, res) => {
    const result = await access.audited(
      'alertmanager-webhook',
      req,
      async () => {
        await access.authorize(req, sreOwnershipAlertsReceivePermission);
        return ingestion.ingestAlertmanager(req.body as AlertmanagerPayload);
      },
    );
    res.status(201).json(result);
  });

  // Open to anyone (PagerDuty sends no Backstage token): the signature is
  // the credential, checked by the ingestion before anything is read.
  ingest.post('/webhooks/pagerduty', async (req, res) => {
    const result = await access.audited('pagerduty-webhook', req, () =>
      ingestion.ingestPagerDuty(req.body as PagerDutyWebhook, {
        rawBody: (req as RequestWithRawBody).rawBody,
        header: req.header('x-pagerduty-signature'),
      }),
    );
    res.status(202).json(result);
  });

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
