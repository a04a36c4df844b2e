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

    it('writes nothing of a batch when one record fails', async () => {
      const broken = aToilEntry({
        externalId: 'toil-2',
        minutes: null as unknown as number,
      });
      await expect(
        store.ingest({ shifts: [aShift()], toil: [aToilEntry(), broken] }),
      ).rejects.toThrow();
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
  },
);
