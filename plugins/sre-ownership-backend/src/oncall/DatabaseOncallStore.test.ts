import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  OncallPage,
  OncallShift,
  ToilEntry,
} from '@sre-ownership/plugin-sre-ownership-common';
import { Knex } from 'knex';
import { DatabaseOncallStore } from './DatabaseOncallStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const aShift = (overrides: Partial<OncallShift> = {}): OncallShift => ({
  source: 'api',
  externalId: 'shift-1',
  teamRef: 'group:default/payments',
  userRef: 'user:default/jane-doe',
  startsAt: '2026-03-02T09:00:00.000Z',
  endsAt: '2026-03-09T09:00:00.000Z',
  ...overrides,
});

const aPage = (overrides: Partial<OncallPage> = {}): OncallPage => ({
  source: 'alertmanager',
  externalId: 'fp-1',
  entityRef: 'component:default/payments-api',
  teamRef: 'group:default/payments',
  severity: 'critical',
  triggeredAt: '2026-03-03T02:00:00.000Z',
  ...overrides,
});

const aToilEntry = (overrides: Partial<ToilEntry> = {}): ToilEntry => ({
  source: 'api',
  externalId: 'toil-1',
  teamRef: 'group:default/payments',
  userRef: 'user:default/jane-doe',
  startedAt: '2026-03-04T10:00:00.000Z',
  minutes: 90,
  ...overrides,
});

// better-sqlite3 creates its errors with the Error class of the first test
// file that loaded it in a Jest worker, so in the others they fail
// `instanceof Error` and `rejects.toThrow()` reports "did not throw".
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

const march = {
  from: new Date('2026-03-01T00:00:00Z'),
  to: new Date('2026-04-01T00:00:00Z'),
};

