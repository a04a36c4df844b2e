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
import { DatabaseOncallStore } from '../../oncall/DatabaseOncallStore';
import { IcsScheduleSync } from './IcsScheduleSync';
import { aUrlReader } from './__testUtils__/feedServer';

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
    let endlessHost: string;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      store = await DatabaseOncallStore.create({
        database: mockServices.database({ knex }),
      });
      endless = createServer((req, res) => {
        res.writeHead(200, { 'content-type': 'text/calendar' });
        res.write('BEGIN:VCALENDAR\r\n');
        if (req.url === '/stalled.ics') return;
        // Chunked, never ending: as fast as the reader takes it.
        const chunk = Buffer.alloc(64 * 1024, 'X');
        const more = () => {
          while (!res.destroyed && res.write(chunk));
          if (!res.destroyed) res.once('drain', more);
        };
        more();
      });
      await new Promise<void>(resolve =>
        endless.listen(0, '127.0.0.1', resolve),
      );
      endlessHost = `127.0.0.1:${(endless.address() as AddressInfo).port}`;
      feedsDir.setContent({
        'bomb.ics': anOccurrenceBomb(),
        'weekly.ics': aWeeklyRota(),
      });
    });

    afterAll(async () => {
      endless.closeAllConnections();
      await new Promise(resolve => endless.close(resolve));
    });

    it('refuses a feed repeating every minute, one that never finishes and one that never ends, and reads the others', async () => {
      const sync = new IcsScheduleSync({
        catalog: catalogServiceMock({ entities }),
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
        store,
        urlReader: aUrlReader(endlessHost),
        baseDir: feedsDir.path,
        now: () => now,
        limits: { timeoutMs: FEED_TIMEOUT_MS },
        feeds: [
          {
            name: 'endless',
            url: `http://${endlessHost}/stalled.ics`,
            teamRef: 'group:default/search',
          },
          {
            name: 'huge',
            url: `http://${endlessHost}/huge.ics`,
            teamRef: 'group:default/search',
          },
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
        { feed: 'huge', ok: false },
        { feed: 'bomb', ok: false },
        { feed: 'weekly', ok: true },
      ]);
      expect(outcomes[0]).toMatchObject({ error: 'was not read within 10 s' });
      expect(outcomes[1]).toMatchObject({
        error: 'is larger than 5242880 bytes; at most 5242880 are read',
      });
      expect(outcomes[2]).toMatchObject({
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
          lastError: outcomes[2].ok ? undefined : outcomes[2].error,
          lastErrorAt: now.toISOString(),
        }),
        expect.objectContaining({
          feed: 'endless',
          ok: false,
          lastError: 'was not read within 10 s',
        }),
        expect.objectContaining({
          feed: 'huge',
          ok: false,
          lastError: 'is larger than 5242880 bytes; at most 5242880 are read',
        }),
        {
          feed: 'weekly',
          teamRef: 'group:default/platform-sre',
          lastRunAt: now.toISOString(),
          ok: true,
          lastSuccessAt: now.toISOString(),
          shifts: 13,
          warnings: 0,
          leftOut: [],
        },
      ]);
    });

    it('leaves out the events that break the record rules, counted by reason, and stores the others', async () => {
      const event = (uid: string, day: string, summary = 'Amara') => [
        'BEGIN:VEVENT',
        `UID:${uid}`,
        `DTSTART:202603${day}T080000Z`,
        `DTEND:202603${day}T200000Z`,
        `SUMMARY:${summary}`,
        'ATTENDEE:mailto:amara.okafor@acme.example',
        'END:VEVENT',
      ];
      const text = calendar([
        event('a-good-one', '02'),
        event('x'.repeat(600), '03'),
        event('y'.repeat(600), '04'),
        event('nul\u0000uid', '05'),
        event('bell\u0007uid', '06'),
        event('not-utf8', '07', 'INVALID'),
      ]);
      // A byte that is never UTF-8, in one event's summary.
      const bytes = Buffer.from(text, 'utf8');
      bytes[bytes.indexOf('INVALID')] = 0xff;
      feedsDir.setContent({ 'rules.ics': bytes });
      const sync = new IcsScheduleSync({
        catalog: catalogServiceMock({ entities }),
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
        store,
        urlReader: aUrlReader(),
        baseDir: feedsDir.path,
        now: () => now,
        feeds: [
          { name: 'rules', url: 'rules.ics', teamRef: 'group:default/search' },
        ],
      });

      const [outcome] = await sync.run();

      expect(outcome).toMatchObject({ ok: true, shifts: 1 });
      const stored = await knex('oncall_shifts')
        .where('source', 'ics:rules')
        .select('external_id');
      expect(stored).toEqual([
        { external_id: 'a-good-one/2026-03-02T08:00:00.000Z' },
      ]);
      const status = (await store.listFeedRuns()).find(
        run => run.feed === 'rules',
      );
      expect(status).toMatchObject({
        ok: true,
        shifts: 1,
        warnings: 5,
        leftOut: [
          {
            reason:
              "the shift's id (UID/occurrence start) is 625 characters long; at most 512 fit",
            events: 2,
          },
          { reason: 'event is not valid UTF-8', events: 1 },
          {
            reason:
              "the shift's id (UID/occurrence start) contains a NUL character (U+0000), which cannot be stored",
            events: 1,
          },
          {
            reason:
              'UID contains a control character (U+0007), which iCalendar does not allow',
            events: 1,
          },
        ],
      });
      expect(JSON.stringify(status)).not.toMatch(/insert into|xxxx/i);
    });
  },
);
