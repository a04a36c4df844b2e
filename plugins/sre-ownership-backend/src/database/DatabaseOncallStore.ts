import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  OncallPage,
  OncallShift,
  PageSeverity,
  ToilEntry,
} from '@sre-ownership/plugin-sre-ownership-common';
import { Knex } from 'knex';
import {
  OncallEventBatch,
  OncallStore,
  ShiftReplacement,
  TimeRange,
} from './OncallStore';

const migrationsDir = resolvePackagePath(
  '@sre-ownership/plugin-sre-ownership-backend',
  'migrations',
);

// PostgreSQL returns bigint columns as strings; SQLite as numbers.
type Millis = number | string;

interface ShiftRow {
  source: string;
  external_id: string;
  team_ref: string;
  user_ref: string;
  schedule: string | null;
  starts_at: Millis;
  ends_at: Millis;
}

interface PageRow {
  source: string;
  external_id: string;
  entity_ref: string | null;
  team_ref: string | null;
  responder_ref: string | null;
  severity: string;
  title: string | null;
  triggered_at: Millis;
  acknowledged_at: Millis | null;
  resolved_at: Millis | null;
}

interface ToilRow {
  source: string;
  external_id: string;
  team_ref: string;
  user_ref: string;
  category: string | null;
  started_at: Millis;
  minutes: number;
}

const toMillis = (iso: string) => Date.parse(iso);
const toIso = (millis: Millis) => new Date(Number(millis)).toISOString();
const optionalIso = (millis: Millis | null) =>
  millis === null ? undefined : toIso(millis);
const optionalMillis = (iso: string | undefined) =>
  iso === undefined ? null : toMillis(iso);

const sameShift = (row: ShiftRow, shift: OncallShift) =>
  row.team_ref === shift.teamRef &&
  row.user_ref === shift.userRef &&
  (row.schedule ?? undefined) === shift.schedule &&
  Number(row.starts_at) === toMillis(shift.startsAt) &&
  Number(row.ends_at) === toMillis(shift.endsAt);

// Keeps each DELETE ... IN (...) well under SQLite's bound-parameter limit.
const DELETE_CHUNK = 500;

// 100 rows of at most 11 columns stay far below SQLite's and PostgreSQL's
// bound-parameter limits.
const ROWS_PER_STATEMENT = 100;

const SHIFT_COLUMNS = [
  'team_ref',
  'user_ref',
  'schedule',
  'starts_at',
  'ends_at',
];
const PAGE_COLUMNS = [
  'entity_ref',
  'team_ref',
  'responder_ref',
  'severity',
  'title',
  'triggered_at',
  'acknowledged_at',
  'resolved_at',
];
const KEEP_KNOWN = [
  'entity_ref',
  'team_ref',
  'responder_ref',
  'title',
  'acknowledged_at',
  'resolved_at',
];
const TOIL_COLUMNS = [
  'team_ref',
  'user_ref',
  'category',
  'started_at',
  'minutes',
];

const shiftRow = (shift: OncallShift, now: number) => ({
  source: shift.source,
  external_id: shift.externalId,
  team_ref: shift.teamRef,
  user_ref: shift.userRef,
  schedule: shift.schedule ?? null,
  starts_at: toMillis(shift.startsAt),
  ends_at: toMillis(shift.endsAt),
  updated_at: now,
});

const pageRow = (page: OncallPage, now: number) => ({
  source: page.source,
  external_id: page.externalId,
  entity_ref: page.entityRef ?? null,
  team_ref: page.teamRef ?? null,
  responder_ref: page.responderRef ?? null,
  severity: page.severity,
  title: page.title ?? null,
  triggered_at: toMillis(page.triggeredAt),
  acknowledged_at: optionalMillis(page.acknowledgedAt),
  resolved_at: optionalMillis(page.resolvedAt),
  updated_at: now,
});

const toilRow = (entry: ToilEntry, now: number) => ({
  source: entry.source,
  external_id: entry.externalId,
  team_ref: entry.teamRef,
  user_ref: entry.userRef,
  category: entry.category ?? null,
  started_at: toMillis(entry.startedAt),
  minutes: entry.minutes,
  updated_at: now,
});

const upsertShift = (tx: Knex, shift: OncallShift, now: number) =>
  tx('oncall_shifts')
    .insert(shiftRow(shift, now))
    .onConflict(['source', 'external_id'])
    .merge([...SHIFT_COLUMNS, 'updated_at']);

