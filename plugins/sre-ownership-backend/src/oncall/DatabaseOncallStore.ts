import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  OncallPage,
  OncallShift,
  ToilEntry,
} from '@sre-ownership/plugin-sre-ownership-common';
import { Knex } from 'knex';
import {
  OncallEventBatch,
  OncallStore,
  ScheduleFeedRun,
  ScheduleFeedStatus,
  ShiftReplacement,
  TeamEvents,
  TimeRange,
} from './OncallStore';
import {
  DELETE_CHUNK,
  PAGE_COLUMNS,
  PageRow,
  ROWS_PER_STATEMENT,
  SHIFT_COLUMNS,
  byKey,
  ShiftRow,
  TOIL_COLUMNS,
  ToilRow,
  chunks,
  dedupe,
  keepLast,
  pageFromRow,
  pageRow,
  sameShift,
  shiftFromRow,
  shiftRow,
  teamPageFromRow,
  teamShiftFromRow,
  teamToilFromRow,
  toilFromRow,
  toilRow,
} from './rows';
import { canonicalRef } from './fields';
import { mergePage } from './mergePage';
import { migrateLatest } from '../database/migrateLatest';
import { probeEventWrites } from './probeEventWrites';
import { retryTransient } from '../database/retryTransient';

const migrationsDir = resolvePackagePath(
  '@sre-ownership/plugin-sre-ownership-backend',
  'migrations',
);

// Well under SQLite's bound-variable limit.
const TEAMS_PER_QUERY = 500;

const upsertShift = (tx: Knex, shift: OncallShift, now: number) =>
  tx('oncall_shifts')
    .insert(shiftRow(shift, now))
    .onConflict(['source', 'external_id'])
    .merge([...SHIFT_COLUMNS, 'updated_at']);

/** Refuses to replace the shifts of one source with those of another. */
function assertAllFrom(source: string, shifts: OncallShift[]) {
  const stray = shifts.find(shift => shift.source !== source);
  if (stray) {
    throw new Error(
      `Cannot replace the shifts of ${source} with shift ${stray.externalId} of ${stray.source}`,
    );
  }
}

