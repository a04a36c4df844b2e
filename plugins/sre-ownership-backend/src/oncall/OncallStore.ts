import {
  BurdenPage,
  BurdenShift,
  BurdenToil,
  OncallPage,
  OncallShift,
  ToilEntry,
} from '@sre-ownership/plugin-sre-ownership-common';

/** A batch of on-call events to store together. */
export interface OncallEventBatch {
  shifts?: OncallShift[];
  pages?: OncallPage[];
  toil?: ToilEntry[];
}

/** One team's events as the burden engine reads them. */
export interface TeamEvents {
  shifts: BurdenShift[];
  pages: BurdenPage[];
  toil: BurdenToil[];
}

/** A half-open time range [from, to). */
export interface TimeRange {
  from: Date;
  to: Date;
}

/** What {@link OncallStore.replaceShifts} changed. */
export interface ShiftReplacement {
  /** Shifts added or updated. */
  written: number;
  /** Shifts deleted because the feed no longer has them. */
  deleted: number;
}

/** How many events of a feed were left out for one reason. */
export type FeedLeftOut = { reason: string; events: number };

/**
 * The outcome of reading one schedule feed once. `error` is shown to every
 * signed-in user: it must be built from a masked URL (see
 * providers/ics/feedErrors.ts), never from an error's own text.
 */
export type ScheduleFeedRun = { feed: string; teamRef: string; at: Date } & (
  | {
      ok: true;
      shifts: number;
      warnings: number;
      leftOut: FeedLeftOut[];
      /** What the admin should fix although the read succeeded. */
      warning?: string;
    }
  | { ok: false; error: string }
);

/** What is known of a schedule feed's reads (a type alias: plain JSON). */
export type ScheduleFeedStatus = {
  feed: string;
  teamRef: string;
  /** ISO time of the last read, successful or not. */
  lastRunAt: string;
  /** Whether the last read succeeded; see `warning` for one needing the admin. */
  ok: boolean;
  lastSuccessAt?: string;
  /** Shifts read on the last success. */
  shifts?: number;
  /** Events left out on the last success. */
  warnings?: number;
  /** Why they were left out: events per reason, most first. */
  leftOut?: FeedLeftOut[];
  /**
   * What the last success asks the admin to fix, such as a feed whose
   * events match no User: read, but not `ok` in the everyday sense.
   */
  warning?: string;
  /** Why the last failed read failed, and when. */
  lastError?: string;
  lastErrorAt?: string;
};

/** Persists on-call facts. Writes are idempotent per (source, externalId). */
export interface OncallStore {
  /**
   * Stores a batch in one transaction: all of it or nothing. An event already
   * stored under the same source and external id is updated, never duplicated.
   */
  ingest(batch: OncallEventBatch): Promise<void>;

  /**
   * Makes the stored shifts of one source match a schedule feed, in one
   * transaction: stores the given shifts (each must have that source) and
   * deletes the source's shifts that start within the range but are no longer
   * given, such as cancelled occurrences. Shifts that already match are not
   * rewritten, so replacing with the same shifts changes nothing. Shifts
   * that started before `keepBefore` are never deleted: history stays even
   * when a feed stops publishing it or a person can no longer be matched.
   */
  replaceShifts(options: {
    source: string;
    range: TimeRange;
    shifts: OncallShift[];
    keepBefore?: Date;
  }): Promise<ShiftReplacement>;

  /** Records how reading a schedule feed went. */
  recordFeedRun(run: ScheduleFeedRun): Promise<void>;

  /** The last reads of every schedule feed, by feed name. */
  listFeedRuns(): Promise<ScheduleFeedStatus[]>;

  /**
   * Resolves when a delivery could be written now — the database answers
   * and no lock holds the event tables; rejects otherwise.
   */
  ping(): Promise<void>;

  /**
   * How many writes of shifts this instance has committed: a reader that
   * keeps shifts compares it to know when to read them again.
   */
  shiftWrites(): number;

  /** Shifts of a team that overlap the range. */
  listShifts(options: {
    teamRef: string;
    range: TimeRange;
  }): Promise<OncallShift[]>;

  /**
   * Shifts of several teams that overlap the range, by team ref (teams
   * without a shift are absent); one read however many teams.
   */
  listShiftsOfTeams(options: {
    teamRefs: string[];
    range: TimeRange;
  }): Promise<Map<string, OncallShift[]>>;

  /** Pages of a team, or about a service, triggered within the range. */
  listPages(options: {
    teamRef?: string;
    entityRef?: string;
    range: TimeRange;
  }): Promise<OncallPage[]>;

  /**
   * A team's shifts overlapping the range, and its pages and toil started
   * within it, with only what the burden engine reads and instants as epoch
   * milliseconds: the team burden read, without per-row parsing.
   */
  readTeamEvents(options: {
    teamRef: string;
    range: TimeRange;
  }): Promise<TeamEvents>;

  /** Toil entries of a team started within the range. */
  listToil(options: {
    teamRef: string;
    range: TimeRange;
  }): Promise<ToilEntry[]>;
}
