import {
  AuditorService,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { startSreOwnershipServer } from '../__testUtils__/sreOwnershipBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

function user(name: string, timezone: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'sre-ownership.io/timezone': timezone },
    },
    spec: {},
  };
}

/** Payments: ana in Berlin, bo in Tokyo, managed by the test's default user. */
const catalog: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: 'payments',
      namespace: 'default',
      annotations: { 'sre-ownership.io/managers': 'user:default/mock' },
    },
    spec: { type: 'team', children: [] },
    relations: ['ana', 'bo'].map(name => ({
      type: 'hasMember',
      targetRef: `user:default/${name}`,
    })),
  },
  user('ana', 'Europe/Berlin'),
  user('bo', 'Asia/Tokyo'),
];

const MARCH = { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };

/** A week on call for ana, with one page at 03:12 Berlin time answered till 04:00. */
const events = {
  shifts: [
    {
      source: 'api',
      externalId: 'shift-1',
      teamRef: 'group:default/payments',
      userRef: 'user:default/ana',
      startsAt: '2026-03-09T08:00:00Z',
      endsAt: '2026-03-16T08:00:00Z',
    },
  ],
  pages: [
    {
      source: 'api',
      externalId: 'page-1',
      teamRef: 'group:default/payments',
      responderRef: 'user:default/ana',
      severity: 'critical',
      triggeredAt: '2026-03-11T02:12:00Z',
      acknowledgedAt: '2026-03-11T02:15:00Z',
      resolvedAt: '2026-03-11T03:00:00Z',
    },
  ],
};

const asUser = (name: string) =>
  `Bearer ${mockCredentials.user.token(`user:default/${name}`)}`;

