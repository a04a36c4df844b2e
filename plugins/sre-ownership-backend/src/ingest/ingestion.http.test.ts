import { createHmac } from 'node:crypto';
import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import request from 'supertest';
import { anOrganisation } from '../__testUtils__/catalog';
import { startSreOwnershipServer } from '../__testUtils__/sreOwnershipBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const SECRET = 'webhook-s3cret';

const aPage = (overrides: object = {}) => ({
  source: 'api',
  externalId: 'p-1',
  entityRef: 'component:default/payments-api',
  teamRef: 'group:default/payments',
  severity: 'high',
  triggeredAt: '2026-03-03T02:00:00Z',
  ...overrides,
});

const alertmanagerPayload = (status: 'firing' | 'resolved') => ({
  version: '4',
  status,
  alerts: [
    {
      status,
      labels: {
        alertname: 'HighErrorRate',
        service: 'payments-api',
        severity: 'critical',
      },
      startsAt: '2026-03-03T02:00:00Z',
      endsAt:
        status === 'resolved' ? '2026-03-03T02:30:00Z' : '0001-01-01T00:00:00Z',
      fingerprint: 'f00d',
    },
  ],
});

const pagerDutyEvent = (eventType: string, occurredAt: string) => ({
  event: {
    id: `ev-${eventType}`,
    event_type: eventType,
    resource_type: 'incident',
    occurred_at: occurredAt,
    agent: { summary: 'Mei Lin', type: 'user_reference' },
    data: {
      id: 'PINC1',
      type: 'incident',
      title: 'Payments down',
      created_at: '2026-03-03T02:00:00Z',
      urgency: 'high',
      service: { id: 'PAYAPI1' },
    },
  },
});

