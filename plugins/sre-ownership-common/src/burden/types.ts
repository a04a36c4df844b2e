import { OncallPage, OncallShift, PageSeverity, ToilEntry } from '../events';

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
  /** Holidays as `YYYY-MM-DD` local dates. */
  holidays: string[];
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
  windowDays: number;
  /** Team members (User refs) with their IANA time zones. */
  members: Array<{ userRef: string; timezone: string }>;
  /** Time zone for engineers not in `members`. */
  defaultTimezone: string;
  shifts: OncallShift[];
  pages: OncallPage[];
  toil: ToilEntry[];
  limits: BurdenLimits;
  workingTime: WorkingTime;
}

/**
 * Mean times in minutes, per severity; absent where no page had the time.
 *
 * @public
 */
export type MinutesBySeverity = Partial<Record<PageSeverity, number>>;

/**
 * One engineer's figures over one window.
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
  /** Pages per 12 hours on call; 0 when never on call. */
  pagesPerShift: number;
  /** Pages triggered outside business hours in the engineer's time zone. */
  offHoursPages: number;
  /** Pages triggered during sleep hours in the engineer's time zone. */
  sleepHoursPages: number;
  /** Minutes between acknowledge and resolve that fell in on-call time. */
  respondingMinutes: number;
  toilMinutes: number;
  /** Toil minutes over business minutes in the window, 0..1. */
  toilShare: number;
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
  current: EngineerFigures;
  previous: EngineerFigures;
  /** Measures of the current window above their limit. */
  overLimit: BurdenMeasure[];
}

/**
 * Team-level figures over one window.
 *
 * @public
 */
export interface TeamFigures {
  pages: number;
  /** Team pages per 12 hours of on-call coverage. */
  pagesPerShift: number;
  offHoursPages: number;
  sleepHoursPages: number;
  mttaMinutes: MinutesBySeverity;
  mttrMinutes: MinutesBySeverity;
  toilMinutes: number;
  toilShare: number;
  /** Hours of on-call coverage (union over the rotation). */
  coverageHours: number;
  /** Distinct engineers who carried the pager. */
  rotationSize: number;
}

/**
 * Pages per week (weeks start Monday 00:00 UTC).
 *
 * @public
 */
export interface WeeklyVolume {
  weekStart: string;
  pages: number;
}

/**
 * Team health status.
 *
 * @public
 */
export type BurdenStatus = 'healthy' | 'at-risk' | 'overloaded';

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
  /** Engineers needed so that nobody exceeds the on-call weeks limit. */
  requiredRotationSize: number;
  /** Per-engineer figures; absent when the caller may not read them. */
  engineers?: EngineerBurden[];
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
  members: Array<{ userRef: string; timezone: string }>;
  defaultTimezone: string;
  workingTime: WorkingTime;
}

/**
 * A service's on-call health over one window.
 *
 * @public
 */
export interface ServiceHealthFigures {
  pages: number;
  /** Share of pages outside business hours of the engineer paged, 0..1. */
  offHoursShare: number;
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
