/**
 * Rows of the on-call tables: their shapes, their conversion to and from
 * shifts, pages and toil entries, and how a batch becomes upsert statements.
 */
import {
  BurdenPage,
  BurdenShift,
  BurdenToil,
  OncallPage,
  OncallShift,
  PageSeverity,
  ToilEntry,
} from '@sre-ownership/plugin-sre-ownership-common';
import {
  canonicalOptionalRef,
  canonicalRef,
  parseInstant,
} from './fields';

// PostgreSQL returns bigint columns as strings; SQLite as numbers.
type Millis = number | string;

/** A stored on-call shift (`oncall_shifts`). */
export interface ShiftRow {
  source: string;
  external_id: string;
  team_ref: string;
  user_ref: string;
  schedule: string | null;
  starts_at: Millis;
  ends_at: Millis;
}

/** A stored page (`oncall_pages`). */
export interface PageRow {
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

/** A stored toil entry (`toil_entries`). */
export interface ToilRow {
  source: string;
  external_id: string;
  team_ref: string;
  user_ref: string;
  category: string | null;
  started_at: Millis;
  minutes: number;
}

// Validated before they get here; parseInstant never rolls a date over.
const toMillis = (iso: string) => parseInstant(iso)!;
const toIso = (millis: Millis) => new Date(Number(millis)).toISOString();
const optionalIso = (millis: Millis | null) =>
  millis === null ? undefined : toIso(millis);
const optionalMillis = (iso: string | undefined) =>
  iso === undefined ? null : toMillis(iso);

/** Whether a stored row already says what the shift says. */
export const sameShift = (row: ShiftRow, shift: OncallShift) =>
  row.team_ref === canonicalRef(shift.teamRef) &&
  row.user_ref === canonicalRef(shift.userRef) &&
  (row.schedule ?? undefined) === shift.schedule &&
  Number(row.starts_at) === toMillis(shift.startsAt) &&
  Number(row.ends_at) === toMillis(shift.endsAt);

// Keeps each DELETE ... IN (...) well under SQLite's bound-parameter limit.
export const DELETE_CHUNK = 500;

// 100 rows of at most 11 columns stay far below SQLite's and PostgreSQL's
// bound-parameter limits.
export const ROWS_PER_STATEMENT = 100;

/** Columns an upsert of a shift, a page or a toil entry may change. */
export const SHIFT_COLUMNS = [
  'team_ref',
  'user_ref',
  'schedule',
  'starts_at',
  'ends_at',
];
export const PAGE_COLUMNS = [
  'entity_ref',
  'team_ref',
  'responder_ref',
  'severity',
  'title',
  'triggered_at',
  'acknowledged_at',
  'resolved_at',
];
export const TOIL_COLUMNS = [
  'team_ref',
  'user_ref',
  'category',
  'started_at',
  'minutes',
];

/** The row that stores a shift, stamped with the time of writing. */
export const shiftRow = (shift: OncallShift, now: number) => ({
  source: shift.source,
  external_id: shift.externalId,
  team_ref: canonicalRef(shift.teamRef),
  user_ref: canonicalRef(shift.userRef),
  schedule: shift.schedule ?? null,
  starts_at: toMillis(shift.startsAt),
  ends_at: toMillis(shift.endsAt),
  updated_at: now,
});

/** The row that stores a page, stamped with the time of writing. */
export const pageRow = (page: OncallPage, now: number) => ({
  source: page.source,
  external_id: page.externalId,
  entity_ref: canonicalOptionalRef(page.entityRef) ?? null,
  team_ref: canonicalOptionalRef(page.teamRef) ?? null,
  responder_ref: canonicalOptionalRef(page.responderRef) ?? null,
  severity: page.severity,
  title: page.title ?? null,
  triggered_at: toMillis(page.triggeredAt),
  acknowledged_at: optionalMillis(page.acknowledgedAt),
  resolved_at: optionalMillis(page.resolvedAt),
  updated_at: now,
});

/** The row that stores a toil entry, stamped with the time of writing. */
export const toilRow = (entry: ToilEntry, now: number) => ({
  source: entry.source,
  external_id: entry.externalId,
  team_ref: canonicalRef(entry.teamRef),
  user_ref: canonicalRef(entry.userRef),
  category: entry.category ?? null,
  started_at: toMillis(entry.startedAt),
  minutes: entry.minutes,
  updated_at: now,
});

/** The shift a stored row holds. */
export const shiftFromRow = (row: ShiftRow): OncallShift => ({
  source: row.source,
  externalId: row.external_id,
  teamRef: row.team_ref,
  userRef: row.user_ref,
  ...(row.schedule ? { schedule: row.schedule } : {}),
  startsAt: toIso(row.starts_at),
  endsAt: toIso(row.ends_at),
});

/** The page a stored row holds. */
export const pageFromRow = (row: PageRow): OncallPage => ({
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
});

/** The toil entry a stored row holds. */
export const toilFromRow = (row: ToilRow): ToilEntry => ({
  source: row.source,
  externalId: row.external_id,
  teamRef: row.team_ref,
  userRef: row.user_ref,
  ...(row.category ? { category: row.category } : {}),
  startedAt: toIso(row.started_at),
  minutes: Number(row.minutes),
});

/** A stored shift as the burden engine reads it, for the team it was read for. */
export const teamShiftFromRow = (
  teamRef: string,
  row: Pick<ShiftRow, 'user_ref' | 'starts_at' | 'ends_at'>,
): BurdenShift => ({
  teamRef,
  userRef: row.user_ref,
  startsAt: Number(row.starts_at),
  endsAt: Number(row.ends_at),
});

/** A stored page as the burden engine reads it, for the team it was read for. */
export const teamPageFromRow = (
  teamRef: string,
  row: Pick<
    PageRow,
    | 'responder_ref'
    | 'severity'
    | 'triggered_at'
    | 'acknowledged_at'
    | 'resolved_at'
  >,
): BurdenPage => ({
  teamRef,
  responderRef: row.responder_ref || undefined,
  severity: row.severity as PageSeverity,
  triggeredAt: Number(row.triggered_at),
  acknowledgedAt:
    row.acknowledged_at === null ? undefined : Number(row.acknowledged_at),
  resolvedAt: row.resolved_at === null ? undefined : Number(row.resolved_at),
});

/** A stored toil entry as the burden engine reads it, for the team it was read for. */
export const teamToilFromRow = (
  teamRef: string,
  row: Pick<ToilRow, 'user_ref' | 'started_at' | 'minutes'>,
): BurdenToil => ({
  teamRef,
  userRef: row.user_ref,
  startedAt: Number(row.started_at),
  minutes: Number(row.minutes),
});

/** Within one batch, the last delivery of a shift or toil entry wins. */
export const keepLast = <T>(_earlier: T, later: T) => later;

type Keyed = { source: string; externalId: string };

/** Orders records by (source, externalId), comparing UTF-16 code units. */
export const byKey = (a: Keyed, b: Keyed): number => {
  if (a.source !== b.source) return a.source < b.source ? -1 : 1;
  if (a.externalId !== b.externalId)
    return a.externalId < b.externalId ? -1 : 1;
  return 0;
};

/**
 * One record per key, so a multi-row upsert never touches a row twice, in
 * key order: every writer then locks the rows it shares with another in the
 * same order, so two overlapping batches wait for each other instead of
 * deadlocking.
 */
export function dedupe<T extends Keyed>(
  records: T[],
  combine: (earlier: T, later: T) => T,
): T[] {
  const unique = new Map<string, T>();
  for (const record of records) {
    const key = JSON.stringify([record.source, record.externalId]);
    const earlier = unique.get(key);
    unique.set(key, earlier ? combine(earlier, record) : record);
  }
  return [...unique.values()].sort(byKey);
}

/** The items in runs of at most `size`, in order. */
export function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    result.push(items.slice(i, i + size));
  return result;
}
