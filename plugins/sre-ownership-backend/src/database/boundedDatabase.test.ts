import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ServiceUnavailableError } from '@backstage/errors';
import { OncallPage } from '@sre-ownership/plugin-sre-ownership-common';
import knexFactory, { Knex } from 'knex';
import { boundClient, boundedDatabase } from './boundedDatabase';
import { DatabaseOncallStore } from '../oncall/DatabaseOncallStore';
import { migrateLatest } from './migrateLatest';
import { asServiceUnavailable } from './retryTransient';

jest.setTimeout(60_000);

const STATEMENT_TIMEOUT_MS = 1_000;
/** What a timer, a cancel and a rollback may add to the timeout. */
const SLACK_MS = 1_500;

const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

const aPage = (externalId: string): OncallPage =>
  ({
    source: 'alertmanager',
    externalId,
    teamRef: 'group:default/payments',
    severity: 'high',
    triggeredAt: '2026-03-03T02:00:00.000Z',
  } as OncallPage);

const storeOn = (knex: Knex) =>
  DatabaseOncallStore.create({
    database: boundedDatabase(mockServices.database({ knex }), {
      statementTimeoutMs: STATEMENT_TIMEOUT_MS,
    }),
  });

/** How long the promise takes to settle, and its error if it fails. */
async function timed(
  promise: Promise<unknown>,
): Promise<{ error?: unknown; ms: number }> {
  const started = Date.now();
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure ?? new Error('rejected without an error'),
  );
  return { error, ms: Date.now() - started };
}

describe('a bounded database on PostgreSQL', () => {
  let knex: Knex;
  let locker: Knex;

  beforeAll(async () => {
    knex = await databases.init('POSTGRES_15');
    await storeOn(knex);
    locker = knexFactory({
      client: 'pg',
      connection: knex.client.config.connection,
      pool: { min: 0, max: 2 },
    });
  });

  afterAll(async () => {
    await locker.destroy();
  });

  /** Runs `during` while another connection holds `table` exclusively. */
  async function whileLocked<T>(table: string, during: () => Promise<T>) {
    const lock = await locker.transaction();
    await lock.raw(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
    try {
      return await during();
    } finally {
      await lock.rollback();
    }
  }

  it('answers a delivery blocked by a locked event table with a 503 within the timeout', async () => {
    const store = await storeOn(knex);

    const blocked = await whileLocked('oncall_pages', () =>
      timed(store.ingest({ pages: [aPage('locked-out')] })),
    );

    expect(blocked.error).toBeInstanceOf(ServiceUnavailableError);
    expect(blocked.ms).toBeGreaterThanOrEqual(STATEMENT_TIMEOUT_MS - 50);
    expect(blocked.ms).toBeLessThan(STATEMENT_TIMEOUT_MS + SLACK_MS);
    // Cancelled on the server, not left waiting behind the lock.
    const waiting = await locker('pg_locks').where({ granted: false });
    expect(waiting).toEqual([]);
    // Its connection is back in the pool and works once the lock is gone.
    await store.ingest({ pages: [aPage('after-the-lock')] });
    expect(await knex('oncall_pages').pluck('external_id')).toEqual([
      'after-the-lock',
    ]);
  });

  it('answers a read blocked by a locked table with an error that becomes a 503', async () => {
    const store = await storeOn(knex);
    const range = { from: new Date(0), to: new Date() };

    const blocked = await whileLocked('oncall_pages', () =>
      timed(store.listPages({ range })),
    );

    expect(blocked.ms).toBeLessThan(STATEMENT_TIMEOUT_MS + SLACK_MS);
    expect(asServiceUnavailable(blocked.error)).toBeInstanceOf(
      ServiceUnavailableError,
    );
  });

  it('is not ready while a lock blocks deliveries, and ready again after', async () => {
    const store = await storeOn(knex);

    const probe = await whileLocked('toil_entries', () => timed(store.ping()));

    expect(probe.error).toBeDefined();
    expect(probe.ms).toBeLessThan(STATEMENT_TIMEOUT_MS + SLACK_MS);
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('lets migrations wait for another instance longer than the statement timeout', async () => {
    const fresh = await databases.init('POSTGRES_15');
    const otherInstance = await fresh.client.acquireConnection();
    // The key migrateLatest serialises migrations with.
    await fresh
      .raw('SELECT pg_advisory_lock(152695834201430887)')
      .connection(otherInstance);
    const release = setTimeout(async () => {
      await fresh
        .raw('SELECT pg_advisory_unlock(152695834201430887)')
        .connection(otherInstance);
      await fresh.client.releaseConnection(otherInstance);
    }, STATEMENT_TIMEOUT_MS * 2);

    const migration = await timed(
      migrateLatest(
        boundClient(fresh, STATEMENT_TIMEOUT_MS),
        resolvePackagePath(
          '@sre-ownership/plugin-sre-ownership-backend',
          'migrations',
        ),
      ),
    );
    clearTimeout(release);

    expect(migration.error).toBeUndefined();
    expect(migration.ms).toBeGreaterThanOrEqual(STATEMENT_TIMEOUT_MS * 2);
    expect(await fresh.schema.hasTable('oncall_pages')).toBe(true);
  });
});

describe('a bounded database on SQLite', () => {
  let directory: string;
  let knex: Knex;
  let otherProcess: Knex;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'sre-ownership-bounded-'));
    const filename = join(directory, 'plugin.sqlite');
    const connect = () =>
      knexFactory({
        client: 'better-sqlite3',
        connection: { filename },
        useNullAsDefault: true,
        // One connection, so BEGIN and ROLLBACK run on the same one.
        pool: { min: 1, max: 1 },
      });
    knex = connect();
    await storeOn(knex);
    otherProcess = connect();
  });

  afterAll(async () => {
    await otherProcess.destroy();
    await knex.destroy();
    rmSync(directory, { recursive: true, force: true });
  });

  /** Runs `during` while another connection holds the write lock. */
  async function whileWriteLocked<T>(during: () => Promise<T>) {
    await otherProcess.raw('BEGIN IMMEDIATE');
    try {
      return await during();
    } finally {
      await otherProcess.raw('ROLLBACK');
    }
  }

  it('answers a delivery with a 503 once the busy timeout has passed', async () => {
    const store = await storeOn(knex);

    const blocked = await whileWriteLocked(() =>
      timed(store.ingest({ pages: [aPage('locked-out')] })),
    );

    expect(blocked.error).toBeInstanceOf(ServiceUnavailableError);
    // The configured timeout, not better-sqlite3's default of 5 seconds.
    expect(blocked.ms).toBeLessThan(STATEMENT_TIMEOUT_MS + SLACK_MS);
    await store.ingest({ pages: [aPage('after-the-lock')] });
    expect(await knex('oncall_pages').pluck('external_id')).toEqual([
      'after-the-lock',
    ]);
  });

  it('is not ready while another connection holds the write lock, without waiting', async () => {
    const store = await storeOn(knex);

    const probe = await whileWriteLocked(() => timed(store.ping()));

    expect(probe.error).toBeDefined();
    expect(probe.ms).toBeLessThan(200);
    await expect(store.ping()).resolves.toBeUndefined();
  });
});
