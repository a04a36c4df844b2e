import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ResolvedOwnership } from '@sre-ownership/plugin-sre-ownership-common';
import { Knex } from 'knex';
import { migrateLatest } from '../database/migrateLatest';
import { IndexSummary } from './indexEntry';
import {
  IndexGeneration,
  IndexRowWrite,
  ReliabilityIndexStore,
  ResolvedPage,
} from './ReliabilityIndexStore';

const migrationsDir = resolvePackagePath(
  '@sre-ownership/plugin-sre-ownership-backend',
  'migrations',
);

const TABLE = 'reliability_index';
const STATE = 'reliability_index_state';
const STATE_ID = 'index';
// Well under SQLite's bound-variable limit with six columns a row.
const ROWS_PER_STATEMENT = 100;
const REFS_PER_QUERY = 500;

/** The key rows are stored under: refs compare case-insensitively. */
export function indexKey(entityRef: string): string {
  return entityRef.toLocaleLowerCase('en-US');
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    chunks.push(items.slice(i, i + size));
  }
  return chunks;
}

/** {@link ReliabilityIndexStore} on the plugin's database (SQLite or PostgreSQL). */
export class DatabaseReliabilityIndexStore implements ReliabilityIndexStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseReliabilityIndexStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      // Under the lock the other stores migrate with: replicas starting at
      // once would otherwise meet knex's lock and fail.
      await migrateLatest(client, migrationsDir);
    }
    return new DatabaseReliabilityIndexStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async hashes(): Promise<Map<string, string>> {
    const rows = await this.db(TABLE).select('entity_ref', 'hash');
    return new Map(rows.map(row => [row.entity_ref, row.hash]));
  }

  async apply(change: {
    write: IndexRowWrite[];
    removed: string[];
  }): Promise<IndexGeneration> {
    const now = Date.now();
    const changed = change.write.length > 0 || change.removed.length > 0;
    await this.db.transaction(async tx => {
      for (const rows of chunk(change.write, ROWS_PER_STATEMENT)) {
        await tx(TABLE)
          .insert(
            rows.map(row => ({
              entity_ref: indexKey(row.entityRef),
              kind: row.kind,
              summary: row.summary,
              resolved: row.resolved,
              hash: row.hash,
              refreshed_at: now,
            })),
          )
          .onConflict('entity_ref')
          .merge(['kind', 'summary', 'resolved', 'hash', 'refreshed_at']);
      }
      for (const refs of chunk(change.removed, REFS_PER_QUERY)) {
        await tx(TABLE).whereIn('entity_ref', refs.map(indexKey)).delete();
      }
      const updated = await tx(STATE)
        .where({ id: STATE_ID })
        .update({
          refreshed_at: now,
          ...(changed ? { generation: tx.raw('generation + 1') } : {}),
        });
      if (updated === 0) {
        await tx(STATE).insert({
          id: STATE_ID,
          generation: 1,
          refreshed_at: now,
        });
      }
    });
    return this.generation();
  }

  async generation(): Promise<IndexGeneration> {
    const row = await this.db(STATE).where({ id: STATE_ID }).first();
    if (!row) return { generation: 0 };
    return {
      generation: Number(row.generation),
      refreshedAt: new Date(Number(row.refreshed_at)),
    };
  }

  async summaries(): Promise<IndexSummary[]> {
    const rows = await this.db(TABLE).select('summary');
    return rows.map(row => JSON.parse(row.summary));
  }

  async resolved(
    entityRefs: string[],
  ): Promise<Map<string, ResolvedOwnership>> {
    const result = new Map<string, ResolvedOwnership>();
    for (const refs of chunk(
      [...new Set(entityRefs.map(indexKey))],
      REFS_PER_QUERY,
    )) {
      const rows = await this.db(TABLE)
        .whereIn('entity_ref', refs)
        .select('entity_ref', 'resolved');
      for (const row of rows)
        result.set(row.entity_ref, JSON.parse(row.resolved));
    }
    return result;
  }

  async pageResolved(options: {
    kinds: string[];
    after?: string;
    limit: number;
  }): Promise<ResolvedPage> {
    // SQLite hands the text over as bytes when asked to: a page is sent as
    // bytes, and decoding 1,000 documents into strings only to encode them
    // again costs more than reading them.
    const sqlite = this.db.client.config.client !== 'pg';
    const query = this.db(TABLE)
      .select(
        'entity_ref',
        sqlite ? this.db.raw('CAST(resolved AS BLOB) AS resolved') : 'resolved',
      )
      .orderBy('entity_ref', 'asc')
      .limit(options.limit);
    if (options.kinds.length) query.whereIn('kind', options.kinds);
    if (options.after) query.where('entity_ref', '>', indexKey(options.after));
    const rows: Array<{ entity_ref: string; resolved: Buffer | string }> =
      await query;
    return {
      items: rows.map(row =>
        typeof row.resolved === 'string'
          ? Buffer.from(row.resolved)
          : row.resolved,
      ),
      ...(rows.length ? { last: rows[rows.length - 1].entity_ref } : {}),
    };
  }

  async count(kinds: string[]): Promise<number> {
    const query = this.db(TABLE).count({ count: '*' });
    if (kinds.length) query.whereIn('kind', kinds);
    const [{ count }] = await query;
    return Number(count);
  }
}
