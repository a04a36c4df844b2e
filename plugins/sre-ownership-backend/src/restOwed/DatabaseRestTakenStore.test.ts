import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { RestTaken } from '@sre-ownership/plugin-sre-ownership-common';
import { Knex } from 'knex';
import { DatabaseRestTakenStore } from './DatabaseRestTakenStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const aRestDay = (overrides: Partial<RestTaken> = {}): RestTaken => ({
  teamRef: 'group:default/payments',
  userRef: 'user:default/jane-doe',
  date: '2026-03-10',
  minutes: 240,
  recordedBy: 'user:default/ada-head',
  recordedAt: '2026-03-09T12:00:00.000Z',
  ...overrides,
});

const march = {
  teamRef: 'group:default/payments',
  fromDate: '2026-03-01',
  toDate: '2026-03-31',
};

describe.each(databases.eachSupportedId())(
  'DatabaseRestTakenStore (%s)',
  databaseId => {
    let knex: Knex;
    let store: DatabaseRestTakenStore;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      store = await DatabaseRestTakenStore.create({
        database: mockServices.database({ knex, migrations: { skip: false } }),
      });
    });

    afterEach(async () => {
      await knex('rest_taken').del();
    });

    it('stores a day of rest and reads it back', async () => {
      const day = aRestDay({ note: 'after the outage' });
      expect(await store.record(day)).toEqual({ created: true });
      expect(await store.list(march)).toEqual([day]);
    });

    it('replaces a day recorded again instead of adding one', async () => {
      await store.record(aRestDay());
      const again = aRestDay({
        minutes: 480,
        recordedBy: 'user:default/jane-doe',
        recordedAt: '2026-03-11T08:00:00.000Z',
      });
      expect(await store.record(again)).toEqual({ created: false });
      expect(await store.record(again)).toEqual({ created: false });
      expect(await store.list(march)).toEqual([again]);
    });

    it('lists one team, within the days asked, in day order, first and last day included', async () => {
      await store.record(aRestDay({ date: '2026-03-31' }));
      await store.record(aRestDay({ date: '2026-03-01' }));
      await store.record(aRestDay({ date: '2026-04-01' }));
      await store.record(aRestDay({ date: '2026-02-28' }));
      await store.record(
        aRestDay({ teamRef: 'group:default/search', date: '2026-03-05' }),
      );
      const days = await store.list(march);
      expect(days.map(day => day.date)).toEqual(['2026-03-01', '2026-03-31']);
    });

    it('drops its table on the way down and makes it again on the way up', async () => {
      const directory = resolvePackagePath(
        '@sre-ownership/plugin-sre-ownership-backend',
        'migrations',
      );
      await knex.migrate.down({
        directory,
        name: '20261202140000_create_rest_taken.js',
      });
      expect(await knex.schema.hasTable('rest_taken')).toBe(false);
      await knex.migrate.latest({ directory });
      expect(await knex.schema.hasTable('rest_taken')).toBe(true);
    });
  },
);
