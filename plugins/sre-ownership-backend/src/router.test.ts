import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  AuthenticationError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { PulseService } from './pulse/PulseService';
import { PluginReadiness } from './readiness/PluginReadiness';
import { BurdenService } from './burden/BurdenService';
import { EventIngestion } from './ingest/EventIngestion';
import { OwnershipResolver } from './ownership/OwnershipResolver';
import { SloOverviewService } from './overview/SloOverviewService';
import { RollupService } from './rollup/RollupService';
import { SloService } from './slo/SloService';
import { OverviewService } from './overview/OverviewService';
import { TeamReports } from './overview/TeamReports';
import { createRouter } from './router';
import { createRouteAccess } from './http/routeAccess';
import { requireNamedGrants } from './permissions/machineGrants';
import { RestService } from './restOwed/RestService';

const aPage = {
  source: 'api',
  externalId: 'p-1',
  teamRef: 'group:default/payments',
  severity: 'high',
  triggeredAt: '2026-03-03T02:00:00Z',
};

type AuditRecord = {
  eventId: string;
  status: 'succeeded' | 'failed';
  error?: string;
};

/** An auditor that remembers how each event ended. */
function recordingAuditor(records: AuditRecord[]): AuditorService {
  return {
    createEvent: async ({ eventId }) => ({
      success: async () => {
        records.push({ eventId, status: 'succeeded' });
      },
      fail: async ({ error }) => {
        records.push({ eventId, status: 'failed', error: error.name });
      },
    }),
  };
}

async function anApp(
  ingestion: Partial<EventIngestion>,
  options: {
    caller?: BackstageCredentials;
    policy?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    audit?: AuditRecord[];
  } = {},
) {
  const readiness = new PluginReadiness([]);
  readiness.markStarted();
  const router = await createRouter({
    access: createRouteAccess({
      auth: mockServices.auth(),
      httpAuth: mockServices.httpAuth({ defaultCredentials: options.caller }),
      permissions: requireNamedGrants({
        permissions: mockServices.permissions({
          result: options.policy ?? AuthorizeResult.ALLOW,
        }),
        config: mockServices.rootConfig(),
      }),
      auditor: recordingAuditor(options.audit ?? []),
    }),
    ownership: {} as OwnershipResolver,
    burden: {} as BurdenService,
    ingestion: ingestion as EventIngestion,
    readiness,
    slos: {} as SloService,
    sloOverview: {} as SloOverviewService,
    rollups: {} as RollupService,
    overview: { service: {} as OverviewService, teams: {} as TeamReports },
    feedRuns: { listFeedRuns: async () => [] },
    pulse: {} as PulseService,
    rest: {} as RestService,
  });
  return express().use(router).use(mockErrorHandler());
}

const stored = { shifts: 0, pages: 1, toil: 0 };
const anAlertmanagerNotification = {
  version: '4',
  status: 'firing',
  alerts: [
    {
      status: 'firing',
      labels: { alertname: 'Down', service: 'payments-api' },
      startsAt: '2026-03-03T02:00:00Z',
    },
  ],
};
/** Alertmanager's token as docs/oncall-data.md configures it. */
const alertmanagerToken = mockCredentials.service('external:alertmanager', {
  permissionNames: ['sre-ownership.alerts.receive'],
});

