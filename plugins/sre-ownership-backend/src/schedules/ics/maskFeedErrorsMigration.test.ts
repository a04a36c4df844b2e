import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const directory = resolvePackagePath(
  '@sre-ownership/plugin-sre-ownership-backend',
  'migrations',
);
const MIGRATION = '20261207014500_mask_schedule_feed_errors.js';

describe.each(databases.eachSupportedId())(
  'the migration that masks stored feed errors (%s)',
  databaseId => {
    it('replaces every error stored before, which may quote a feed URL and its token', async () => {
      const knex = await databases.init(databaseId);
      // Up to the migration before it, as a backend of the last release left it.
      const all: string[] = (await knex.migrate.list({ directory }))[1].map(
        (migration: { file: string }) => migration.file,
      );
      for (const file of all.slice(0, all.indexOf(MIGRATION))) {
        await knex.migrate.up({ directory, name: file });
      }
      await knex('schedule_feed_runs').insert([
        {
          feed: 'payments',
          team_ref: 'group:default/payments',
          last_run_at: 1,
          ok: false,
          last_error:
            'could not read https://acme.pagerduty.com/private/SECRET/feed.ics, 404 Not Found',
          last_error_at: 1,
        },
        {
          feed: 'search',
          team_ref: 'group:default/search',
          last_run_at: 1,
          ok: true,
          last_success_at: 1,
          shifts: 3,
          warnings: 0,
        },
      ]);

      await knex.migrate.latest({ directory });

      const rows = await knex('schedule_feed_runs')
        .orderBy('feed')
        .select('feed', 'last_error', 'shifts');
      expect(rows).toEqual([
        {
          feed: 'payments',
          last_error:
            'failed before feed errors were masked; its next read records the error again',
          shifts: null,
        },
        { feed: 'search', last_error: null, shifts: 3 },
      ]);
      // Later migrations may follow it: undo this one by name.
      await knex.migrate.down({ directory, name: MIGRATION });
      expect(
        await knex.schema.hasColumn('schedule_feed_runs', 'left_out'),
      ).toBe(false);
    });
  },
);