describe.each(databases.eachSupportedId())(
  'rest owed and compensation through the HTTP API (%s)',
  databaseId => {
    const audit: Array<{ eventId: string; ok: boolean }> = [];
    const auditor: AuditorService = {
      createEvent: async ({ eventId }) => ({
        success: async () => {
          audit.push({ eventId, ok: true });
        },
        fail: async () => {
          audit.push({ eventId, ok: false });
        },
      }),
    };

    async function backend(
      policy:
        | AuthorizeResult.ALLOW
        | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
    ) {
      audit.length = 0;
      const knex = await databases.init(databaseId);
      const server = await startSreOwnershipServer({
        knex,
        entities: catalog,
        permission: policy,
        features: [
          createServiceFactory({
            service: coreServices.auditor,
            deps: {},
            factory: () => auditor,
          }),
        ],
      });
      if (policy === AuthorizeResult.ALLOW) {
        const ingested = await request(server)
          .post('/api/sre-ownership/events')
          .send(events);
        expect(ingested.status).toBe(201);
      }
      return server;
    }

    const restOwed = (server: Parameters<typeof request>[0]) =>
      request(server)
        .get('/api/sre-ownership/teams/default/payments/rest-owed')
        .query(MARCH);
    const recordRest = (
      server: Parameters<typeof request>[0],
      body: object,
      as = 'mock',
    ) =>
      request(server)
        .post('/api/sre-ownership/teams/default/payments/rest-taken')
        .set('Authorization', asUser(as))
        .send(body);
    const ana = (body: any) =>
      body.engineers.find((e: any) => e.userRef === 'user:default/ana');

    it('shows the rest owed with a reason per entry, in the engineer’s zone', async () => {
      const server = await backend();
      const response = await restOwed(server);
      expect(response.body.error).toBeUndefined();
      expect(response.status).toBe(200);
      expect(response.body.rules).toEqual({
        sleepPageMinutes: 60,
        busyShiftMinutes: 240,
        offHoursResponsePercent: 100,
      });
      // The test's default user manages the team
      expect(response.body.mayRecordFor).toEqual([
        'user:default/ana',
        'user:default/bo',
      ]);
      expect(ana(response.body)).toMatchObject({
        timezone: 'Europe/Berlin',
        owedMinutes: 105,
        balanceMinutes: 105,
        entries: [
          expect.objectContaining({
            kind: 'sleep-page',
            reason: expect.stringContaining('2026-03-11 03:12 Europe/Berlin'),
          }),
          expect.objectContaining({ kind: 'off-hours-response', minutes: 45 }),
        ],
      });
    });

    it('lowers the balance by rest a manager records, once per day however often it is sent', async () => {
      const server = await backend();
      const day = {
        userRef: 'user:default/ana',
        date: '2026-03-12',
        minutes: 60,
      };
      const first = await recordRest(server, day);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        created: true,
        taken: { ...day, recordedBy: 'user:default/mock' },
      });
      const again = await recordRest(server, day);
      expect(again.status).toBe(200);
      expect(again.body.created).toBe(false);
      expect(ana((await restOwed(server)).body)).toMatchObject({
        takenMinutes: 60,
        balanceMinutes: 45,
      });
      expect(audit.filter(e => e.eventId.startsWith('rest'))).toEqual([
        { eventId: 'rest-taken-record', ok: true },
        { eventId: 'rest-taken-record', ok: true },
      ]);
    });

    it('lets an engineer record their own rest but not a colleague’s', async () => {
      const server = await backend();
      const own = await recordRest(
        server,
        { userRef: 'user:default/ana', date: '2026-03-13', minutes: 30 },
        'ana',
      );
      expect(own.status).toBe(201);
      const asAna = await restOwed(server).set('Authorization', asUser('ana'));
      expect(asAna.body.mayRecordFor).toEqual(['user:default/ana']);
      const colleague = await recordRest(
        server,
        { userRef: 'user:default/bo', date: '2026-03-13', minutes: 30 },
        'ana',
      );
      expect(colleague.status).toBe(403);
      expect(colleague.body.error.message).toContain('manager');
      expect(audit.at(-1)).toEqual({ eventId: 'rest-taken-record', ok: false });
    });

    it.each([
      [
        { userRef: 'user:default/ana', date: '2026-02-30', minutes: 60 },
        'date',
      ],
      [
        { userRef: 'user:default/ana', date: '2026-03-12', minutes: 0 },
        'minutes',
      ],
      [
        { userRef: 'user:default/ana', date: '12.03.2026', minutes: 60 },
        'date',
      ],
      [{ date: '2026-03-12', minutes: 60 }, 'userRef'],
      [
        { userRef: 'user:default/zed', date: '2026-03-12', minutes: 60 },
        'userRef: user:default/zed is not a member',
      ],
    ])('refuses %j with a 400 naming %s', async (body, field) => {
      const server = await backend();
      const response = await recordRest(server, body);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(field);
    });

    it('exports compensation by band as JSON and as a CSV download', async () => {
      const server = await backend();
      const url = '/api/sre-ownership/teams/default/payments/compensation';
      const json = await request(server).get(url).query(MARCH);
      expect(json.status).toBe(200);
      // Monday 2026-03-09 09:00 to Monday 2026-03-16 09:00 in Berlin (CET):
      // 168 hours, of which 5 x 8 business hours and a 48-hour weekend
      expect(ana(json.body)).toMatchObject({
        onCallMinutes: {
          'weekday-business': 5 * 8 * 60,
          'weekday-outside': (168 - 40 - 48) * 60,
          weekend: 48 * 60,
          holiday: 0,
        },
        pages: { 'weekday-outside': 1 },
        responseMinutes: { 'weekday-outside': 45 },
      });
      const csv = await request(server)
        .get(url)
        .query({ ...MARCH, format: 'csv' });
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.headers['content-disposition']).toBe(
        'attachment; filename="compensation-payments-2026-03-01-2026-03-31.csv"',
      );
      const lines = csv.text.trim().split('\r\n');
      expect(lines[0]).toBe(
        'team_ref,user_ref,timezone,member,period_from,period_to,band,on_call_minutes,pages,response_minutes',
      );
      expect(lines).toContain(
        'group:default/payments,user:default/ana,Europe/Berlin,true,2026-03-01T00:00:00.000Z,2026-04-01T00:00:00.000Z,weekend,2880,0,0',
      );
      expect(lines).toHaveLength(1 + 2 * 4);
    });

    it('refuses the per-person routes without the permission on the team', async () => {
      const server = await backend(AuthorizeResult.DENY);
      const owed = await restOwed(server);
      expect(owed.status).toBe(403);
      expect(owed.body.error.message).toContain('sre-ownership.burden.read');
      const compensation = await request(server)
        .get('/api/sre-ownership/teams/default/payments/compensation')
        .query({ ...MARCH, format: 'csv' });
      expect(compensation.status).toBe(403);
      const recorded = await recordRest(server, {
        userRef: 'user:default/ana',
        date: '2026-03-12',
        minutes: 60,
      });
      expect(recorded.status).toBe(403);
      expect(recorded.body.error.message).toContain(
        'sre-ownership.rest.record',
      );
    });
  },
);
