import { OncallPage, OncallShift, PageSeverity } from '../events';
import { BurdenPage, BurdenShift, BurdenToil } from './burdenEvents';
import { OwnershipProblem } from '../problems';

/**
 * Sustainable limits the burden measures are compared against. Defaults in
 * {@link DEFAULT_BURDEN_LIMITS}; configurable under `sreOwnership.burden.limits`.
 *
 * @public
 */
export interface BurdenLimits {
  /** On-call weeks per engineer per month (a month counted as 4 weeks). */
  onCallWeeksPerMonth: number;
  /** Pages per 12-hour on-call shift. */
  pagesPerShift: number;
  /** Share of the window an engineer spends on call, 0..1. */
  onCallShare: number;
  /** Share of working time spent on toil, 0..1. */
  toilShare: number;
}

/**
 * The limits from the Google SRE book and "Measure What Matters".
 *
 * @public
 */
export const DEFAULT_BURDEN_LIMITS: BurdenLimits = {
  onCallWeeksPerMonth: 1,
  pagesPerShift: 2,
  onCallShare: 0.25,
  toilShare: 0.5,
};

/**
 * The burden and health window when none is asked for or configured, in days.
 *
 * @public
 */
export const DEFAULT_BURDEN_WINDOW_DAYS = 28;

/**
 * The time zone of people with none declared when none is configured.
 *
 * @public
 */
export const DEFAULT_TIMEZONE = 'UTC';

/**
 * When people work and sleep, in their own time zone. Weekends (Saturday and
 * Sunday) and holidays are outside business hours all day.
 *
 * @public
 */
export interface WorkingTime {
  /** Start of business hours, `HH:MM`, default 09:00. */
  businessStart: string;
  /** End of business hours, `HH:MM`, default 17:00. */
  businessEnd: string;
  /** Start of sleep hours, `HH:MM`, default 23:00. */
  sleepStart: string;
  /** End of sleep hours, `HH:MM`, default 07:00. */
  sleepEnd: string;
  /** Holidays of everyone, as `YYYY-MM-DD` local dates. */
  holidays: string[];
  /**
   * Holidays of the people in some time zones only (a country's or a
   * region's), applied to whoever's own zone a calendar names.
   */
  regionalHolidays?: RegionalHolidays[];
}

/**
 * A holiday calendar of a region: the dates, as `YYYY-MM-DD` local dates,
 * that are holidays for people whose own time zone is one of `timezones`.
 *
 * @public
 */
export interface RegionalHolidays {
  /** What the calendar is, e.g. "Germany"; shown in errors only. */
  name: string;
  /** IANA time zones of the people it applies to, e.g. Europe/Berlin. */
  timezones: string[];
  /** The holidays, `YYYY-MM-DD`. */
  dates: string[];
}

/**
 * Default {@link WorkingTime}.
 *
 * @public
 */
export const DEFAULT_WORKING_TIME: WorkingTime = {
  businessStart: '09:00',
  businessEnd: '17:00',
  sleepStart: '23:00',
  sleepEnd: '07:00',
  holidays: [],
};

/**
 * A half-open time range `[from, to)` as ISO 8601 strings.
 *
 * @public
 */
export interface BurdenWindow {
  from: string;
  to: string;
  days: number;
  /** Whether the window ends at the time of the request ("the last N days"). */
  endsNow: boolean;
}

/**
 * A person and the IANA time zone their local hours are read in.
 *
 * @public
 */
export interface PersonTimezone {
  userRef: string;
  timezone: string;
}

/**
 * Everything the burden engine needs for one team: the events of the current
 * and previous window (events straddling a window edge included; the engine
 * clips them), the engineers and their time zones.
 *
 * @public
 */
export interface TeamBurdenInput {
  teamRef: string;
  /** End of the current window (exclusive). */
  now: string;
  /** Window length in days of 24 hours; need not be whole. */
  windowDays: number;
  /**
   * Whether the window ends at the present: reasons then say "in the last 28
   * days", otherwise they name the dates. Default true.
   */
  windowEndsNow?: boolean;
  /** Team members (User refs) with their time zones. */
  members: PersonTimezone[];
  /**
   * People outside the team who appear in its shifts, pages or toil, with
   * their own time zones (see `resolvePersonTimezone`).
   */
  others?: PersonTimezone[];
  /** Time zone of anyone in neither list, and of pages nobody was on call for. */
  defaultTimezone: string;
  /** Shifts, pages and toil: `OncallShift`s etc., or as the store reads them. */
  shifts: BurdenShift[];
  pages: BurdenPage[];
  toil: BurdenToil[];
  limits: BurdenLimits;
  workingTime: WorkingTime;
  /** Problems found while reading the people (e.g. unknown time zones), passed through. */
  problems?: OwnershipProblem[];
}

