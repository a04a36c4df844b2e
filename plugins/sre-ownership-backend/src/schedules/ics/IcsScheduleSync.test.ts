import {
  createMockDirectory,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { DatabaseOncallStore } from '../../oncall/DatabaseOncallStore';
import { IcsScheduleSync } from './IcsScheduleSync';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const feedsDir = createMockDirectory();

// Feeds named by a Group annotation are read through the URL reader.
const fixtureUrl = 'https://schedules.example.com/payments.ics';
const fixturePath = join(__dirname, '__fixtures__', 'pagerduty-export.ics');
const urlReader = mockServices.urlReader.mock({
  readUrl: async (url: string) => {
    if (url !== fixtureUrl) throw new Error(`unexpected ${url}`);
    const calendar = readFileSync(fixturePath);
    return {
      buffer: async () => calendar,
      stream: () => Readable.from([calendar]),
    };
  },
});

const entity = (kind: string, name: string, extra: Partial<Entity> = {}) =>
  ({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', ...extra.metadata },
    spec: extra.spec ?? {},
  } as Entity);

const aUser = (name: string, displayName: string) =>
  entity('User', name, {
    spec: {
      profile: {
        displayName,
        email: `${name.replace('-', '.')}@acme.example`,
      },
    },
  });

const aGroup = (name: string, annotations: Record<string, string> = {}) =>
  entity('Group', name, {
    metadata: { name, annotations },
    spec: { type: 'team', children: [] },
  });

const people = [
  aUser('jane-doe', 'Jane Doe'),
  aUser('tom-becker', 'Tom Becker'),
  aUser('sam-carter', 'Sam Carter'),
  aUser('mei-lin', 'Mei Lin'),
  aUser('amara-okafor', 'Amara Okafor'),
  aUser('lars-nilsson', 'Lars Nilsson'),
];

const groups = [
  aGroup('payments', {
    'sre-ownership.io/oncall-schedule-url': fixtureUrl,
  }),
  aGroup('platform-sre'),
  aGroup('search'),
];

/** A fortnightly platform rota in UTC: Amara by e-mail, Lars by name. */
const aPlatformRota = (options: { exdate?: string } = {}) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Atlassian//Opsgenie Schedule Export//EN',
    'BEGIN:VEVENT',
    'UID:platform-primary-amara',
    'DTSTART:20260302T080000Z',
    'DTEND:20260309T080000Z',
    'RRULE:FREQ=WEEKLY;INTERVAL=2',
    ...(options.exdate ? [`EXDATE:${options.exdate}`] : []),
    'SUMMARY:On call: Amara Okafor',
    'ATTENDEE;CN=Amara Okafor:mailto:amara.okafor@acme.example',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:platform-primary-lars',
    'DTSTART:20260309T080000Z',
    'DTEND:20260316T080000Z',
    'RRULE:FREQ=WEEKLY;INTERVAL=2',
    'SUMMARY:Lars Nilsson',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');

const configuredFeeds = [
  {
    name: 'platform-primary',
    url: 'file:rotas/platform.ics',
    teamRef: 'group:default/platform-sre',
  },
];

// Reads from 2026-01-01 to 2026-05-31.
const now = new Date('2026-04-01T00:00:00Z');
const everything = {
  from: new Date('2025-01-01T00:00:00Z'),
  to: new Date('2027-01-01T00:00:00Z'),
};

describe.each(databases.eachSupportedId())(
  'IcsScheduleSync (%s)',
  databaseId => {
    let knex: Knex;
    let store: DatabaseOncallStore;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      store = await DatabaseOncallStore.create({
        database: mockServices.database({ knex, migrations: { skip: false } }),
      });
    });

    beforeEach(async () => {
      await knex('oncall_shifts').del();
      feedsDir.setContent({ rotas: { 'platform.ics': aPlatformRota() } });
    });

    const aSync = (entities = [...people, ...groups]) => {
      const logger = mockServices.logger.mock();
      const sync = new IcsScheduleSync({
        catalog: catalogServiceMock({ entities }),
        auth: mockServices.auth(),
        logger,
        store,
        feeds: configuredFeeds,
        baseDir: feedsDir.path,
        urlReader,
        now: () => now,
      });
      return { sync, logger };
    };

    const shiftsOf = async (team: string) =>
      (
        await store.listShifts({
          teamRef: `group:default/${team}`,
          range: everything,
        })
      ).map(s => `${s.userRef.replace('user:default/', '')} ${s.startsAt}`);

    it('stores the shifts of annotated Groups and of configured feeds', async () => {
      const { sync } = aSync();
      const outcomes = await sync.run();

      expect(outcomes).toEqual([
        expect.objectContaining({
          feed: 'group:default/payments',
          ok: true,
          shifts: 15,
          written: 15,
        }),
        expect.objectContaining({
          feed: 'platform-primary',
          ok: true,
          shifts: 13,
          written: 13,
        }),
      ]);
      const payments = await shiftsOf('payments');
      expect(payments).toHaveLength(15);
      expect(payments).toContain('sam-carter 2026-04-06T08:00:00.000Z');
      expect(payments).not.toContain('jane-doe 2026-04-13T08:00:00.000Z');
      expect((await shiftsOf('platform-sre')).slice(0, 3)).toEqual([
        'amara-okafor 2026-03-02T08:00:00.000Z',
        'lars-nilsson 2026-03-09T08:00:00.000Z',
        'amara-okafor 2026-03-16T08:00:00.000Z',
      ]);
      const [stored] = await store.listShifts({
        teamRef: 'group:default/platform-sre',
        range: everything,
      });
      expect(stored).toMatchObject({
        source: 'ics:platform-primary',
        schedule: 'platform-primary',
        externalId: 'platform-primary-amara/2026-03-02T08:00:00.000Z',
      });
    });

    it('changes nothing when run again on the same feeds', async () => {
      const { sync } = aSync();
      await sync.run();
      const rows = await knex('oncall_shifts').orderBy('id');

      const outcomes = await sync.run();

      expect(outcomes.map(o => o.ok && [o.written, o.deleted])).toEqual([
        [0, 0],
        [0, 0],
      ]);
      await expect(knex('oncall_shifts').orderBy('id')).resolves.toEqual(rows);
    });

    it('removes a coming occurrence the feed has since cancelled', async () => {
      const { sync } = aSync();
      await sync.run();
      feedsDir.setContent({
        rotas: {
          'platform.ics': aPlatformRota({ exdate: '20260413T080000Z' }),
        },
      });

      await sync.run();

      const platform = await shiftsOf('platform-sre');
      expect(platform).toHaveLength(12);
      expect(platform).not.toContain('amara-okafor 2026-04-13T08:00:00.000Z');
    });

    it('keeps past shifts the feed no longer lists: they are history', async () => {
      const { sync } = aSync();
      await sync.run();
      feedsDir.setContent({
        rotas: {
          'platform.ics': aPlatformRota({ exdate: '20260316T080000Z' }),
        },
      });

      await sync.run();

      const platform = await shiftsOf('platform-sre');
      expect(platform).toHaveLength(13);
      expect(platform).toContain('amara-okafor 2026-03-16T08:00:00.000Z');
    });

    it.each([
      ['cannot be read', {}],
      [
        'is not a calendar',
        { rotas: { 'platform.ics': '<html>Sign in</html>' } },
      ],
    ])(
      'keeps the stored shifts of a team whose feed %s, and reads the others',
      async (_, content) => {
        const { sync, logger } = aSync();
        await sync.run();
        const before = await shiftsOf('platform-sre');
        feedsDir.setContent(content);

        const outcomes = await sync.run();

        expect(outcomes.map(o => o.ok)).toEqual([true, false]);
        await expect(shiftsOf('platform-sre')).resolves.toEqual(before);
        await expect(shiftsOf('payments')).resolves.toHaveLength(15);
        expect(logger.warn).toHaveBeenCalledWith(
          expect.stringContaining(
            'Skipped on-call schedule feed platform-primary (group:default/platform-sre), its stored shifts are unchanged',
          ),
        );
      },
    );

    it('reports events that name no User', async () => {
      const { sync, logger } = aSync();
      await sync.run();
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining(
          'On-call schedule feed group:default/payments: 1 left out: "On Call - Vendor Cover - Payments - Primary" at 2026-04-13T08:00:00.000Z',
        ),
      );
    });

    it('reports a feed whose shifts match no User as read with a warning, keeping its stored shifts', async () => {
      await aSync().sync.run();
      const stranger = {
        ...people[0],
        metadata: { name: 'someone-else', namespace: 'default' },
        spec: { profile: { email: 'someone@elsewhere.example' } },
      };
      const { sync, logger } = aSync([stranger, ...groups]);

      const outcomes = await sync.run();

      expect(outcomes).toContainEqual(
        expect.objectContaining({
          feed: 'group:default/payments',
          ok: true,
          shifts: 0,
          written: 0,
          deleted: 0,
          warning: expect.stringContaining('none matches a User'),
        }),
      );
      const runs = await store.listFeedRuns();
      const payments = runs.find(r => r.feed === 'group:default/payments');
      expect(payments).toEqual(
        expect.objectContaining({
          ok: true,
          shifts: 0,
          warning: expect.stringMatching(
            /^has \d+ shifts in range but none matches a User, so its stored shifts are unchanged: /,
          ),
        }),
      );
      expect(payments).not.toHaveProperty('lastError');
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining(
          'On-call schedule feed group:default/payments (group:default/payments) has',
        ),
      );
      await expect(shiftsOf('payments')).resolves.toHaveLength(15);

      // Once the people match again, the next read clears the warning.
      await aSync().sync.run();
      const again = (await store.listFeedRuns()).find(
        r => r.feed === 'group:default/payments',
      );
      expect(again).toEqual(expect.objectContaining({ ok: true, shifts: 15 }));
      expect(again).not.toHaveProperty('warning');
    });

    it('reads nothing while the catalog has no Users yet', async () => {
      const { sync } = aSync();
      await sync.run();
      const { sync: early } = aSync(groups);

      await expect(early.run()).resolves.toEqual([]);
      await expect(shiftsOf('payments')).resolves.toHaveLength(15);
    });
  },
);