describe('createRouter: who may send events', () => {
  it('lets a user the policy allows send a batch, and audits it', async () => {
    const audit: AuditRecord[] = [];
    const ingestBatch = jest.fn().mockResolvedValue(stored);
    const response = await request(await anApp({ ingestBatch }, { audit }))
      .post('/events')
      .send({ pages: [aPage] });
    expect(response.status).toBe(201);
    expect(response.body).toEqual(stored);
    expect(ingestBatch).toHaveBeenCalledWith({ pages: [aPage] });
    expect(audit).toEqual([{ eventId: 'events-ingest', status: 'succeeded' }]);
  });

  it('refuses a user the policy denies with a 403, and audits the refusal', async () => {
    const audit: AuditRecord[] = [];
    const ingestBatch = jest.fn();
    const app = await anApp(
      { ingestBatch },
      { audit, policy: AuthorizeResult.DENY },
    );
    const response = await request(app)
      .post('/events')
      .send({ pages: [aPage] });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toContain(
      'sre-ownership.events.create',
    );
    expect(ingestBatch).not.toHaveBeenCalled();
    expect(audit).toEqual([
      { eventId: 'events-ingest', status: 'failed', error: 'NotAllowedError' },
    ]);
  });

  it('accepts the Alertmanager token on its webhook only', async () => {
    const audit: AuditRecord[] = [];
    const ingestion = {
      ingestBatch: jest.fn(),
      ingestAlertmanager: jest.fn().mockResolvedValue(stored),
    };
    const app = await anApp(ingestion, { caller: alertmanagerToken, audit });
    const webhook = await request(app)
      .post('/webhooks/alertmanager')
      .send(anAlertmanagerNotification);
    expect(webhook.status).toBe(201);
    const batch = await request(app)
      .post('/events')
      .send({ pages: [aPage] });
    expect(batch.status).toBe(403);
    expect(ingestion.ingestBatch).not.toHaveBeenCalled();
    expect(audit.map(record => record.status)).toEqual(['succeeded', 'failed']);
  });

  it('refuses a service token granted nothing by name, whatever the policy', async () => {
    const ingestBatch = jest.fn();
    const app = await anApp(
      { ingestBatch },
      { caller: mockCredentials.service('external:any-tool') },
    );
    const response = await request(app)
      .post('/events')
      .send({ pages: [aPage] });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toContain('accessRestrictions');
    expect(ingestBatch).not.toHaveBeenCalled();
  });

  it("lets another backend plugin send a batch with the backend's own token", async () => {
    const ingestBatch = jest.fn().mockResolvedValue(stored);
    const app = await anApp(
      { ingestBatch },
      { caller: mockCredentials.service('plugin:demo-history') },
    );
    const response = await request(app)
      .post('/events')
      .send({ pages: [aPage] });
    expect(response.status).toBe(201);
  });

  it('lets a service token granted sre-ownership.events.create send a batch', async () => {
    const ingestBatch = jest.fn().mockResolvedValue(stored);
    const app = await anApp(
      { ingestBatch },
      {
        caller: mockCredentials.service('external:importer', {
          permissionNames: ['sre-ownership.events.create'],
        }),
      },
    );
    const response = await request(app)
      .post('/events')
      .send({ pages: [aPage] });
    expect(response.status).toBe(201);
  });

  it('checks a PagerDuty signature before the body, and audits the refusal', async () => {
    const audit: AuditRecord[] = [];
    const ingestion = {
      verifyPagerDutySignature: jest.fn(() => {
        throw new AuthenticationError('X-PagerDuty-Signature does not match');
      }),
      ingestPagerDuty: jest.fn(),
    };
    const app = await anApp(ingestion, { audit });
    // Unsigned and not what the route accepts: the caller learns only that
    // the signature is wrong, not what the schema wants.
    const response = await request(app)
      .post('/webhooks/pagerduty')
      .set('x-pagerduty-signature', 'v1=00')
      .send({ event: { id: 'e', unknown: 'field' } });
    expect(response.status).toBe(401);
    expect(response.body.error.message).toBe(
      'X-PagerDuty-Signature does not match',
    );
    expect(ingestion.verifyPagerDutySignature).toHaveBeenCalledWith({
      rawBody: expect.any(Buffer),
      header: 'v1=00',
    });
    expect(ingestion.ingestPagerDuty).not.toHaveBeenCalled();
    expect(audit).toEqual([
      {
        eventId: 'request-refused',
        status: 'failed',
        error: 'AuthenticationError',
      },
    ]);
  });

  it.each([
    [
      'no token',
      (r: request.Test) => r.send({ pages: [aPage] }),
      401,
      'AuthenticationError',
    ],
    [
      'a body that is not JSON',
      (r: request.Test) =>
        r
          .set('Authorization', mockCredentials.user.header())
          .set('content-type', 'text/plain')
          .send('pages'),
      415,
      'UnsupportedMediaTypeError',
    ],
    [
      'a body over the limit',
      (r: request.Test) =>
        r
          .set('Authorization', mockCredentials.user.header())
          .set('content-type', 'application/json')
          .send(`{"pages":[${'0,'.repeat(11_000_000)}0]}`),
      413,
      'PayloadTooLargeError',
    ],
    [
      'a body the contract refuses',
      (r: request.Test) =>
        r
          .set('Authorization', mockCredentials.user.header())
          .send({ pages: [{ ...aPage, severity: 'apocalyptic' }] }),
      400,
      'InputError',
    ],
  ])(
    'audits a delivery refused for %s (%d)',
    async (_what, send, status, error) => {
      const audit: AuditRecord[] = [];
      const ingestBatch = jest.fn();
      const app = await anApp(
        { ingestBatch },
        { audit, caller: mockCredentials.none() },
      );
      const response = await send(request(app).post('/events'));
      expect(response.status).toBe(status);
      expect(ingestBatch).not.toHaveBeenCalled();
      expect(audit).toEqual([
        { eventId: 'request-refused', status: 'failed', error },
      ]);
    },
  );
});

