import { Knex } from 'knex';
import { unboundedClient } from './boundedDatabase';

/**
 * Key of the PostgreSQL advisory lock that serialises this plugin's
 * migrations across backend instances (the first 8 bytes of
 * sha256("sre-ownership migrations"), as a signed bigint).
 */
const MIGRATION_LOCK_KEY = '152695834201430887';

/**
 * Brings the plugin's tables up to date. Safe when several backend instances
 * start at once on one empty PostgreSQL database: knex creates its
 * bookkeeping table before it takes its own lock, so two concurrent runs
 * race on `CREATE TABLE knex_migrations` and one fails. A session-level
 * advisory lock, held on a connection of its own, makes the others wait
 * until the first has finished; they then find nothing left to do.
 * SQLite databases belong to one process, so they need no lock.
 * Migrations run without the statement timeout of a bounded client.
 */
export async function migrateLatest(
  client: Knex,
  directory: string,
): Promise<void> {
  // Waiting for another instance's migrations may take longer than any
  // statement timeout; the plugin's statements keep theirs.
  const knex = unboundedClient(client);
  if (knex.client.config.client !== 'pg') {
    await knex.migrate.latest({ directory });
    return;
  }
  const connection = await knex.client.acquireConnection();
  try {
    await knex
      .raw('SELECT pg_advisory_lock(?::bigint)', [MIGRATION_LOCK_KEY])
      .connection(connection);
    try {
      await knex.migrate.latest({ directory });
    } finally {
      await knex
        .raw('SELECT pg_advisory_unlock(?::bigint)', [MIGRATION_LOCK_KEY])
        .connection(connection);
    }
  } finally {
    await knex.client.releaseConnection(connection);
  }
}
