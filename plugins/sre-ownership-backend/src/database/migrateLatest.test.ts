import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { migrateLatest } from './migrateLatest';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
const directory = resolvePackagePath(
  '@sre-ownership/plugin-sre-ownership-backend',
  'migrations',
);
const INSTANCES = 6;

describe('migrateLatest', () => {
  let fresh: Knex;
  const instances: Knex[] = [];

  beforeEach(async () => {
    // A new, empty database, and several backends with a pool each, as
    // replicas starting at once have.
    fresh = await databases.init('POSTGRES_15');
    for (let i = 0; i < INSTANCES; i += 1) {
      instances.push(
        knexFactory({
          client: 'pg',
          connection: fresh.client.config.connection,
          pool: { min: 0, max: 3 },
        }),
      );
    }
    // Connected already, so that all of them start migrating together.
    await Promise.all(instances.map(instance => instance.raw('SELECT 1')));
  });

  afterEach(async () => {
    await Promise.all(instances.splice(0).map(instance => instance.destroy()));
  });

  it('lets several instances migrate one empty database at once', async () => {
    const results = await Promise.allSettled(
      instances.map(instance => migrateLatest(instance, directory)),
    );
    expect(results.filter(result => result.status === 'rejected')).toEqual([]);
    const applied = await fresh('knex_migrations').select('name');
    expect(applied.map(row => row.name)).toEqual([
      ...new Set(applied.map(row => row.name)),
    ]);
    expect(applied.length).toBeGreaterThan(0);
    for (const table of ['oncall_shifts', 'oncall_pages', 'toil_entries']) {
      expect(await fresh.schema.hasTable(table)).toBe(true);
    }
  });

  it('leaves a migrated database as it is', async () => {
    await migrateLatest(instances[0], directory);
    const before = await fresh('knex_migrations').select('name', 'id');
    await Promise.all(
      instances.map(instance => migrateLatest(instance, directory)),
    );
    expect(await fresh('knex_migrations').select('name', 'id')).toEqual(before);
  });
});
