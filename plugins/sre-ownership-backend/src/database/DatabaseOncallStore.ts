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

// Keeps a stored timestamp when a later delivery lacks it, so an out-of-order
// "triggered" event cannot undo an earlier "resolved" one.
const keepKnown = (knex: Knex, table: string, column: string) =>
  knex.raw(`COALESCE(excluded.??, ??.??)`, [column, table, column]);

const upsertShift = (tx: Knex, shift: OncallShift, now: number) =>
  tx('oncall_shifts')
    .insert({
      source: shift.source,
      external_id: shift.externalId,
      team_ref: shift.teamRef,
      user_ref: shift.userRef,
      schedule: shift.schedule ?? null,
      starts_at: toMillis(shift.startsAt),
      ends_at: toMillis(shift.endsAt),
      updated_at: now,
    })
    .onConflict(['source', 'external_id'])
    .merge([
      'team_ref',
      'user_ref',
      'schedule',
      'starts_at',
      'ends_at',
      'updated_at',
    ]);

const sameShift = (row: ShiftRow, shift: OncallShift) =>
  row.team_ref === shift.teamRef &&
  row.user_ref === shift.userRef &&
  (row.schedule ?? undefined) === shift.schedule &&
  Number(row.starts_at) === toMillis(shift.startsAt) &&
  Number(row.ends_at) === toMillis(shift.endsAt);

// Keeps each DELETE ... IN (...) well under SQLite's bound-parameter limit.
const DELETE_CHUNK = 500;

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
      for (const shift of batch.shifts ?? []) {
        await upsertShift(tx, shift, now);
      }
      for (const page of batch.pages ?? []) {
        await tx('oncall_pages')
          .insert({
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
          })
          .onConflict(['source', 'external_id'])
          .merge({
            entity_ref: keepKnown(tx, 'oncall_pages', 'entity_ref'),
            team_ref: keepKnown(tx, 'oncall_pages', 'team_ref'),
            responder_ref: keepKnown(tx, 'oncall_pages', 'responder_ref'),
            severity: tx.raw('excluded.severity'),
            title: keepKnown(tx, 'oncall_pages', 'title'),
            acknowledged_at: keepKnown(tx, 'oncall_pages', 'acknowledged_at'),
            resolved_at: keepKnown(tx, 'oncall_pages', 'resolved_at'),
            updated_at: now,
          });
      }
      for (const entry of batch.toil ?? []) {
        await tx('toil_entries')
          .insert({
            source: entry.source,
            external_id: entry.externalId,
            team_ref: entry.teamRef,
            user_ref: entry.userRef,
            category: entry.category ?? null,
            started_at: toMillis(entry.startedAt),
            minutes: entry.minutes,
            updated_at: now,
          })
          .onConflict(['source', 'external_id'])
          .merge([
            'team_ref',
            'user_ref',
            'category',
            'started_at',
            'minutes',
            'updated_at',
          ]);
      }
    });
  }

  async replaceShifts(options: {
    source: string;
    range: TimeRange;
    shifts: OncallShift[];
  }): Promise<ShiftReplacement> {
    const { source, range, shifts } = options;
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
        .filter(row => Number(row.starts_at) >= from)
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
