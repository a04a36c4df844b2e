import { BurdenInstant, BurdenShift } from '../burden/burdenEvents';
import { BurdenLimits, PersonTimezone, WorkingTime } from '../burden/types';

/**
 * A day of the week as rotation plans name it.
 *
 * @public
 */
export type PlanWeekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/**
 * One weekly window of required cover: `start` to `end` on `day`, as wall
 * clock times (`HH:MM`, `end` may be `24:00`) in the requirement's zone.
 *
 * @public
 */
export interface WeeklyCoverWindow {
  day: PlanWeekday;
  start: string;
  end: string;
}

/**
 * When a team's rotation must have someone on call: round the clock
 * (`24x7`, the default), or weekly windows in one time zone.
 *
 * @public
 */
export type CoverRequirement =
  | { type: '24x7' }
  | { type: 'weekly'; timezone: string; windows: WeeklyCoverWindow[] };

/**
 * Planned leave of one person, `[startsAt, endsAt)`.
 *
 * @public
 */
export interface PlannedAbsence {
  userRef: string;
  startsAt: BurdenInstant;
  endsAt: BurdenInstant;
}

/**
 * A person the outlook knows, with the zone their sleep hours are read in.
 *
 * @public
 */
export interface PlanPerson extends PersonTimezone {
  /** Shown in sentences; the ref when absent. */
  displayName?: string;
}

/**
 * Everything the rotation outlook reads for one team.
 *
 * @public
 */
export interface RotationOutlookInput {
  teamRef: string;
  /** The present: holes, conflicts and cover proposals start here. */
  now: BurdenInstant;
  /** How many Monday-UTC weeks, the one holding `now` first; 8 by default. */
  weeks?: number;
  /** The team's members: who can be on call and who can cover. */
  members: PlanPerson[];
  /** People outside the team who hold some of its shifts. */
  others?: PlanPerson[];
  /** Zone of anyone in neither list. */
  defaultTimezone: string;
  /**
   * The team's shifts: past ones from at least 90 days before `now` (the
   * weeks-per-month window and fairness read them) and every scheduled one.
   */
  shifts: BurdenShift[];
  absences: PlannedAbsence[];
  limits: BurdenLimits;
  workingTime: WorkingTime;
  /** 24x7 when absent. */
  cover?: CoverRequirement;
}

/**
 * One person in one week of the outlook.
 *
 * @public
 */
export interface OutlookPersonWeek {
  userRef: string;
  /** Scheduled on-call hours in the whole week (their shifts' union). */
  scheduledHours: number;
  /**
   * On-call weeks per month over the 28 days ending with the week:
   * on-call hours in that window ÷ 168.
   */
  onCallWeeksPerMonth: number;
  /** `onCallWeeksPerMonth` above the limit, compared exactly. */
  overLimit: boolean;
  /** Hours of the week the person is absent. */
  absentHours: number;
}

/**
 * Someone scheduled when they should not be: while `absent`, or `asleep`
 * (in their sleep hours) while another member is awake, present and not on
 * call.
 *
 * @public
 */
export interface OutlookConflict {
  userRef: string;
  kind: 'absent' | 'asleep';
  from: string;
  to: string;
  minutes: number;
}

/**
 * A span of required cover with nobody available scheduled.
 *
 * @public
 */
export interface CoverHole {
  from: string;
  to: string;
  minutes: number;
}

/**
 * One Monday-UTC week of the outlook.
 *
 * @public
 */
export interface OutlookWeek {
  /** Monday 00:00 UTC. */
  weekStart: string;
  /**
   * The part of the week holes, conflicts and required cover count: from
   * `now` on in the first week, the whole week after it.
   */
  from: string;
  to: string;
  people: OutlookPersonWeek[];
  /** Hours of required cover in `[from, to)`. */
  requiredHours: number;
  /** Hours of required cover in `[from, to)` nobody available is scheduled for. */
  holeHours: number;
  holes: CoverHole[];
  conflicts: OutlookConflict[];
  /**
   * People needed so nobody exceeds the weeks-per-month limit: required
   * cover hours in the 28 days ending with the week ÷ the hours one person
   * may carry in them (limit × 168), rounded up.
   */
  requiredRotationSize: number;
  /** Members absent for less than half of the week's required cover. */
  availablePeople: number;
  /** Someone over the limit, a hole, a conflict, or too few people. */
  breaks: boolean;
}

/**
 * The rotation outlook of a team.
 *
 * @public
 */
export interface RotationOutlook {
  teamRef: string;
  from: string;
  to: string;
  weeks: OutlookWeek[];
  /**
   * Share of the scheduled on-call minutes from `now` to the end that fall in
   * the on-call person's sleep hours, 0..1; null with nothing scheduled.
   */
  sleepShare: number | null;
  /** The first week that breaks, and why, in one sentence. */
  firstBreak?: { weekStart: string; sentence: string };
}