describe('createRouter', () => {
  it('answers a body that is not JSON with 415 and stores nothing', async () => {
    const ingestBatch = jest.fn();
    const response = await request(await anApp({ ingestBatch }))
      .post('/events')
      .set('Authorization', mockCredentials.user.header())
      .set('content-type', 'text/plain')
      .send(JSON.stringify({ pages: [aPage] }));
    expect(response.status).toBe(415);
    expect(response.body.error.message).toContain('send application/json');
    expect(ingestBatch).not.toHaveBeenCalled();
  });

  it('answers a body over the route limit with 413 and stores nothing', async () => {
    const ingestAlertmanager = jest.fn();
    const response = await request(await anApp({ ingestAlertmanager }))
      .post('/webhooks/alertmanager')
      .set('Authorization', mockCredentials.user.header())
      .send({ version: '4', alerts: [], padding: 'x'.repeat(1_100_000) });
    expect(response.status).toBe(413);
    expect(response.body.error.message).toContain('accepts at most 1mb');
    expect(ingestAlertmanager).not.toHaveBeenCalled();
  });

  it('names a missing or unknown field of a batch before any service runs', async () => {
    const ingestBatch = jest.fn();
    const app = await anApp({ ingestBatch });
    const missing = await request(app)
      .post('/events')
      .set('Authorization', mockCredentials.user.header())
      .send({ pages: [aPage, { ...aPage, triggeredAt: undefined }] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBe(
      'Rejected the whole delivery, nothing was stored: pages[1].triggeredAt: is required',
    );
    const unknown = await request(app)
      .post('/events')
      .set('Authorization', mockCredentials.user.header())
      .send({ pages: [{ ...aPage, resolvedat: '2026-03-03T03:00:00Z' }] });
    expect(unknown.body.error.message).toContain(
      'pages[0].resolvedat: is not a field here',
    );
    expect(ingestBatch).not.toHaveBeenCalled();
  });

  it('validates a webhook delivery against the document, naming the field', async () => {
    const ingestAlertmanager = jest.fn();
    const app = await anApp(
      { ingestAlertmanager },
      { caller: alertmanagerToken },
    );
    const response = await request(app)
      .post('/webhooks/alertmanager')
      .send({
        ...anAlertmanagerNotification,
        alerts: [{ ...anAlertmanagerNotification.alerts[0], status: 'gone' }],
      });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      'Rejected the whole delivery, nothing was stored: alerts[0].status: must be equal to one of the allowed values: firing, resolved',
    );
    expect(ingestAlertmanager).not.toHaveBeenCalled();
  });

  it('serves one OpenAPI document with every route, ingestion included', async () => {
    const app = await anApp({});
    const response = await request(app).get('/openapi.json');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/events',
        '/webhooks/alertmanager',
        '/webhooks/pagerduty',
        '/entities/{kind}/{namespace}/{name}/ownership',
        '/overview/coverage',
      ]),
    );
  });

  it('answers a busy database with a 503 that says when to send again', async () => {
    const ingestBatch = jest
      .fn()
      .mockRejectedValue(
        new ServiceUnavailableError('The database is busy; nothing was stored'),
      );
    const app = await anApp({ ingestBatch });
    const response = await request(app)
      .post('/events')
      .set('Authorization', mockCredentials.user.header())
      .send({ pages: [aPage] });
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.body.error.message).toContain('nothing was stored');
  });
});
