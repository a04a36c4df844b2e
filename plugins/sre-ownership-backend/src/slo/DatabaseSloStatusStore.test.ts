import { TestDatabases } from '@backstage/backend-test-utils';
import { SloListItem } from '@sre-ownership/plugin-sre-ownership-common';
import { join } from 'node:path';
import { migrateLatest } from '../database/migrateLatest';
import { DatabaseSloStatusStore } from './DatabaseSloStatusStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const anItem = (
  entityRef: string,
  sloName: string,
  overrides: Partial<SloListItem> = {},
): SloListItem => ({
  entityRef,
  sloName,
  displayName: sloName,
  target: 0.999,
  window: '7d rolling',
  burn: 'ok',
  burnRate: 0.4,
  budgetRemaining: 0.8,
  evaluatedAt: '2026-06-01T00:00:00.000Z',
  ...overrides,
});

describe.each(databases.eachSupportedId())(
  'DatabaseSloStatusStore (%s)',
  databaseId => {
    let store: DatabaseSloStatusStore;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      // The migrations of this source tree, wherever the package resolves.
      await migrateLatest(knex, join(__dirname, '..', '..', 'migrations'));
      store = await DatabaseSloStatusStore.create({
        database: { getClient: async () => knex },
      });
    });

    it('has no evaluation before the first', async () => {
      expect(await store.evaluatedAt()).toBeUndefined();
      expect(await store.list()).toEqual({ items: [] });
    });

    it('keeps only the latest evaluation, and lists the SLOs of the entities asked for', async () => {
      await store.replaceAll(
        [
          anItem('component:default/payments-api', 'availability'),
          anItem('component:default/payments-api', 'latency'),
          anItem('component:default/ledger', 'availability'),
        ],
        new Date('2026-06-01T00:00:00Z'),
      );
      const page = anItem('component:default/Payments-API', 'availability', {
        burn: 'page',
        burnRate: 22.9,
        budgetRemaining: null,
        summary: 'burning 22.9x over 1h',
      });
      // The latency SLO is no longer declared and the ledger left the catalog.
      await store.replaceAll([page], new Date('2026-06-01T00:01:00Z'));
      expect(await store.evaluatedAt()).toBe('2026-06-01T00:01:00.000Z');
      expect(await store.list()).toEqual({
        evaluatedAt: '2026-06-01T00:01:00.000Z',
        items: [page],
      });
      // Refs compare without regard to case, as the catalog's do.
      expect(
        (await store.list(['component:default/payments-api'])).items,
      ).toEqual([page]);
      expect((await store.list(['component:default/ledger'])).items).toEqual(
        [],
      );
    });
  },
);