/** {@link OncallStore} on the plugin's database (SQLite or PostgreSQL). */
export class DatabaseOncallStore implements OncallStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseOncallStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await migrateLatest(client, migrationsDir);
    }
    return new DatabaseOncallStore(client);
  }

  private constructor(private readonly db: Knex) {}

  private committedShiftWrites = 0;

  shiftWrites(): number {
    return this.committedShiftWrites;
  }

  async ingest(batch: OncallEventBatch): Promise<void> {
    const now = Date.now();
    // Tables in one order (shifts, pages, toil), rows in key order.
    await retryTransient(() =>
      this.db.transaction(async tx => {
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
        for (const pages of chunks(
          dedupe(batch.pages ?? [], mergePage),
          ROWS_PER_STATEMENT,
        )) {
          await this.upsertPages(tx, pages, now);
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
      }),
    );
    if (batch.shifts?.length) this.committedShiftWrites += 1;
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

  /**
   * Writes pages merged with what is stored by {@link mergePage}, the rule
   * a batch's own duplicates were merged by. Each row is first inserted or
   * locked (in key order, like every other write); a page that was stored
   * already is then read and merged: a concurrent delivery of the same page
   * waits for this one to commit and then merges with its result.
   */
  private async upsertPages(tx: Knex, pages: OncallPage[], now: number) {
    const keyOf = (source: string, externalId: string) =>
      JSON.stringify([source, externalId]);
    // ON CONFLICT ... DO UPDATE locks a conflicting row even when its WHERE
    // updates nothing, and returns only the rows it inserted: a new page
    // (most of an alert storm) is stored as it came, in one statement.
    const inserted: Array<{ source: string; external_id: string }> = await tx(
      'oncall_pages',
    )
      .insert(pages.map(page => pageRow(page, now)))
      .onConflict(['source', 'external_id'])
      .merge(['source'])
      .whereRaw('1 = 0')
      .returning(['source', 'external_id']);
    const fresh = new Set(
      inserted.map(row => keyOf(row.source, row.external_id)),
    );
    const known = pages.filter(
      page => !fresh.has(keyOf(page.source, page.externalId)),
    );
    if (known.length === 0) return;
    // Two lists rather than a list of (source, external_id) pairs, which
    // made updating 20,000 stored pages on PostgreSQL 2.7 times slower; rows
    // of other pairs the lists allow are read and ignored.
    const stored: PageRow[] = await tx('oncall_pages')
      .whereIn('source', [...new Set(known.map(page => page.source))])
      .whereIn('external_id', [...new Set(known.map(page => page.externalId))]);
    const storedByKey = new Map(
      stored.map(row => [keyOf(row.source, row.external_id), row]),
    );
    const merged = known.map(page => {
      const row = storedByKey.get(keyOf(page.source, page.externalId));
      return pageRow(row ? mergePage(pageFromRow(row), page) : page, now);
    });
    await this.upsert(tx, 'oncall_pages', merged, PAGE_COLUMNS);
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
    assertAllFrom(source, shifts);
    const from = range.from.getTime();
    const to = range.to.getTime();
    const now = Date.now();
    const ordered = [...shifts].sort(byKey);
    const replacement = await retryTransient(() =>
      this.db.transaction(async tx => {
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
        for (const shift of ordered) {
          const row = storedById.get(shift.externalId);
          if (row && sameShift(row, shift)) continue;
          await upsertShift(tx, shift, now);
          written += 1;
        }
        const dropped = stored
          .filter(row => Number(row.starts_at) >= deleteFrom)
          .filter(row => !given.has(row.external_id))
          .map(row => row.id)
          .sort((a, b) => Number(a) - Number(b));
        for (let i = 0; i < dropped.length; i += DELETE_CHUNK) {
          await tx('oncall_shifts')
            .whereIn('id', dropped.slice(i, i + DELETE_CHUNK))
            .delete();
        }
        return { written, deleted: dropped.length };
      }),
    );
    if (replacement.written || replacement.deleted) {
      this.committedShiftWrites += 1;
    }
    return replacement;
  }

  async recordFeedRun(run: ScheduleFeedRun): Promise<void> {
    const at = run.at.getTime();
    const row = {
      feed: run.feed,
      team_ref: run.teamRef,
      last_run_at: at,
      ok: run.ok,
      ...(run.ok
        ? {
            last_success_at: at,
            shifts: run.shifts,
            warnings: run.warnings,
            left_out: JSON.stringify(run.leftOut),
            // A success without a warning clears the last one.
            warning: run.warning ?? null,
          }
        : { last_error: run.error, last_error_at: at }),
    };
    await retryTransient(() =>
      this.db('schedule_feed_runs')
        .insert(row)
        .onConflict('feed')
        .merge(Object.keys(row).filter(column => column !== 'feed')),
    );
  }

  async listFeedRuns(): Promise<ScheduleFeedStatus[]> {
    const rows = await this.db('schedule_feed_runs').orderBy('feed');
    const iso = (millis: unknown) =>
      millis === null || millis === undefined
        ? undefined
        : new Date(Number(millis)).toISOString();
    return rows.map(row => {
      const status: ScheduleFeedStatus = {
        feed: row.feed,
        teamRef: row.team_ref,
        lastRunAt: iso(row.last_run_at)!,
        ok: Boolean(row.ok),
      };
      const optional = {
        lastSuccessAt: iso(row.last_success_at),
        shifts: row.shifts ?? undefined,
        warnings: row.warnings ?? undefined,
        leftOut: row.left_out ? JSON.parse(row.left_out) : undefined,
        warning: row.warning ?? undefined,
        lastError: row.last_error ?? undefined,
        lastErrorAt: iso(row.last_error_at),
      };
      for (const [key, value] of Object.entries(optional)) {
        if (value !== undefined) Object.assign(status, { [key]: value });
      }
      return status;
    });
  }

  async ping(): Promise<void> {
    await probeEventWrites(this.db);
  }

  async listShifts(options: {
    teamRef: string;
    range: TimeRange;
  }): Promise<OncallShift[]> {
    const byTeam = await this.listShiftsOfTeams({
      teamRefs: [options.teamRef],
      range: options.range,
    });
    return byTeam.get(options.teamRef) ?? [];
  }

  async listShiftsOfTeams(options: {
    teamRefs: string[];
    range: TimeRange;
  }): Promise<Map<string, OncallShift[]>> {
    const byTeam = new Map<string, OncallShift[]>();
    // Keyed by the refs the caller gave, whatever their letter case.
    const asGiven = new Map(
      options.teamRefs.map(ref => [canonicalRef(ref), ref]),
    );
    const teamRefs = [...asGiven.keys()];
    for (let i = 0; i < teamRefs.length; i += TEAMS_PER_QUERY) {
      const rows: ShiftRow[] = await this.db('oncall_shifts')
        .whereIn('team_ref', teamRefs.slice(i, i + TEAMS_PER_QUERY))
        .where('starts_at', '<', options.range.to.getTime())
        .where('ends_at', '>', options.range.from.getTime())
        .orderBy([{ column: 'starts_at' }, { column: 'id' }]);
      for (const row of rows) {
        const shift = shiftFromRow(row);
        const key = asGiven.get(shift.teamRef) ?? shift.teamRef;
        const shifts = byTeam.get(key);
        if (shifts) shifts.push(shift);
        else byTeam.set(key, [shift]);
      }
    }
    return byTeam;
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
    if (options.teamRef) query.where('team_ref', canonicalRef(options.teamRef));
    if (options.entityRef)
      query.where('entity_ref', canonicalRef(options.entityRef));
    const rows: PageRow[] = await query;
    return rows.map(pageFromRow);
  }

  async readTeamEvents(options: {
    teamRef: string;
    range: TimeRange;
  }): Promise<TeamEvents> {
    const { teamRef } = options;
    const stored = canonicalRef(teamRef);
    const from = options.range.from.getTime();
    const to = options.range.to.getTime();
    // Only the columns the engine reads; the same order as the list reads,
    // so sums come out in the same order and the figures are identical.
    const [shifts, pages, toil] = await Promise.all([
      this.db('oncall_shifts')
        .select('user_ref', 'starts_at', 'ends_at')
        .where('team_ref', stored)
        .where('starts_at', '<', to)
        .where('ends_at', '>', from)
        .orderBy([{ column: 'starts_at' }, { column: 'id' }]),
      this.db('oncall_pages')
        .select(
          'responder_ref',
          'severity',
          'triggered_at',
          'acknowledged_at',
          'resolved_at',
        )
        .where('team_ref', stored)
        .where('triggered_at', '>=', from)
        .where('triggered_at', '<', to)
        .orderBy([{ column: 'triggered_at' }, { column: 'id' }]),
      this.db('toil_entries')
        .select('user_ref', 'started_at', 'minutes')
        .where('team_ref', stored)
        .where('started_at', '>=', from)
        .where('started_at', '<', to)
        .orderBy([{ column: 'started_at' }, { column: 'id' }]),
    ]);
    return {
      shifts: shifts.map(row => teamShiftFromRow(teamRef, row)),
      pages: pages.map(row => teamPageFromRow(teamRef, row)),
      toil: toil.map(row => teamToilFromRow(teamRef, row)),
    };
  }

  async listToil(options: {
    teamRef: string;
    range: TimeRange;
  }): Promise<ToilEntry[]> {
    const rows: ToilRow[] = await this.db('toil_entries')
      .where('team_ref', canonicalRef(options.teamRef))
      .where('started_at', '>=', options.range.from.getTime())
      .where('started_at', '<', options.range.to.getTime())
      .orderBy([{ column: 'started_at' }, { column: 'id' }]);
    return rows.map(toilFromRow);
  }
}
