import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  createMockDirectory,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { DatabaseOncallStore } from '../../database/DatabaseOncallStore';
import { IcsScheduleSync } from './IcsScheduleSync';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const feedsDir = createMockDirectory();

const entity = (kind: string, name: string, spec: object = {}) =>
  ({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default' },
    spec,
  } as Entity);

const entities = [
  entity('User', 'amara-okafor', {
    profile: { email: 'amara.okafor@acme.example' },
  }),
  entity('Group', 'platform-sre'),
  entity('Group', 'search'),
  entity('Group', 'payments'),
];

const calendar = (events: string[][]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//EN',
    ...events.flat(),
    'END:VCALENDAR',
  ].join('\r\n');

/** Fifty events, each repeating every minute with no end: a million occurrences in range. */
const anOccurrenceBomb = () =>
  calendar(
    Array.from({ length: 50 }, (_, i) => [
      'BEGIN:VEVENT',
      `UID:bomb-${i}`,
      'DTSTART:20260101T000000Z',
      'DTEND:20260101T000100Z',
      'RRULE:FREQ=MINUTELY',
      'ATTENDEE:mailto:amara.okafor@acme.example',
      'END:VEVENT',
    ]),
  );

/** A weekly rota of one person. */
const aWeeklyRota = () =>
  calendar([
    [
      'BEGIN:VEVENT',
      'UID:weekly',
      'DTSTART:20260302T080000Z',
      'DTEND:20260309T080000Z',
      'RRULE:FREQ=WEEKLY',
      'ATTENDEE:mailto:amara.okafor@acme.example',
      'END:VEVENT',
    ],
  ]);

const now = new Date('2026-04-01T00:00:00Z');
// Long enough that a loaded test machine reads the good feed in time.
const FEED_TIMEOUT_MS = 10_000;

describe.each(databases.eachSupportedId())(
  'hostile schedule feeds (%s)',
  databaseId => {
    let knex: Knex;
    let store: DatabaseOncallStore;
    let endless: Server;
    let endlessUrl: string;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      store = await DatabaseOncallStore.create({
        database: mockServices.database({ knex }),
      });
      // Answers the headers, then never sends the calendar.
      endless = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/calendar' });
        res.write('BEGIN:VCALENDAR\r\n');
      });
      await new Promise<void>(resolve =>
        endless.listen(0, '127.0.0.1', resolve),
      );
      endlessUrl = `http://127.0.0.1:${
        (endless.address() as AddressInfo).port
      }/feed.ics`;
      feedsDir.setContent({
        'bomb.ics': anOccurrenceBomb(),
        'weekly.ics': aWeeklyRota(),
      });
    });

    afterAll(async () => {
      endless.closeAllConnections();
      await new Promise(resolve => endless.close(resolve));
    });

    it('refuses a feed repeating every minute and one that never finishes, and reads the others', async () => {
      const sync = new IcsScheduleSync({
        catalog: catalogServiceMock({ entities }),
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
        store,
        baseDir: feedsDir.path,
        now: () => now,
        limits: { timeoutMs: FEED_TIMEOUT_MS },
        feeds: [
          { name: 'endless', url: endlessUrl, teamRef: 'group:default/search' },
          { name: 'bomb', url: 'bomb.ics', teamRef: 'group:default/payments' },
          {
            name: 'weekly',
            url: 'weekly.ics',
            teamRef: 'group:default/platform-sre',
          },
        ],
      });
      const started = Date.now();
      const outcomes = await sync.run();
      const took = Date.now() - started;

      expect(outcomes.map(({ feed, ok }) => ({ feed, ok }))).toEqual([
        { feed: 'endless', ok: false },
        { feed: 'bomb', ok: false },
        { feed: 'weekly', ok: true },
      ]);
      expect(outcomes[0]).toMatchObject({ error: 'was not read within 10 s' });
      expect(outcomes[1]).toMatchObject({
        error: expect.stringMatching(
          /more than 5000 shifts|more than 50000 occurrences|took too long/,
        ),
      });
      // Bounded time: the endless feed's own limit, not a task timeout.
      expect(took).toBeLessThan(FEED_TIMEOUT_MS + 8_000);
      // Bounded rows: nothing of the refused feeds, all of the good one.
      const rows = await knex('oncall_shifts')
        .select('source')
        .count({ n: '*' })
        .groupBy('source');
      expect(rows.map(row => ({ ...row, n: Number(row.n) }))).toEqual([
        { source: 'ics:weekly', n: 13 },
      ]);
      // What an operator sees at GET /schedules/status.
      expect(await store.listFeedRuns()).toEqual([
        expect.objectContaining({
          feed: 'bomb',
          ok: false,
          lastError: outcomes[1].ok ? undefined : outcomes[1].error,
          lastErrorAt: now.toISOString(),
        }),
        expect.objectContaining({
          feed: 'endless',
          ok: false,
          lastError: 'was not read within 10 s',
        }),
        {
          feed: 'weekly',
          teamRef: 'group:default/platform-sre',
          lastRunAt: now.toISOString(),
          ok: true,
          lastSuccessAt: now.toISOString(),
          shifts: 13,
          warnings: 0,
        },
      ]);
    });
  },
);
