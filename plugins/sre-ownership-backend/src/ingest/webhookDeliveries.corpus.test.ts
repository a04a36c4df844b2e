import { createHmac } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import request from 'supertest';
import { anOrganisation } from '../__testUtils__/catalog';
import { startSreOwnershipServer } from '../__testUtils__/sreOwnershipBackend';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const SECRET = 'corpus-webhook-s3cret';
const FIXTURES = join(__dirname, '__fixtures__', 'deliveries');

/** A delivery of the corpus, as its source wrote it (see the README). */
const delivery = (file: string) => readFileSync(join(FIXTURES, file));

/**
 * The key the Aldaviva/PagerDuty tests publish with the signatures PagerDuty
 * made for its captured deliveries: verifying them checks our reading of
 * PagerDuty's v1 HMAC-SHA256 scheme against PagerDuty's own output.
 */
const ALDAVIVA_KEY =
  'HvPtlQNKMPpHSSqJpCdndXfo7HnGXa1pnH6w5axpxLFn9aRBNBGh4e8/HlonK5mz';
const ALDAVIVA_SIGNATURES: Record<string, string> = {
  'pagerduty-aldaviva-ping.json':
    '0e83584cbab86f98c51517cf96a70c90e910532d3d2f067d58c753cc8980a05b',
  'pagerduty-aldaviva-incident-triggered.json':
    '3e3032b45bbe1801c13f182b0e0a7f4f3f530225cef07e3e90cbc57874d01c49',
  'pagerduty-aldaviva-incident-acknowledged.json':
    '91f533c0411d09f3e68622e2b57fdb561e7113ce7635318a2bbf5cde45d3d876',
  'pagerduty-aldaviva-incident-resolved.json':
    '60a745384fb05b03acfc592b157b05e105e498da2f72f53c437c9d7c8d9aa879',
  'pagerduty-aldaviva-incident-annotated.json':
    '7b1cc279d644e35511cfca431696498477e97d46f2403ed46d426435e0efef2b',
};

const component = (
  name: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', owner: 'group:payments' },
});

/** The catalog the corpus's services, alerts and people belong to. */
const catalog = (): Entity[] => [
  ...anOrganisation(),
  component('webhook-tester', { 'pagerduty.com/service-id': 'PNE3JZM' }),
  component('api-service', { 'pagerduty.com/service-id': 'PF9KMXH' }),
  component('blackbox', {
    'sre-ownership.io/alert-selector': 'job=blackbox-icmp',
  }),
  component('pod-memory', {
    'sre-ownership.io/alert-selector': 'severity=slack',
  }),
  component('kube-state', {
    'sre-ownership.io/alert-selector': 'job=eric-pm-kube-state-metrics',
  }),
  component('pig208', { 'pagerduty.com/service-id': 'PA2P440' }),
  component('andromeda', {
    'sre-ownership.io/alert-selector': 'host=andromeda',
  }),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'ben', namespace: 'default' },
    spec: { profile: { displayName: 'Ben' }, memberOf: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'pig', namespace: 'default' },
    spec: { profile: { displayName: 'PIG 208' }, memberOf: [] },
  },
];

const at = (value: unknown) =>
  value === null || value === undefined
    ? null
    : new Date(Number(value)).toISOString();

describe('the corpus of real webhook deliveries', () => {
  it('holds vendor deliveries of both routes, each named in the README', () => {
    const files = readdirSync(FIXTURES).filter(file => file.endsWith('.json'));
    const readme = readFileSync(join(FIXTURES, 'README.md'), 'utf8');
    expect(files.length).toBeGreaterThanOrEqual(20);
    expect(
      files.filter(f => f.startsWith('pagerduty-')).length,
    ).toBeGreaterThanOrEqual(13);
    expect(
      files.filter(f => f.startsWith('alertmanager-')).length,
    ).toBeGreaterThanOrEqual(6);
    expect(files.filter(file => !readme.includes(file))).toEqual([]);
  });

  it('carries the signatures PagerDuty made, which verify with the published key', () => {
    for (const [file, signature] of Object.entries(ALDAVIVA_SIGNATURES)) {
      const expected = createHmac('sha256', ALDAVIVA_KEY)
        .update(delivery(file))
        .digest('hex');
      expect({ file, signature: expected }).toEqual({ file, signature });
    }
  });
});