/**
 * Mean times in minutes, per severity and over all severities (`all`);
 * absent where no page had the time.
 *
 * @public
 */
export type MinutesBySeverity = Partial<Record<PageSeverity | 'all', number>>;

/**
 * One engineer's figures over one window. A figure that is undefined for
 * the window (a rate without on-call time, a share of nothing) is `null`.
 *
 * @public
 */
export interface EngineerFigures {
  onCallHours: number;
  /** Share of the window on call, 0..1. */
  onCallShare: number;
  onCallWeeksPerMonth: number;
  /** Pages attributed to the engineer (responder, else on call when triggered). */
  pages: number;
  /** Attributed pages triggered while the engineer was on call for the team. */
  pagesWhileOnCall: number;
  /** Attributed pages triggered while the engineer was not on call for the team. */
  offRotationPages: number;
  /** `pagesWhileOnCall` per 12 hours on call; null when never on call. */
  pagesPerShift: number | null;
  /** Attributed pages triggered outside business hours in the engineer's time zone. */
  offHoursPages: number;
  /** Attributed pages triggered during sleep hours in the engineer's time zone. */
  sleepHoursPages: number;
  /** Minutes from acknowledge to resolve of the attributed pages, all of them. */
  respondingMinutes: number;
  /** The part of `respondingMinutes` outside the engineer's on-call time. */
  respondingOffRotationMinutes: number;
  toilMinutes: number;
  /**
   * Toil minutes over business minutes in the window, 0..; null without
   * business minutes, or when the team has no toil entry in this window or
   * the one before (no toil source: unknown, not 0%).
   */
  toilShare: number | null;
}

/**
 * Which limits a figure breaks.
 *
 * @public
 */
export type BurdenMeasure =
  | 'onCallWeeksPerMonth'
  | 'pagesPerShift'
  | 'onCallShare'
  | 'toilShare';

/**
 * One engineer's burden, current and previous window.
 *
 * @public
 */
export interface EngineerBurden {
  userRef: string;
  timezone: string;
  /** Whether the engineer is a member of the team (else they covered it). */
  member: boolean;
  current: EngineerFigures;
  previous: EngineerFigures;
  /** Measures of the current window above their limit. */
  overLimit: BurdenMeasure[];
  /**
   * Measures of the current window close to their limit (from
   * `NEAR_LIMIT_FROM` of it) but not above it. Absent from responses of
   * backends older than the field.
   */
  nearLimit?: BurdenMeasure[];
}

/**
 * Team measures that have a verdict.
 *
 * @public
 */
export type TeamMeasure = 'pagesPerShift' | 'toilShare' | 'rotationSize';

/**
 * Team-level figures over one window. A figure that is undefined for the
 * window is `null`.
 *
 * @public
 */
export interface TeamFigures {
  pages: number;
  /** Pages triggered while nobody was on call for the team and nobody responded. */
  unattributedPages: number;
  /** Team pages per 12 hours of on-call coverage; null without coverage. */
  pagesPerShift: number | null;
  offHoursPages: number;
  sleepHoursPages: number;
  mttaMinutes: MinutesBySeverity;
  mttrMinutes: MinutesBySeverity;
  toilMinutes: number;
  /**
   * Toil minutes over the members' business minutes; null without business
   * minutes, or when the team has no toil entry in this window or the one
   * before (no toil source: unknown, not 0%).
   */
  toilShare: number | null;
  /** Hours with at least one engineer on call (union over the rotation). */
  coverageHours: number;
  /** Each engineer's own on-call hours, summed: layers count for each person. */
  personHours: number;
  /** Distinct engineers who carried the pager. */
  rotationSize: number;
  /** Engineers needed so nobody exceeds the on-call weeks limit, from `personHours`. */
  requiredRotationSize: number;
  /** Team measures above their limit (the rotation: below what is needed). */
  overLimit: TeamMeasure[];
}

