import { TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { startSreOwnershipServer } from '../__testUtils__/sreOwnershipBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const HOUR_MS = 3_600_000;

function user(name: string, timezone?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name,
      namespace: 'edge',
      ...(timezone
        ? { annotations: { 'sre-ownership.io/timezone': timezone } }
        : {}),
    },
    spec: {},
  };
}

function group(name: string, members: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'edge' },
    spec: { type: 'team', children: [] },
    relations: members.map(member => ({
      type: 'hasMember',
      targetRef: `user:edge/${member}`,
    })),
  };
}

/** Alpha (ana, bo, mars) and beta (tokyo), the people of the cases. */
const catalog = [
  group('alpha', ['ana', 'bo', 'mars']),
  group('beta', ['tokyo']),
  user('ana'),
  user('bo'),
  user('mars', 'Mars/Olympus'),
  user('tokyo', 'Asia/Tokyo'),
];

let sequence = 0;
function shift(userName: string, startsAt: string, endsAt: string) {
  sequence += 1;
  return {
    source: 'edge',
    externalId: `shift-${sequence}`,
    teamRef: 'group:edge/alpha',
    userRef: `user:edge/${userName}`,
    startsAt,
    endsAt,
  };
}
function page(triggeredAt: string, responder: string) {
  sequence += 1;
  return {
    source: 'edge',
    externalId: `page-${sequence}`,
    teamRef: 'group:edge/alpha',
    responderRef: `user:edge/${responder}`,
    severity: 'high',
    triggeredAt,
  };
}

describe.each(databases.eachSupportedId())(
  'team burden through the HTTP API (%s)',
  databaseId => {
    async function backendWith(events: object) {
      const knex = await databases.init(databaseId);
      const server = await startSreOwnershipServer({
        knex,
        entities: catalog,
      });
      if (Object.keys(events).length) {
        const ingested = await request(server)
          .post('/api/sre-ownership/events')
          .send(events);
        expect(ingested.status).toBe(201);
      }
      return server;
    }

    const burdenOf = (
      server: Parameters<typeof request>[0],
      query: Record<string, string>,
    ) =>
      request(server)
        .get('/api/sre-ownership/teams/edge/alpha/burden')
        .query(query);

    const engineer = (body: any, name: string) =>
      body.engineers.find((e: any) => e.userRef === `user:edge/${name}`);

    it('reads a covering engineer from another team in their own zone', async () => {
      const server = await backendWith({
        shifts: [
          shift('tokyo', '2026-10-05T00:00:00Z', '2026-10-06T00:00:00Z'),
        ],
        pages: [
          page('2026-10-05T10:00:00Z', 'tokyo'),
          page('2026-10-05T14:00:00Z', 'tokyo'),
        ],
      });
      const response = await burdenOf(server, {
        from: '2026-10-01T00:00:00Z',
        to: '2026-11-01T00:00:00Z',
      });
      expect(response.body.error).toBeUndefined();
      expect(response.status).toBe(200);
      expect(response.body.window).toEqual({
        from: '2026-10-01T00:00:00.000Z',
        to: '2026-11-01T00:00:00.000Z',
        days: 31,
        endsNow: false,
      });
      const tokyo = engineer(response.body, 'tokyo');
      expect(tokyo).toMatchObject({ timezone: 'Asia/Tokyo', member: false });
      expect(tokyo.current).toMatchObject({
        offHoursPages: 2,
        sleepHoursPages: 1,
      });
      expect(response.body.current).toMatchObject({
        offHoursPages: 2,
        sleepHoursPages: 1,
      });
    });

    it('shows an unknown time zone as a problem naming the user and the annotation', async () => {
      const server = await backendWith({});
      const response = await burdenOf(server, { days: '28' });
      expect(response.status).toBe(200);
      expect(response.body.problems).toEqual([
        expect.objectContaining({
          entityRef: 'user:edge/mars',
          annotation: 'sre-ownership.io/timezone',
          value: 'Mars/Olympus',
        }),
      ]);
      expect(engineer(response.body, 'mars').timezone).toBe('UTC');
    });

    it('answers null, not 0, for the pages per shift of an engineer never on call', async () => {
      const server = await backendWith({
        shifts: [shift('ana', '2026-09-01T00:00:00Z', '2026-09-02T00:00:00Z')],
        pages: Array.from({ length: 10 }, (_, n) =>
          page(
            new Date(
              Date.parse('2026-09-10T08:00:00Z') + n * HOUR_MS,
            ).toISOString(),
            'bo',
          ),
        ),
      });
      const response = await burdenOf(server, {
        from: '2026-09-01T00:00:00Z',
        to: '2026-10-01T00:00:00Z',
      });
      expect(engineer(response.body, 'bo').current).toMatchObject({
        pages: 10,
        offRotationPages: 10,
        pagesPerShift: null,
      });
    });

    it('needs 3 people for one shift of 1,080 hours and 1 ms in 90 days', async () => {
      const from = '2026-06-01T00:00:00.000Z';
      const end = new Date(Date.parse(from) + 1080 * HOUR_MS + 1).toISOString();
      const server = await backendWith({ shifts: [shift('ana', from, end)] });
      const to = new Date(Date.parse(from) + 90 * 24 * HOUR_MS).toISOString();
      const response = await burdenOf(server, { from, to });
      expect(response.body.requiredRotationSize).toBe(3);
      expect(response.body.current.overLimit).toContain('rotationSize');
    });

    it.each([
      [{ from: '2026-09-01T00:00:00Z' }, 'to: is missing'],
      [
        { from: '2025-01-01T00:00:00Z', to: '2026-01-03T00:00:00Z' },
        'at most 366 days',
      ],
      [
        { days: '7', from: '2026-09-01T00:00:00Z', to: '2026-09-08T00:00:00Z' },
        'days: cannot be combined',
      ],
      [{ from: 'last-month', to: '2026-09-08T00:00:00Z' }, 'from:'],
    ])(
      'refuses the window %j with a 400 naming the field',
      async (query, message) => {
        const server = await backendWith({});
        const response = await burdenOf(server, query);
        expect(response.status).toBe(400);
        expect(response.body.error.message).toContain(message);
      },
    );
  },
);
