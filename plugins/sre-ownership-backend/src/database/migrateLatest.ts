import { Knex } from 'knex';
import { unboundedClient } from './boundedDatabase';

/**
 * Key of the PostgreSQL advisory lock that serialises this plugin's
 * migrations across backend instances (the first 8 bytes of
 * sha256("sre-ownership migrations"), as a signed bigint).
 */
const MIGRATION_LOCK_KEY = '152695834201430887';

/**
 * Runs `migrate` while holding the PostgreSQL advisory lock that serialises
 * migrations in the plugin's database across backend instances: a
 * session-level lock, held on a connection of its own, so that the others
 * wait until the first has finished and then find nothing left to do.
 * SQLite databases belong to one process, so they need no lock. The lock is
 * taken without the statement timeout of a bounded client: waiting for
 * another instance's migrations may take longer than any statement.
 */
export async function withMigrationLock<T>(
  client: Knex,
  migrate: () => Promise<T>,
): Promise<T> {
  const knex = unboundedClient(client);
  if (knex.client.config.client !== 'pg') {
    return migrate();
  }
  const connection = await knex.client.acquireConnection();
  try {
    await knex
      .raw('SELECT pg_advisory_lock(?::bigint)', [MIGRATION_LOCK_KEY])
      .connection(connection);
    try {
      return await migrate();
    } finally {
      await knex
        .raw('SELECT pg_advisory_unlock(?::bigint)', [MIGRATION_LOCK_KEY])
        .connection(connection);
    }
  } finally {
    await knex.client.releaseConnection(connection);
  }
}

/**
 * Brings the plugin's tables up to date, under {@link withMigrationLock}.
 * Safe when several backend instances start at once on one empty
 * PostgreSQL database: knex creates its bookkeeping table before it takes
 * its own lock, so two concurrent runs race on `CREATE TABLE
 * knex_migrations` and one fails; under the advisory lock they run one
 * after another.
 */
export async function migrateLatest(
  client: Knex,
  directory: string,
): Promise<void> {
  const knex = unboundedClient(client);
  await withMigrationLock(knex, () => knex.migrate.latest({ directory }));
}
