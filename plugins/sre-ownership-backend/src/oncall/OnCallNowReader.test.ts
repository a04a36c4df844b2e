import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { OncallShift } from '@sre-ownership/plugin-sre-ownership-common';
import { Knex } from 'knex';
import { DatabaseOncallStore } from './DatabaseOncallStore';
import { OnCallNowReader } from './OnCallNowReader';

jest.setTimeout(60_000);

const TEAM = 'group:default/payments';

const aShift = (overrides: Partial<OncallShift> = {}): OncallShift => ({
  source: 'api',
  externalId: 'week-10',
  teamRef: TEAM,
  userRef: 'user:default/jane-doe',
  startsAt: '2026-03-02T09:00:00.000Z',
  endsAt: '2026-03-09T09:00:00.000Z',
  ...overrides,
});

const handOver = aShift({
  externalId: 'week-11',
  userRef: 'user:default/john-roe',
  startsAt: '2026-03-09T09:00:00.000Z',
  endsAt: '2026-03-16T09:00:00.000Z',
});

/** A store whose reads are counted, over a fixed list of shifts. */
function countingStore(shifts: OncallShift[]) {
  const store = {
    reads: 0,
    writes: 0,
    listShifts: async () => {
      store.reads += 1;
      return shifts;
    },
    shiftWrites: () => store.writes,
  };
  return store;
}

describe('OnCallNowReader', () => {
  let now: Date;
  const clock = () => now;

  beforeEach(() => {
    now = new Date('2026-03-09T08:59:59.000Z');
  });

  it('reuses a team’s shifts within the time to live, deciding who is on call at each request’s now', async () => {
    const store = countingStore([aShift(), handOver]);
    const reader = new OnCallNowReader({ store, ttlMs: 5_000, now: clock });

    const before = await reader.forTeam(TEAM);
    now = new Date('2026-03-09T09:00:01.000Z');
    const after = await reader.forTeam(TEAM);

    expect(store.reads).toBe(1);
    expect(before.current.map(e => e.userRef)).toEqual([
      'user:default/jane-doe',
    ]);
    expect(after.current.map(e => e.userRef)).toEqual([
      'user:default/john-roe',
    ]);
  });

  it('reads again once the time to live has passed', async () => {
    const store = countingStore([aShift()]);
    const reader = new OnCallNowReader({ store, ttlMs: 5_000, now: clock });

    await reader.forTeam(TEAM);
    now = new Date(now.getTime() + 4_999);
    await reader.forTeam(TEAM);
    expect(store.reads).toBe(1);
    now = new Date(now.getTime() + 1);
    await reader.forTeam(TEAM);
    expect(store.reads).toBe(2);
  });

  it('reads again after this instance writes shifts', async () => {
    const store = countingStore([aShift()]);
    const reader = new OnCallNowReader({ store, ttlMs: 60_000, now: clock });

    await reader.forTeam(TEAM);
    store.writes += 1;
    await reader.forTeam(TEAM);
    expect(store.reads).toBe(2);
  });

  it('reads every time with a time to live of 0', async () => {
    const store = countingStore([aShift()]);
    const reader = new OnCallNowReader({ store, ttlMs: 0, now: clock });

    await reader.forTeam(TEAM);
    await reader.forTeam(TEAM);
    expect(store.reads).toBe(2);
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    let reads = 0;
    const reader = new OnCallNowReader({
      store: {
        listShifts: async () => {
          reads += 1;
          if (fail) throw new Error('connection reset');
          return [aShift()];
        },
        shiftWrites: () => 0,
      },
      ttlMs: 60_000,
      now: clock,
    });

    await expect(reader.forTeam(TEAM)).rejects.toThrow('connection reset');
    fail = false;
    const onCall = await reader.forTeam(TEAM);
    expect(reads).toBe(2);
    expect(onCall.current.map(e => e.userRef)).toEqual([
      'user:default/jane-doe',
    ]);
  });

  it('keeps each team apart', async () => {
    const other = aShift({
      teamRef: 'group:default/search',
      userRef: 'user:default/ada',
    });
    const reader = new OnCallNowReader({
      store: {
        listShifts: async ({ teamRef }) =>
          [aShift(), other].filter(shift => shift.teamRef === teamRef),
        shiftWrites: () => 0,
      },
      ttlMs: 60_000,
      now: clock,
    });

    expect((await reader.forTeam(TEAM)).current[0].userRef).toBe(
      'user:default/jane-doe',
    );
    expect(
      (await reader.forTeam('group:default/search')).current[0].userRef,
    ).toBe('user:default/ada');
  });
});

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'OnCallNowReader on DatabaseOncallStore (%s)',
  databaseId => {
    let knex: Knex;
    let store: DatabaseOncallStore;
    const now = () => new Date('2026-03-05T12:00:00.000Z');

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      store = await DatabaseOncallStore.create({
        database: mockServices.database({ knex, migrations: { skip: false } }),
      });
    });

    it('shows a shift written through this instance at once, however long shifts are kept', async () => {
      const reader = new OnCallNowReader({ store, ttlMs: 3_600_000, now });
      expect((await reader.forTeam(TEAM)).current).toEqual([]);

      await store.ingest({ shifts: [aShift()] });
      expect((await reader.forTeam(TEAM)).current).toEqual([
        { userRef: 'user:default/jane-doe', until: '2026-03-09T09:00:00.000Z' },
      ]);

      await store.replaceShifts({
        source: 'api',
        range: {
          from: new Date('2026-03-01T00:00:00Z'),
          to: new Date('2026-04-01T00:00:00Z'),
        },
        shifts: [aShift({ userRef: 'user:default/john-roe' })],
      });
      expect((await reader.forTeam(TEAM)).current).toEqual([
        { userRef: 'user:default/john-roe', until: '2026-03-09T09:00:00.000Z' },
      ]);
    });

    it('counts only writes that touch shifts', async () => {
      const replacement = {
        source: 'api',
        range: {
          from: new Date('2026-03-01T00:00:00Z'),
          to: new Date('2026-04-01T00:00:00Z'),
        },
        shifts: [aShift({ externalId: 'week-9' })],
      };
      await store.replaceShifts(replacement);
      const before = store.shiftWrites();
      await store.ingest({
        pages: [
          {
            source: 'alertmanager',
            externalId: 'fp-1',
            entityRef: 'component:default/payments-api',
            teamRef: TEAM,
            severity: 'critical',
            triggeredAt: '2026-03-03T02:00:00.000Z',
          },
        ],
      });
      expect(store.shiftWrites()).toBe(before);
      // The same shifts again: nothing written, nothing to read again.
      await store.replaceShifts(replacement);
      expect(store.shiftWrites()).toBe(before);
      await store.ingest({ shifts: [aShift({ externalId: 'week-12' })] });
      expect(store.shiftWrites()).toBe(before + 1);
    });
  },
);
