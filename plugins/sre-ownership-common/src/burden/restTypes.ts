import { ByBand } from './bands';
import { BurdenWindow, TeamBurdenInput } from './types';

/**
 * How much rest an organisation owes after heavy on-call periods, in whole
 * minutes. Defaults in {@link DEFAULT_REST_RULES}; configurable under
 * `sreOwnership.rest.rules`. A rule set to 0 owes nothing.
 *
 * @public
 */
export interface RestRules {
  /** Owed per page triggered during the engineer's sleep hours. */
  sleepPageMinutes: number;
  /**
   * Owed per 12 hours on call with more pages than the pages-per-shift limit
   * (`sreOwnership.burden.limits.pagesPerShift`).
   */
  busyShiftMinutes: number;
  /**
   * Percentage of the acknowledge-to-resolve minutes outside weekday
   * business hours that is owed back; 100 gives minute for minute.
   */
  offHoursResponsePercent: number;
}

/**
 * An hour back for a night disturbed, half a day after a shift the SRE book
 * would call unsustainable, and every minute worked outside business hours
 * back minute for minute.
 *
 * @public
 */
export const DEFAULT_REST_RULES: RestRules = {
  sleepPageMinutes: 60,
  busyShiftMinutes: 240,
  offHoursResponsePercent: 100,
};

/**
 * Why rest is owed: a page in sleep hours, a 12-hour shift above the pages
 * limit, or response time outside business hours.
 *
 * @public
 */
export type RestOwedKind = 'sleep-page' | 'busy-shift' | 'off-hours-response';

/**
 * One reason rest is owed, with the minutes it is worth.
 *
 * @public
 */
export interface RestOwedEntry {
  userRef: string;
  kind: RestOwedKind;
  /** When it happened: the page, the start of the shift, the acknowledgement. */
  at: string;
  minutes: number;
  /** The reason in words, with the local time in the engineer's zone. */
  reason: string;
}

/**
 * Rest an engineer took on one day, as recorded by them or their manager.
 *
 * @public
 */
export interface RestTaken {
  teamRef: string;
  userRef: string;
  /** The day the rest was taken, `YYYY-MM-DD`. */
  date: string;
  /** Whole minutes, 1 to 1440. */
  minutes: number;
  note?: string;
  /** Who recorded it: a user or service principal. */
  recordedBy: string;
  /** When it was recorded, ISO 8601. */
  recordedAt: string;
}

/**
 * Everything the rest rules need: a team's burden input, the rules and the
 * rest recorded as taken.
 *
 * @public
 */
export interface RestOwedInput extends TeamBurdenInput {
  rules: RestRules;
  taken: RestTaken[];
}

/**
 * One engineer's rest over the window.
 *
 * @public
 */
export interface EngineerRestOwed {
  userRef: string;
  timezone: string;
  member: boolean;
  /** The sum of the entries' minutes. */
  owedMinutes: number;
  /** The sum of the rest taken on the days the window touches. */
  takenMinutes: number;
  /** Owed less taken, never below 0. */
  balanceMinutes: number;
  entries: RestOwedEntry[];
  taken: RestTaken[];
}

/**
 * The rest owed to a team's engineers over one window.
 *
 * @public
 */
export interface TeamRestOwed {
  teamRef: string;
  window: BurdenWindow;
  rules: RestRules;
  engineers: EngineerRestOwed[];
  /**
   * Members whose rest taken the caller may record (the backend's verdict:
   * `sre-ownership.rest.record` on the Group, and for a user who does not
   * manage the team, only themselves). Absent from the pure computation.
   */
  mayRecordFor?: string[];
}

/**
 * One engineer's on-call time, pages and response time over one period,
 * split into bands in their own time zone, in whole minutes (rounded down
 * per band) and page counts.
 *
 * @public
 */
export interface EngineerCompensation {
  userRef: string;
  timezone: string;
  member: boolean;
  onCallMinutes: ByBand;
  /** Pages by the band of their trigger time. */
  pages: ByBand;
  /** Acknowledge-to-resolve time of those pages, split where it fell. */
  responseMinutes: ByBand;
}

/**
 * The compensation figures of a team's engineers over one period.
 *
 * @public
 */
export interface TeamCompensation {
  teamRef: string;
  window: BurdenWindow;
  engineers: EngineerCompensation[];
}