describe.each(databases.eachSupportedId())(
  'real webhook deliveries through the plugin (%s)',
  databaseId => {
    let knex: Knex;
    let server: Parameters<typeof request>[0];

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      server = await startSreOwnershipServer({
        knex,
        entities: catalog(),
        permission: AuthorizeResult.ALLOW,
        features: [
          mockServices.rootConfig.factory({
            data: {
              sreOwnership: {
                pagerDuty: { webhookSecrets: [SECRET, ALDAVIVA_KEY] },
              },
            },
          }),
        ],
      });
    });

    afterEach(async () => {
      await knex('oncall_pages').del();
    });

    const pagerDuty = (raw: Buffer | string, signature?: string) =>
      request(server)
        .post('/api/sre-ownership/webhooks/pagerduty')
        .set('content-type', 'application/json')
        .set(
          'x-pagerduty-signature',
          `v1=${
            signature ?? createHmac('sha256', SECRET).update(raw).digest('hex')
          }`,
        )
        .send(Buffer.isBuffer(raw) ? raw.toString('utf8') : raw);

    const alertmanager = (raw: Buffer | string) =>
      request(server)
        .post('/api/sre-ownership/webhooks/alertmanager')
        .set('content-type', 'application/json')
        .send(Buffer.isBuffer(raw) ? raw.toString('utf8') : raw);

    const stored = async () =>
      (await knex('oncall_pages').select().orderBy('external_id')).map(row => ({
        externalId: row.external_id,
        entityRef: row.entity_ref,
        severity: row.severity,
        responderRef: row.responder_ref ?? undefined,
        triggeredAt: at(row.triggered_at),
        acknowledgedAt: at(row.acknowledged_at),
        resolvedAt: at(row.resolved_at),
      }));

    it('answers the "Send test event" ping 2xx, signed by PagerDuty, storing nothing', async () => {
      const file = 'pagerduty-aldaviva-ping.json';
      const answer = await pagerDuty(delivery(file), ALDAVIVA_SIGNATURES[file]);
      expect(answer.status).toBe(202);
      expect(answer.body).toMatchObject({
        pages: 0,
        notice: expect.stringContaining('pagey.ping'),
      });
      expect(await stored()).toEqual([]);
    });

    it('refuses a ping whose signature is wrong with 401, before reading it', async () => {
      const answer = await pagerDuty(
        delivery('pagerduty-aldaviva-ping.json'),
        '0e83584cbab86f98c51517cf96a70c90e910532d3d2f067d58c753cc8980a05c',
      );
      expect(answer.status).toBe(401);
    });

    it('stores a captured incident lifecycle with the times PagerDuty sent, in any order', async () => {
      const files = [
        'pagerduty-aldaviva-incident-resolved.json',
        'pagerduty-aldaviva-incident-acknowledged.json',
        'pagerduty-aldaviva-incident-triggered.json',
      ];
      for (const file of files) {
        const answer = await pagerDuty(
          delivery(file),
          ALDAVIVA_SIGNATURES[file],
        );
        expect(answer.status).toBe(202);
        expect(answer.body).toMatchObject({ pages: 1, unrouted: 0 });
      }
      expect(await stored()).toEqual([
        {
          externalId: 'Q2CKYRLH85UNN4',
          entityRef: 'component:default/webhook-tester',
          severity: 'low', // urgency low, priority null
          responderRef: 'user:default/ben',
          triggeredAt: '2025-04-07T03:47:13.000Z', // data.created_at
          acknowledgedAt: '2025-04-07T03:47:13.546Z',
          resolvedAt: '2025-04-07T03:49:36.358Z',
        },
      ]);
    });

    it.each([
      ['pagerduty-aldaviva-incident-annotated.json', 'incident.annotated'],
      [
        'pagerduty-developer-docs-priority-updated.json',
        'incident.priority_updated',
      ],
      [
        'pagerduty-go-pagerduty-priority-updated-2021.json',
        'incident.priority_updated',
      ],
      ['pagerduty-developer-docs-service-updated.json', 'service.updated'],
      ['pagerduty-zulip-reassigned-v3.json', 'incident.reassigned'],
      ['pagerduty-zulip-escalated-v3.json', 'incident.escalated'],
    ])(
      'answers %s as an event type that is not read, not as unrouted',
      async (file, type) => {
        const raw = delivery(file);
        const answer = await pagerDuty(raw, ALDAVIVA_SIGNATURES[file]);
        expect(answer.status).toBe(202);
        expect(answer.body).toEqual({
          shifts: 0,
          pages: 0,
          toil: 0,
          ignored: 1,
          notice: expect.stringContaining(`${type} is not read`),
        });
        expect(await stored()).toEqual([]);
      },
    );

    it('keeps the trigger time of 2021-format deliveries, which have no created_at', async () => {
      // go-pagerduty's fixture is the 2021 shape: data without created_at.
      const fixture = JSON.parse(
        delivery(
          'pagerduty-go-pagerduty-priority-updated-2021.json',
        ).toString(),
      );
      const as = (eventType: string, occurredAt: string) =>
        JSON.stringify({
          event: {
            ...fixture.event,
            event_type: eventType,
            occurred_at: occurredAt,
          },
        });
      // Acknowledged and resolved first: the trigger arrives last.
      for (const raw of [
        as('incident.acknowledged', '2020-10-02T18:45:22.169Z'),
        as('incident.resolved', '2020-10-02T19:10:00.000Z'),
        as('incident.triggered', '2020-10-02T18:40:00.000Z'),
        as('incident.acknowledged', '2020-10-02T18:45:22.169Z'),
      ]) {
        expect((await pagerDuty(raw)).status).toBe(202);
      }
      const [page] = await stored();
      expect(page).toMatchObject({
        externalId: 'PGR0VU2',
        severity: 'critical', // priority P1
        triggeredAt: '2020-10-02T18:40:00.000Z',
        acknowledgedAt: '2020-10-02T18:45:22.169Z',
        resolvedAt: '2020-10-02T19:10:00.000Z',
      });
    });

    it.each([
      [
        'pagerduty-zulip-triggered-v3.json',
        {
          externalId: 'PFQZPSY',
          responderRef: undefined, // the trigger names no responder
          triggeredAt: '2021-06-04T13:35:29.781Z',
          acknowledgedAt: null,
          resolvedAt: null,
        },
      ],
      [
        'pagerduty-zulip-acknowledged-v3.json',
        {
          // 2021 shape, no created_at and no trigger seen: the only time
          // known is the acknowledgement's, so the page starts there.
          externalId: 'PQ1K5C8',
          responderRef: 'user:default/pig', // agent.summary "PIG 208"
          triggeredAt: '2021-06-04T13:55:30.394Z',
          acknowledgedAt: '2021-06-04T13:55:30.394Z',
          resolvedAt: null,
        },
      ],
      [
        'pagerduty-zulip-resolved-v3.json',
        {
          externalId: 'PCPZE64',
          responderRef: 'user:default/pig',
          triggeredAt: '2021-06-04T13:16:53.816Z',
          acknowledgedAt: null,
          resolvedAt: '2021-06-04T13:16:53.816Z',
        },
      ],
    ])(
      'stores the 2021-format %s with the times its occurred_at gives',
      async (file, expected) => {
        const answer = await pagerDuty(delivery(file));
        expect(answer.status).toBe(202);
        expect(answer.body).toMatchObject({ pages: 1, unrouted: 0 });
        expect(await stored()).toEqual([
          {
            entityRef: 'component:default/pig208',
            severity: 'high', // urgency high, priority null
            ...expected,
          },
        ]);
      },
    );

    it('refuses a v2 webhook with what to subscribe to instead', async () => {
      const answer = await pagerDuty(
        delivery('pagerduty-developer-docs-v2-incident-trigger.json'),
      );
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toContain(
        'v2 webhooks are not read; subscribe with v3',
      );
    });

    it('stores one page per firing alert, with the start Alertmanager sent', async () => {
      const answer = await alertmanager(
        delivery('alertmanager-alertmonitor-icmp-firing.json'),
      );
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ pages: 3, unrouted: 0 });
      const pages = await stored();
      expect(pages).toHaveLength(3);
      for (const page of pages) {
        expect(page).toMatchObject({
          entityRef: 'component:default/blackbox',
          severity: 'high', // severity=major
          triggeredAt: '2019-09-27T16:27:56.612Z',
          resolvedAt: null,
        });
      }
      // alertmonitor's hand-written "Clear" keeps Go's zero endsAt: no end
      // time is known, so the pages stay open rather than close at year 1.
      const clear = await alertmanager(
        delivery('alertmanager-alertmonitor-icmp-clear.json'),
      );
      expect(clear.body).toMatchObject({ pages: 3 });
      expect((await stored()).map(page => page.resolvedAt)).toEqual([
        null,
        null,
        null,
      ]);
    });

    it('counts two identical alerts of one notification as the one page stored', async () => {
      const payload = JSON.parse(
        delivery('alertmanager-alertmonitor-icmp-firing.json').toString(),
      );
      payload.alerts = [...payload.alerts, ...payload.alerts];
      const answer = await alertmanager(JSON.stringify(payload));
      expect(answer.body).toMatchObject({ pages: 3 });
      expect(await stored()).toHaveLength(3);
    });

    it("stores receivers' captured notifications with their times", async () => {
      await alertmanager(
        delivery('alertmanager-pythonwebhook-high-pod-memory-firing.json'),
      );
      await alertmanager(
        delivery('alertmanager-pythonwebhook-deployment-resolved.json'),
      );
      expect(await stored()).toEqual([
        {
          externalId: 'f74798f72524fe89/2022-07-26T19:55:58.97Z',
          entityRef: 'component:default/pod-memory',
          severity: 'medium', // "slack" is no known severity
          responderRef: undefined,
          triggeredAt: '2022-07-26T19:55:58.970Z',
          acknowledgedAt: null,
          resolvedAt: null,
        },
        {
          externalId: 'fbab788ec4c1018b/2022-07-29T11:13:27.3Z',
          entityRef: 'component:default/kube-state',
          severity: 'medium', // "Warning"
          responderRef: undefined,
          triggeredAt: '2022-07-29T11:13:27.300Z',
          acknowledgedAt: null,
          resolvedAt: '2022-07-29T11:17:27.300Z',
        },
      ]);
    });

    it('stores one page per fingerprint of a receiver fixture, nanoseconds cut to milliseconds', async () => {
      // zulip's fixture gives two alerts with the same labels but two
      // fingerprints; Go's zero endsAt means no end is known.
      const answer = await alertmanager(
        delivery('alertmanager-zulip-high-cpu-two-alerts.json'),
      );
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ pages: 2, unrouted: 0 });
      expect(await stored()).toEqual(
        ['a1bc48475b20e73d', 'c2ea85182f28cbd9'].map(fingerprint => ({
          externalId: `${fingerprint}/2020-02-06T00:17:58.432911368Z`,
          entityRef: 'component:default/andromeda',
          severity: 'critical',
          responderRef: undefined,
          triggeredAt: '2020-02-06T00:17:58.432Z',
          acknowledgedAt: null,
          resolvedAt: null,
        })),
      );
    });

    it("keeps a page open when zulip's resolved notification has Go's zero endsAt", async () => {
      await alertmanager(
        delivery('alertmanager-zulip-high-cpu-two-alerts.json'),
      );
      const answer = await alertmanager(
        delivery('alertmanager-zulip-high-cpu-resolved-zero-end.json'),
      );
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ pages: 1, unrouted: 0 });
      // Same fingerprint and start: the same page, still without an end.
      expect(
        (await stored()).map(({ externalId, resolvedAt }) => ({
          externalId,
          resolvedAt,
        })),
      ).toEqual([
        {
          externalId: 'a1bc48475b20e73d/2020-02-06T00:17:58.432911368Z',
          resolvedAt: null,
        },
        {
          externalId: 'c2ea85182f28cbd9/2020-02-06T00:17:58.432911368Z',
          resolvedAt: null,
        },
      ]);
    });

    it('refuses a hand-made notification without a version, naming it', async () => {
      const answer = await alertmanager(
        delivery('alertmanager-alertmanagertofeishu-no-version.json'),
      );
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toContain('version: is required');
    });
  },
);