describe.each(databases.eachSupportedId())(
  'DatabaseOncallStore (%s)',
  databaseId => {
    let knex: Knex;
    let store: DatabaseOncallStore;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      store = await DatabaseOncallStore.create({
        database: mockServices.database({ knex, migrations: { skip: false } }),
      });
    });

    afterEach(async () => {
      await knex('oncall_shifts').del();
      await knex('oncall_pages').del();
      await knex('toil_entries').del();
    });

    it('stores and reads back shifts, pages and toil', async () => {
      await store.ingest({
        shifts: [aShift()],
        pages: [aPage()],
        toil: [aToilEntry()],
      });
      const team = { teamRef: 'group:default/payments', range: march };
      await expect(store.listShifts(team)).resolves.toEqual([aShift()]);
      await expect(store.listPages(team)).resolves.toEqual([aPage()]);
      await expect(store.listToil(team)).resolves.toEqual([aToilEntry()]);
    });

    it('stores a redelivered event once', async () => {
      await store.ingest({ pages: [aPage()], shifts: [aShift()] });
      await store.ingest({ pages: [aPage()], shifts: [aShift()] });
      const [{ n: pages }] = await knex('oncall_pages').count({ n: '*' });
      const [{ n: shifts }] = await knex('oncall_shifts').count({ n: '*' });
      expect(Number(pages)).toBe(1);
      expect(Number(shifts)).toBe(1);
    });

    it('leaves a redelivered row untouched, its update time included', async () => {
      await store.ingest({
        pages: [aPage()],
        shifts: [aShift()],
        toil: [aToilEntry()],
      });
      const before = await knex('oncall_pages').select('updated_at');
      await new Promise(resolve => setTimeout(resolve, 5));
      await store.ingest({
        pages: [aPage()],
        shifts: [aShift()],
        toil: [aToilEntry()],
      });
      expect(await knex('oncall_pages').select('updated_at')).toEqual(before);
    });

    it('combines updates of one page within a batch and stores large batches', async () => {
      const pages = Array.from({ length: 450 }, (_, i) =>
        aPage({ externalId: `fp-${i}` }),
      );
      await store.ingest({
        pages: [
          ...pages,
          aPage({
            externalId: 'fp-7',
            acknowledgedAt: '2026-03-03T02:04:00.000Z',
          }),
          aPage({ externalId: 'fp-7', resolvedAt: '2026-03-03T02:40:00.000Z' }),
        ],
      });
      const stored = await store.listPages({
        teamRef: 'group:default/payments',
        range: march,
      });
      expect(stored).toHaveLength(450);
      expect(stored.find(p => p.externalId === 'fp-7')).toMatchObject({
        acknowledgedAt: '2026-03-03T02:04:00.000Z',
        resolvedAt: '2026-03-03T02:40:00.000Z',
      });
    });

    it('updates a page on resolve and keeps what a late, older delivery lacks', async () => {
      await store.ingest({ pages: [aPage()] });
      await store.ingest({
        pages: [
          aPage({
            acknowledgedAt: '2026-03-03T02:04:00.000Z',
            resolvedAt: '2026-03-03T02:40:00.000Z',
            responderRef: 'user:default/jane-doe',
          }),
        ],
      });
      // The "triggered" notification arrives again, late.
      await store.ingest({ pages: [aPage()] });
      const [page] = await store.listPages({
        entityRef: 'component:default/payments-api',
        range: march,
      });
      expect(page).toMatchObject({
        acknowledgedAt: '2026-03-03T02:04:00.000Z',
        resolvedAt: '2026-03-03T02:40:00.000Z',
        responderRef: 'user:default/jane-doe',
      });
    });

    it('merges reports of one page in one batch and across deliveries alike, in time order', async () => {
      const resolved = aPage({
        triggeredAt: '2026-03-03T10:00:00.000Z',
        acknowledgedAt: '2026-03-03T10:05:00.000Z',
        resolvedAt: '2026-03-03T10:30:00.000Z',
      });
      const lateStart = aPage({ triggeredAt: '2026-03-03T11:00:00.000Z' });
      const read = async () => {
        const [page] = await store.listPages({
          entityRef: 'component:default/payments-api',
          range: march,
        });
        return page;
      };
      const expected = {
        triggeredAt: '2026-03-03T10:00:00.000Z',
        acknowledgedAt: '2026-03-03T10:05:00.000Z',
        resolvedAt: '2026-03-03T10:30:00.000Z',
      };

      await store.ingest({ pages: [resolved, lateStart] });
      expect(await read()).toMatchObject(expected);

      await knex('oncall_pages').del();
      await store.ingest({ pages: [resolved] });
      await store.ingest({ pages: [lateStart] });
      expect(await read()).toMatchObject(expected);

      // Acknowledged after a reported resolution: resolved then, not before.
      await knex('oncall_pages').del();
      await store.ingest({
        pages: [
          aPage({ ...lateStart, resolvedAt: '2026-03-03T11:30:00.000Z' }),
        ],
      });
      await store.ingest({
        pages: [
          aPage({ ...lateStart, acknowledgedAt: '2026-03-03T11:40:00.000Z' }),
        ],
      });
      expect(await read()).toMatchObject({
        triggeredAt: '2026-03-03T11:00:00.000Z',
        acknowledgedAt: '2026-03-03T11:40:00.000Z',
        resolvedAt: '2026-03-03T11:40:00.000Z',
      });
    });

    it('keeps a page whole when two deliveries of it are written at once', async () => {
      await Promise.all([
        store.ingest({
          pages: [aPage({ acknowledgedAt: '2026-03-03T02:04:00.000Z' })],
        }),
        store.ingest({
          pages: [aPage({ resolvedAt: '2026-03-03T02:40:00.000Z' })],
        }),
      ]);
      const [page] = await store.listPages({
        entityRef: 'component:default/payments-api',
        range: march,
      });
      expect(page).toMatchObject({
        acknowledgedAt: '2026-03-03T02:04:00.000Z',
        resolvedAt: '2026-03-03T02:40:00.000Z',
      });
    });

    it('writes nothing of a batch when one record fails', async () => {
      const broken = aToilEntry({
        externalId: 'toil-2',
        minutes: null as unknown as number,
      });
      await expect(
        rejection(
          store.ingest({ shifts: [aShift()], toil: [aToilEntry(), broken] }),
        ),
      ).resolves.toHaveProperty('message');
      const [{ n }] = await knex('oncall_shifts').count({ n: '*' });
      expect(Number(n)).toBe(0);
    });

    it('returns shifts that straddle the range edges and no others', async () => {
      await store.ingest({
        shifts: [
          aShift({
            externalId: 'before',
            startsAt: '2026-02-20T00:00:00Z',
            endsAt: '2026-02-27T00:00:00Z',
          }),
          aShift({
            externalId: 'straddles',
            startsAt: '2026-02-27T00:00:00Z',
            endsAt: '2026-03-06T00:00:00Z',
          }),
          aShift({
            externalId: 'ends-at-start',
            startsAt: '2026-02-22T00:00:00Z',
            endsAt: '2026-03-01T00:00:00Z',
          }),
        ],
      });
      const shifts = await store.listShifts({
        teamRef: 'group:default/payments',
        range: march,
      });
      expect(shifts.map(s => s.externalId)).toEqual(['straddles']);
    });

    it('reads several teams’ shifts in one call, each as listShifts reads it', async () => {
      const teams = Array.from(
        { length: 600 },
        (_, i) => `group:default/t-${i}`,
      );
      await store.ingest({
        shifts: [
          ...teams.map((teamRef, i) =>
            aShift({ externalId: `in-${i}`, teamRef }),
          ),
          aShift({
            externalId: 'second',
            teamRef: teams[599],
            startsAt: '2026-03-01T09:00:00.000Z',
            endsAt: '2026-03-02T09:00:00.000Z',
          }),
          aShift({
            externalId: 'outside',
            teamRef: teams[1],
            startsAt: '2026-05-01T00:00:00Z',
            endsAt: '2026-05-08T00:00:00Z',
          }),
          aShift({ externalId: 'not-asked', teamRef: 'group:default/other' }),
        ],
      });
      const asked = [...teams, 'group:default/no-shifts'];
      const byTeam = await store.listShiftsOfTeams({
        teamRefs: asked,
        range: march,
      });
      expect([...byTeam.keys()].sort()).toEqual([...teams].sort());
      for (const teamRef of [teams[0], teams[1], teams[599]]) {
        expect(byTeam.get(teamRef)).toEqual(
          await store.listShifts({ teamRef, range: march }),
        );
      }
      expect(byTeam.get(teams[599])!.map(s => s.externalId)).toEqual([
        'second',
        'in-599',
      ]);
    });

    it('reads a team’s events for the burden as epoch milliseconds, in the order the lists give', async () => {
      await store.ingest({
        shifts: [
          aShift({
            externalId: 'late',
            startsAt: '2026-03-10T09:00:00.000Z',
            endsAt: '2026-03-17T09:00:00.000Z',
          }),
          aShift(),
          aShift({ externalId: 'other', teamRef: 'group:default/search' }),
        ],
        pages: [
          aPage({
            externalId: 'answered',
            responderRef: 'user:default/mei-lin',
            severity: 'high',
            triggeredAt: '2026-03-05T10:00:00.123Z',
            acknowledgedAt: '2026-03-05T10:04:00.000Z',
            resolvedAt: '2026-03-05T11:00:00.000Z',
          }),
          aPage(),
          aPage({ externalId: 'april', triggeredAt: '2026-04-01T00:00:00Z' }),
        ],
        toil: [aToilEntry()],
      });
      const team = { teamRef: 'group:default/payments', range: march };
      const events = await store.readTeamEvents(team);
      expect(events).toEqual({
        shifts: [
          {
            teamRef: 'group:default/payments',
            userRef: 'user:default/jane-doe',
            startsAt: Date.parse('2026-03-02T09:00:00.000Z'),
            endsAt: Date.parse('2026-03-09T09:00:00.000Z'),
          },
          {
            teamRef: 'group:default/payments',
            userRef: 'user:default/jane-doe',
            startsAt: Date.parse('2026-03-10T09:00:00.000Z'),
            endsAt: Date.parse('2026-03-17T09:00:00.000Z'),
          },
        ],
        pages: [
          {
            teamRef: 'group:default/payments',
            severity: 'critical',
            triggeredAt: Date.parse('2026-03-03T02:00:00.000Z'),
          },
          {
            teamRef: 'group:default/payments',
            responderRef: 'user:default/mei-lin',
            severity: 'high',
            triggeredAt: Date.parse('2026-03-05T10:00:00.123Z'),
            acknowledgedAt: Date.parse('2026-03-05T10:04:00.000Z'),
            resolvedAt: Date.parse('2026-03-05T11:00:00.000Z'),
          },
        ],
        toil: [
          {
            teamRef: 'group:default/payments',
            userRef: 'user:default/jane-doe',
            startedAt: Date.parse('2026-03-04T10:00:00.000Z'),
            minutes: 90,
          },
        ],
      });
      // The same events the list reads give, instant for instant.
      const pages = await store.listPages(team);
      expect(events.pages.map(p => p.triggeredAt)).toEqual(
        pages.map(p => Date.parse(p.triggeredAt)),
      );
    });

    describe('replaceShifts', () => {
      const feedShift = (
        externalId: string,
        startsAt: string,
        user = 'jane-doe',
      ) =>
        aShift({
          source: 'ics:payments',
          externalId,
          userRef: `user:default/${user}`,
          startsAt,
          endsAt: new Date(Date.parse(startsAt) + 7 * 86_400_000).toISOString(),
        });
      const week1 = feedShift('rota/w1', '2026-03-02T09:00:00.000Z');
      const week2 = feedShift(
        'rota/w2',
        '2026-03-09T09:00:00.000Z',
        'tom-becker',
      );
      const week3 = feedShift('rota/w3', '2026-03-16T09:00:00.000Z');
      // Starts before the range: history the feed no longer needs to repeat.
      const before = feedShift('rota/w0', '2026-02-23T09:00:00.000Z');
      const fromApi = aShift({
        externalId: 'api-1',
        startsAt: '2026-03-10T00:00:00.000Z',
      });

      const replace = (shifts: OncallShift[]) =>
        store.replaceShifts({ source: 'ics:payments', range: march, shifts });
      const stored = async () =>
        (
          await store.listShifts({
            teamRef: 'group:default/payments',
            range: march,
          })
        ).map(s => `${s.source} ${s.externalId} ${s.userRef}`);

      it('deletes occurrences the feed dropped and keeps the rest', async () => {
        await store.ingest({ shifts: [before, fromApi] });
        await replace([week1, week2, week3]);

        const swapped = { ...week3, userRef: 'user:default/sam-carter' };
        await expect(replace([week1, swapped])).resolves.toEqual({
          written: 1,
          deleted: 1,
        });
        await expect(stored()).resolves.toEqual([
          'ics:payments rota/w0 user:default/jane-doe',
          'ics:payments rota/w1 user:default/jane-doe',
          'api api-1 user:default/jane-doe',
          'ics:payments rota/w3 user:default/sam-carter',
        ]);
      });

      it('keeps history: only shifts starting after keepBefore are deleted', async () => {
        await replace([week1, week2, week3]);
        await expect(
          store.replaceShifts({
            source: 'ics:payments',
            range: march,
            shifts: [week3],
            keepBefore: new Date(Date.parse(week2.startsAt) + 1),
          }),
        ).resolves.toEqual({ written: 0, deleted: 0 });
        await store.replaceShifts({
          source: 'ics:payments',
          range: march,
          shifts: [week1],
          keepBefore: new Date(Date.parse(week2.startsAt) + 1),
        });
        const kept = (await stored()).filter(line => line.startsWith('ics:'));
        expect(kept).toEqual([
          expect.stringContaining('rota/w1'),
          expect.stringContaining('rota/w2'),
        ]);
      });

      it('changes nothing when run again with the same shifts', async () => {
        await expect(replace([week1, week2])).resolves.toEqual({
          written: 2,
          deleted: 0,
        });
        const rows = await knex('oncall_shifts').orderBy('id');
        await expect(replace([week1, week2])).resolves.toEqual({
          written: 0,
          deleted: 0,
        });
        await expect(knex('oncall_shifts').orderBy('id')).resolves.toEqual(
          rows,
        );
      });

      it('writes and deletes nothing when one shift fails', async () => {
        await replace([week1, week2]);
        // The swap is written before the broken shift fails; it must not stay.
        const swapped = { ...week1, userRef: 'user:default/sam-carter' };
        const broken = { ...week3, userRef: null as unknown as string };
        await expect(
          rejection(replace([swapped, broken])),
        ).resolves.toHaveProperty('message');
        await expect(stored()).resolves.toEqual([
          'ics:payments rota/w1 user:default/jane-doe',
          'ics:payments rota/w2 user:default/tom-becker',
        ]);
      });

      it('refuses shifts of another source', async () => {
        await expect(replace([fromApi])).rejects.toThrow(
          'Cannot replace the shifts of ics:payments with shift api-1 of api',
        );
      });
    });
  },
);