/**
 * Pages per week (weeks start Monday 00:00 UTC).
 *
 * @public
 */
export interface WeeklyVolume {
  weekStart: string;
  pages: number;
  /**
   * True when only part of the week lies inside the figures' span (the
   * window's first or last week): its count covers `hours` hours, not a
   * whole week, and is no week's total.
   */
  partial?: boolean;
  /** Hours of a partial week inside the span; absent for a whole week. */
  hours?: number;
}

/**
 * Team health status.
 *
 * @public
 */
export type BurdenStatus = 'no-data' | 'healthy' | 'at-risk' | 'overloaded';

/**
 * What is known of one schedule feed of a team: when it was last read and
 * with what outcome, so that "no feed" and "a feed with no shifts" read
 * differently.
 *
 * @public
 */
export interface TeamScheduleFeed {
  /** The feed's name: its `sreOwnership.schedules` entry, or the Group's. */
  feed: string;
  /** ISO time of the last read, successful or not. */
  lastRunAt: string;
  /** Whether the last read succeeded. */
  ok: boolean;
  /** ISO time of the last successful read. */
  lastSuccessAt?: string;
  /** Shifts the last successful read found, in every window. */
  shifts?: number;
  /** Why the last failed read failed. */
  lastError?: string;
}

/**
 * A team's on-call burden: status with reasons, team figures and per-engineer
 * figures for the current and previous window, and the weekly trend.
 *
 * @public
 */
export interface TeamBurden {
  teamRef: string;
  window: BurdenWindow;
  previousWindow: BurdenWindow;
  limits: BurdenLimits;
  status: BurdenStatus;
  /** Why the status is what it is, as sentences. */
  reasons: string[];
  current: TeamFigures;
  previous: TeamFigures;
  weeklyVolume: WeeklyVolume[];
  /** Change of the last full week's pages over the week before, e.g. 0.5 = +50%; absent without data. */
  weekOverWeekChange?: number;
  /** Engineers needed so that nobody exceeds the on-call weeks limit (current window). */
  requiredRotationSize: number;
  /** Per-engineer figures; absent when the caller may not read them. */
  engineers?: EngineerBurden[];
  /** Problems with the declarations the figures read, such as unknown time zones. */
  problems: OwnershipProblem[];
  /**
   * The team's schedule feeds and their last reads; absent when the backend
   * did not look them up. Empty when no feed is configured for the team.
   */
  scheduleFeeds?: TeamScheduleFeed[];
}

/**
 * Who carries a team's pager now, and who is next.
 *
 * @public
 */
export interface OnCallNow {
  teamRef: string;
  current: Array<{ userRef: string; until: string }>;
  next?: { userRef: string; from: string };
}

/**
 * Input of the service on-call health computation.
 *
 * @public
 */
export interface ServiceHealthInput {
  entityRef: string;
  now: string;
  windowDays: number;
  /** Pages about the service, current and previous window. */
  pages: OncallPage[];
  /** Shifts of the teams paged for it, to place pages in an engineer's time zone. */
  shifts: OncallShift[];
  members: PersonTimezone[];
  /** People outside the owning team who were on call or responded. */
  others?: PersonTimezone[];
  defaultTimezone: string;
  workingTime: WorkingTime;
  /** See {@link TeamBurdenInput.windowEndsNow}. */
  windowEndsNow?: boolean;
}

/**
 * A service's on-call health over one window.
 *
 * @public
 */
export interface ServiceHealthFigures {
  pages: number;
  /** Share of pages outside business hours of the engineer paged, 0..1; null without pages. */
  offHoursShare: number | null;
  mttaMinutes: MinutesBySeverity;
  mttrMinutes: MinutesBySeverity;
}

/**
 * A service's on-call health: page volume and trend, response times,
 * off-hours share, and who is on call now and next.
 *
 * @public
 */
export interface ServiceOnCallHealth {
  entityRef: string;
  window: BurdenWindow;
  previousWindow: BurdenWindow;
  current: ServiceHealthFigures;
  previous: ServiceHealthFigures;
  weeklyVolume: WeeklyVolume[];
  weekOverWeekChange?: number;
  /** Filled by the backend from the shifts of the service's owning teams. */
  onCall: OnCallNow[];
}