const keepLast = <T>(_earlier: T, later: T) => later;

// Within one batch, a later update of a page adds to what an earlier one said.
const mergePage = (earlier: OncallPage, later: OncallPage): OncallPage => {
  const merged: OncallPage = { ...earlier };
  for (const [key, value] of Object.entries(later)) {
    if (value !== undefined)
      (merged as unknown as Record<string, unknown>)[key] = value;
  }
  return merged;
};

/** One record per key, so a multi-row upsert never touches a row twice. */
function dedupe<T extends { source: string; externalId: string }>(
  records: T[],
  combine: (earlier: T, later: T) => T,
): T[] {
  const byKey = new Map<string, T>();
  for (const record of records) {
    const key = JSON.stringify([record.source, record.externalId]);
    const earlier = byKey.get(key);
    byKey.set(key, earlier ? combine(earlier, record) : record);
  }
  return [...byKey.values()];
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    result.push(items.slice(i, i + size));
  return result;
}

/** {@link OncallStore} on the plugin's database (SQLite or PostgreSQL). */
export class DatabaseOncallStore implements OncallStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseOncallStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseOncallStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async ingest(batch: OncallEventBatch): Promise<void> {
    const now = Date.now();
    await this.db.transaction(async tx => {
      for (const rows of chunks(
        dedupe(batch.shifts ?? [], keepLast),
        ROWS_PER_STATEMENT,
      )) {
        await this.upsert(
          tx,
          'oncall_shifts',
          rows.map(shift => shiftRow(shift, now)),
          SHIFT_COLUMNS,
        );
      }
      for (const rows of chunks(
        dedupe(batch.pages ?? [], mergePage),
        ROWS_PER_STATEMENT,
      )) {
        await this.upsertPages(
          tx,
          rows.map(page => pageRow(page, now)),
        );
      }
      for (const rows of chunks(
        dedupe(batch.toil ?? [], keepLast),
        ROWS_PER_STATEMENT,
      )) {
        await this.upsert(
          tx,
          'toil_entries',
          rows.map(entry => toilRow(entry, now)),
          TOIL_COLUMNS,
        );
      }
    });
  }

  /**
   * Inserts rows, updating those whose key exists only where a value
   * differs: a redelivered event leaves its row, `updated_at` included, as it
   * was.
   */
  private async upsert(
    tx: Knex,
    table: string,
    rows: object[],
    columns: string[],
  ) {
    await tx(table)
      .insert(rows)
      .onConflict(['source', 'external_id'])
      .merge([...columns, 'updated_at'])
      .whereRaw(
        this.changed(
          table,
          columns.map(column => [column, `excluded.${column}`]),
        ),
      );
  }

  // Pages keep a known time or responder when a later delivery lacks it, so
  // an out-of-order "triggered" cannot undo an earlier "resolved".
  private async upsertPages(tx: Knex, rows: object[]) {
    const merged = Object.fromEntries(
      PAGE_COLUMNS.map(column => [
        column,
        KEEP_KNOWN.includes(column)
          ? `COALESCE(excluded.${column}, oncall_pages.${column})`
          : `excluded.${column}`,
      ]),
    );
    await tx('oncall_pages')
      .insert(rows)
      .onConflict(['source', 'external_id'])
      .merge({
        ...Object.fromEntries(
          Object.entries(merged).map(([column, value]) => [
            column,
            tx.raw(value),
          ]),
        ),
        updated_at: tx.raw('excluded.updated_at'),
      })
      .whereRaw(this.changed('oncall_pages', Object.entries(merged)));
  }

  private changed(table: string, pairs: Array<[string, string]>): string {
    const distinct =
      this.db.client.config.client === 'pg' ? 'IS DISTINCT FROM' : 'IS NOT';
    return pairs
      .map(([column, value]) => `${table}.${column} ${distinct} ${value}`)
      .join(' OR ');
  }

  async replaceShifts(options: {
    source: string;
    range: TimeRange;
    shifts: OncallShift[];
    keepBefore?: Date;
  }): Promise<ShiftReplacement> {
    const { source, range, shifts } = options;
    const deleteFrom = Math.max(
      range.from.getTime(),
      options.keepBefore?.getTime() ?? -Infinity,
    );
    const stray = shifts.find(shift => shift.source !== source);
    if (stray) {
      throw new Error(
        `Cannot replace the shifts of ${source} with shift ${stray.externalId} of ${stray.source}`,
      );
    }
    const from = range.from.getTime();
    const to = range.to.getTime();
    const now = Date.now();
    return this.db.transaction(async tx => {
      // Every row that may be kept, updated or deleted overlaps the range.
      const stored: Array<ShiftRow & { id: number | string }> = await tx(
        'oncall_shifts',
      )
        .where('source', source)
        .where('starts_at', '<', to)
        .where('ends_at', '>', from);
      const storedById = new Map(stored.map(row => [row.external_id, row]));
      const given = new Set(shifts.map(shift => shift.externalId));

      let written = 0;
      for (const shift of shifts) {
        const row = storedById.get(shift.externalId);
        if (row && sameShift(row, shift)) continue;
        await upsertShift(tx, shift, now);
        written += 1;
      }
      const dropped = stored
        .filter(row => Number(row.starts_at) >= deleteFrom)
        .filter(row => !given.has(row.external_id))
        .map(row => row.id);
      for (let i = 0; i < dropped.length; i += DELETE_CHUNK) {
        await tx('oncall_shifts')
          .whereIn('id', dropped.slice(i, i + DELETE_CHUNK))
          .delete();
      }
      return { written, deleted: dropped.length };
    });
  }

  async hasEventsFrom(source: string): Promise<boolean> {
    for (const table of ['oncall_shifts', 'oncall_pages', 'toil_entries']) {
      if (await this.db(table).where('source', source).first('id')) return true;
    }
    return false;
  }

  async listShifts(options: {
    teamRef: string;
    range: TimeRange;
  }): Promise<OncallShift[]> {
    const rows: ShiftRow[] = await this.db('oncall_shifts')
      .where('team_ref', options.teamRef)
      .where('starts_at', '<', options.range.to.getTime())
      .where('ends_at', '>', options.range.from.getTime())
      .orderBy([{ column: 'starts_at' }, { column: 'id' }]);
    return rows.map(row => ({
      source: row.source,
      externalId: row.external_id,
      teamRef: row.team_ref,
      userRef: row.user_ref,
      ...(row.schedule ? { schedule: row.schedule } : {}),
      startsAt: toIso(row.starts_at),
      endsAt: toIso(row.ends_at),
    }));
  }

  async listPages(options: {
    teamRef?: string;
    entityRef?: string;
    range: TimeRange;
  }): Promise<OncallPage[]> {
    const query = this.db<PageRow>('oncall_pages')
      .where('triggered_at', '>=', options.range.from.getTime())
      .where('triggered_at', '<', options.range.to.getTime())
      .orderBy([{ column: 'triggered_at' }, { column: 'id' }]);
    if (options.teamRef) query.where('team_ref', options.teamRef);
    if (options.entityRef) query.where('entity_ref', options.entityRef);
    const rows: PageRow[] = await query;
    return rows.map(row => ({
      source: row.source,
      externalId: row.external_id,
      ...(row.entity_ref ? { entityRef: row.entity_ref } : {}),
      ...(row.team_ref ? { teamRef: row.team_ref } : {}),
      ...(row.responder_ref ? { responderRef: row.responder_ref } : {}),
      severity: row.severity as PageSeverity,
      ...(row.title ? { title: row.title } : {}),
      triggeredAt: toIso(row.triggered_at),
      ...(row.acknowledged_at !== null
        ? { acknowledgedAt: optionalIso(row.acknowledged_at) }
        : {}),
      ...(row.resolved_at !== null
        ? { resolvedAt: optionalIso(row.resolved_at) }
        : {}),
    }));
  }

  async listToil(options: {
    teamRef: string;
    range: TimeRange;
  }): Promise<ToilEntry[]> {
    const rows: ToilRow[] = await this.db('toil_entries')
      .where('team_ref', options.teamRef)
      .where('started_at', '>=', options.range.from.getTime())
      .where('started_at', '<', options.range.to.getTime())
      .orderBy([{ column: 'started_at' }, { column: 'id' }]);
    return rows.map(row => ({
      source: row.source,
      externalId: row.external_id,
      teamRef: row.team_ref,
      userRef: row.user_ref,
      ...(row.category ? { category: row.category } : {}),
      startedAt: toIso(row.started_at),
      minutes: Number(row.minutes),
    }));
  }
}