describe.each(databases.eachSupportedId())(
  'on-call event ingestion (%s)',
  databaseId => {
    let knex: Knex;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
    });

    afterEach(async () => {
      await knex('oncall_pages').del();
      await knex('oncall_shifts').del();
      await knex('toil_entries').del();
    });

    async function startBackend(
      permission:
        | AuthorizeResult.ALLOW
        | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
    ) {
      const entities = anOrganisation().map(entity =>
        entity.metadata.name === 'payments-api'
          ? {
              ...entity,
              metadata: {
                ...entity.metadata,
                annotations: {
                  ...entity.metadata.annotations,
                  'pagerduty.com/service-id': 'PAYAPI1',
                },
              },
            }
          : entity,
      );
      return startSreOwnershipServer({
        knex,
        entities,
        permission,
        features: [
          mockServices.rootConfig.factory({
            data: { sreOwnership: { pagerDuty: { webhookSecrets: [SECRET] } } },
          }),
        ],
      });
    }

    const storedPages = () =>
      knex('oncall_pages').select(
        'external_id',
        'severity',
        'resolved_at',
        'acknowledged_at',
        'responder_ref',
      );

    it('stores a batch once, however often it is delivered', async () => {
      const server = await startBackend();
      for (let delivery = 0; delivery < 2; delivery++) {
        const response = await request(server)
          .post('/api/sre-ownership/events')
          .send({ pages: [aPage()] });
        expect(response.status).toBe(201);
        expect(response.body).toEqual({ shifts: 0, pages: 1, toil: 0 });
      }
      expect(await storedPages()).toHaveLength(1);
    });

    it('stores two reports of one page in one batch in time order', async () => {
      const server = await startBackend();
      const response = await request(server)
        .post('/api/sre-ownership/events')
        .send({
          pages: [
            aPage({
              triggeredAt: '2026-03-03T10:00:00Z',
              acknowledgedAt: '2026-03-03T10:05:00Z',
              resolvedAt: '2026-03-03T10:30:00Z',
            }),
            aPage({ triggeredAt: '2026-03-03T11:00:00Z' }),
          ],
        });
      expect(response.status).toBe(201);
      const [row] = await knex('oncall_pages').select(
        'triggered_at',
        'acknowledged_at',
        'resolved_at',
      );
      expect(
        [row.triggered_at, row.acknowledged_at, row.resolved_at].map(at =>
          new Date(Number(at)).toISOString(),
        ),
      ).toEqual([
        '2026-03-03T10:00:00.000Z',
        '2026-03-03T10:05:00.000Z',
        '2026-03-03T10:30:00.000Z',
      ]);
    });

    it('refuses bytes that are not UTF-8 rather than store two ids as one', async () => {
      const server = await startBackend();
      // "p-\xff" and "p-\xfe" would both be read as "p-\ufffd".
      const responses = [];
      for (const byte of [0xff, 0xfe]) {
        const body = Buffer.concat([
          Buffer.from('{"pages":[{"source":"api","externalId":"p-'),
          Buffer.from([byte]),
          Buffer.from(
            '","teamRef":"group:default/payments","severity":"high","triggeredAt":"2026-03-03T02:00:00Z"}]}',
          ),
        ]);
        responses.push(
          await request(server)
            .post('/api/sre-ownership/events')
            .set('content-type', 'application/json')
            .serialize((raw: Buffer) => raw as unknown as string)
            .send(body as unknown as object),
        );
      }
      expect(responses.map(r => [r.status, r.body.error?.message])).toEqual(
        [0, 1].map(() => [
          400,
          'body: is not valid UTF-8; send JSON encoded as UTF-8 (other bytes would be read as U+FFFD and make different text the same). Nothing was stored.',
        ]),
      );
      expect(await storedPages()).toEqual([]);
    });

    it('rejects a batch with one bad record whole, naming the record and field', async () => {
      const server = await startBackend();
      const response = await request(server)
        .post('/api/sre-ownership/events')
        .send({
          pages: [
            aPage(),
            aPage({ externalId: 'p-2', resolvedAt: '2026-03-03T01:00:00Z' }),
          ],
        });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(
        'pages[1].resolvedAt: must not be before pages[1].triggeredAt',
      );
      expect(await storedPages()).toHaveLength(0);
    });

    it('refuses callers without credentials or without the permission', async () => {
      const server = await startBackend();
      const anonymous = await request(server)
        .post('/api/sre-ownership/events')
        .set('Authorization', mockCredentials.none.header())
        .send({ pages: [aPage()] });
      expect(anonymous.status).toBe(401);
      const denied = await request(await startBackend(AuthorizeResult.DENY))
        .post('/api/sre-ownership/events')
        .send({ pages: [aPage()] });
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toContain(
        'sre-ownership.events.create',
      );
      expect(await storedPages()).toHaveLength(0);
    });

    it('opens a page for a firing alert and closes it when it resolves', async () => {
      const server = await startBackend();
      const firing = await request(server)
        .post('/api/sre-ownership/webhooks/alertmanager')
        .send(alertmanagerPayload('firing'));
      expect(firing.status).toBe(201);
      await request(server)
        .post('/api/sre-ownership/webhooks/alertmanager')
        .send(alertmanagerPayload('firing'));
      await request(server)
        .post('/api/sre-ownership/webhooks/alertmanager')
        .send(alertmanagerPayload('resolved'));
      const pages = await storedPages();
      expect(pages).toHaveLength(1);
      expect(pages[0]).toMatchObject({
        external_id: 'f00d/2026-03-03T02:00:00Z',
        severity: 'critical',
      });
      expect(Number(pages[0].resolved_at)).toBe(
        Date.parse('2026-03-03T02:30:00Z'),
      );
    });

    it('accepts signed PagerDuty events, updating the incident as it is acknowledged and resolved', async () => {
      const server = await startBackend();
      const send = (payload: object, secret = SECRET) => {
        const raw = JSON.stringify(payload);
        return request(server)
          .post('/api/sre-ownership/webhooks/pagerduty')
          .set('Authorization', mockCredentials.none.header())
          .set('Content-Type', 'application/json')
          .set(
            'X-PagerDuty-Signature',
            `v1=${createHmac('sha256', secret).update(raw).digest('hex')}`,
          )
          .send(raw);
      };
      expect(
        (
          await send(
            pagerDutyEvent('incident.triggered', '2026-03-03T02:00:00Z'),
          )
        ).status,
      ).toBe(202);
      await send(
        pagerDutyEvent('incident.acknowledged', '2026-03-03T02:05:00Z'),
      );
      await send(pagerDutyEvent('incident.resolved', '2026-03-03T02:45:00Z'));
      await send(pagerDutyEvent('incident.resolved', '2026-03-03T02:45:00Z'));
      const pages = await storedPages();
      expect(pages).toHaveLength(1);
      expect(pages[0]).toMatchObject({
        external_id: 'PINC1',
        responder_ref: 'user:default/mei-lin',
      });
      expect(Number(pages[0].acknowledged_at)).toBe(
        Date.parse('2026-03-03T02:05:00Z'),
      );
      expect(Number(pages[0].resolved_at)).toBe(
        Date.parse('2026-03-03T02:45:00Z'),
      );

      expect(
        (
          await send(
            pagerDutyEvent('incident.triggered', '2026-03-04T00:00:00Z'),
            'not-the-secret',
          )
        ).status,
      ).toBe(401);
      const unsigned = await request(server)
        .post('/api/sre-ownership/webhooks/pagerduty')
        .set('Authorization', mockCredentials.none.header())
        .send(pagerDutyEvent('incident.triggered', '2026-03-04T00:00:00Z'));
      expect(unsigned.status).toBe(401);
      expect(await storedPages()).toHaveLength(1);
    });
  },
);
