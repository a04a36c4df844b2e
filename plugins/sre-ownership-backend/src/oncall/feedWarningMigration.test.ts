import { TestDatabases } from '@backstage/backend-test-utils';
import { join } from 'node:path';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const directory = join(__dirname, '..', '..', 'migrations');
const MIGRATION = '20261207030000_add_schedule_feed_warning.js';

describe.each(databases.eachSupportedId())(
  'the migration that adds a warning to feed runs (%s)',
  databaseId => {
    it('keeps the runs stored before, with no warning, and is undone', async () => {
      const knex = await databases.init(databaseId);
      const all: string[] = (await knex.migrate.list({ directory }))[1].map(
        (migration: { file: string }) => migration.file,
      );
      for (const file of all.slice(0, all.indexOf(MIGRATION))) {
        await knex.migrate.up({ directory, name: file });
      }
      await knex('schedule_feed_runs').insert({
        feed: 'payments',
        team_ref: 'group:default/payments',
        last_run_at: 1,
        ok: true,
        last_success_at: 1,
        shifts: 15,
        warnings: 0,
      });

      await knex.migrate.up({ directory, name: MIGRATION });
      const [run] = await knex('schedule_feed_runs').select();
      expect(run).toMatchObject({
        feed: 'payments',
        shifts: 15,
        warning: null,
      });

      await knex.migrate.down({ directory, name: MIGRATION });
      expect(await knex.schema.hasColumn('schedule_feed_runs', 'warning')).toBe(
        false,
      );
      expect(await knex('schedule_feed_runs').select('feed', 'shifts')).toEqual(
        [{ feed: 'payments', shifts: 15 }],
      );
    });
  },
);
