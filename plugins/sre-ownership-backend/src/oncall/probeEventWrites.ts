import { Knex } from 'knex';

/** The tables a delivery writes to. */
const EVENT_TABLES = ['oncall_shifts', 'oncall_pages', 'toil_entries'];

/**
 * Longest wait for the probe's locks. Shorter than the readiness check's own
 * time limit, so a locked table releases the probe's connection before the
 * next probe starts.
 */
const PROBE_LOCK_TIMEOUT_MS = 1_000;

/**
 * Resolves when a delivery could be written now; rejects otherwise. Asking
 * the server for `SELECT 1` is not enough: a locked event table answers
 * reads of other tables while every delivery waits on it.
 *
 * On PostgreSQL the probe takes, in a transaction that writes nothing, the
 * lock an insert takes on each event table (ROW EXCLUSIVE): it waits only
 * behind what would block a delivery (an explicit LOCK TABLE, an ALTER
 * TABLE, a VACUUM FULL), never behind other deliveries. On SQLite it starts a write
 * that changes nothing, with no busy wait: better-sqlite3 would wait with
 * the event loop stopped, and the probe must not stop the backend while
 * another process holds the write lock.
 */
export async function probeEventWrites(db: Knex): Promise<void> {
  if (db.client.config.client === 'pg') {
    // Committing a transaction that wrote nothing releases the locks.
    await db.transaction(async tx => {
      await tx.raw(`SET LOCAL lock_timeout = ${PROBE_LOCK_TIMEOUT_MS}`);
      await tx.raw(
        `LOCK TABLE ${EVENT_TABLES.join(', ')} IN ROW EXCLUSIVE MODE`,
      );
    });
    return;
  }
  await db.transaction(async tx => {
    const [{ timeout }] = await tx.raw('PRAGMA busy_timeout');
    await tx.raw('PRAGMA busy_timeout = 0');
    try {
      // SQLite's write lock covers the whole database: one table tells.
      await tx.raw(`DELETE FROM ${EVENT_TABLES[1]} WHERE 0 = 1`);
    } finally {
      await tx.raw(`PRAGMA busy_timeout = ${Number(timeout)}`);
    }
  });
}
