import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { DatabaseSettings } from './databaseConfig';

/** A query builder or raw statement, as knex hands it to `start` listeners. */
interface StartingStatement {
  timeout?: (ms: number, options: { cancel?: boolean }) => unknown;
  _timeout?: number;
}

/** The client each bounded client was made from; migrations use it. */
const unboundedOf = new WeakMap<Knex, Knex>();

/** better-sqlite3 connections whose busy timeout has been set. */
const busyTimeoutSet = new WeakSet<object>();

interface SqliteConnection {
  pragma(source: string): unknown;
}

interface ConnectionPool {
  on(
    event: 'acquireSuccess',
    listener: (eventId: number, connection: unknown) => void,
  ): void;
}

/**
 * Sets SQLite's busy timeout on every connection of the pool as it is handed
 * out. better-sqlite3 runs a statement synchronously, so no timer can cut it
 * short: the busy timeout is what bounds the wait for another connection's
 * write lock, after which the statement fails with SQLITE_BUSY. The pool
 * emits `acquireSuccess` before the caller gets the connection, so the
 * setting is in place before the caller's first statement.
 */
function setSqliteBusyTimeout(client: Knex, timeoutMs: number) {
  const pool = (client.client as { pool?: ConnectionPool }).pool;
  pool?.on('acquireSuccess', (_eventId, connection) => {
    const sqlite = connection as Partial<SqliteConnection>;
    if (typeof sqlite.pragma !== 'function' || busyTimeoutSet.has(sqlite)) {
      return;
    }
    sqlite.pragma(`busy_timeout = ${Math.round(timeoutMs)}`);
    busyTimeoutSet.add(sqlite);
  });
}

/**
 * The plugin's database client with every statement under a deadline, so
 * that a locked table or a stuck server becomes an error within
 * `statementTimeoutMs` instead of a wait as long as the lock.
 *
 * On PostgreSQL each query and raw statement of the returned client — those
 * in transactions included — gets knex's query timeout with `cancel: true`:
 * when it passes, knex cancels the statement on the server
 * (`pg_cancel_backend`, over a connection of its own) and rejects with a
 * `KnexTimeoutError`; a transaction around it rolls back and its connection
 * goes back to the pool. If the cancel cannot be sent, knex destroys the
 * connection instead of reusing it. The returned client is a clone sharing
 * the pool (`withUserParams`), so Backstage's own use of the plugin's
 * database (the scheduler, migrations) keeps its waits.
 *
 * On SQLite the connection's busy timeout is set to the same value.
 */
export function boundClient(client: Knex, statementTimeoutMs: number): Knex {
  if (client.client.config.client !== 'pg') {
    setSqliteBusyTimeout(client, statementTimeoutMs);
    return client;
  }
  const bounded = client.withUserParams({ ...client.userParams });
  bounded.on('start', (statement: StartingStatement) => {
    // A statement given its own timeout keeps it.
    if (typeof statement.timeout === 'function' && !statement._timeout) {
      statement.timeout(statementTimeoutMs, { cancel: true });
    }
  });
  unboundedOf.set(bounded, client);
  return bounded;
}

/**
 * The client a bounded client was made from (or the client itself): for
 * migrations, which may wait on another instance's migration lock far
 * longer than any statement timeout.
 */
export function unboundedClient(client: Knex): Knex {
  return unboundedOf.get(client) ?? client;
}

/**
 * The plugin's {@link DatabaseService}, with every client it hands out
 * bounded by {@link boundClient}. Stores take this instead of the core
 * service, so none of them can wait on the database without limit.
 */
export function boundedDatabase(
  database: DatabaseService,
  settings: DatabaseSettings,
): DatabaseService {
  return {
    migrations: database.migrations,
    getClient: async () =>
      boundClient(await database.getClient(), settings.statementTimeoutMs),
  };
}
