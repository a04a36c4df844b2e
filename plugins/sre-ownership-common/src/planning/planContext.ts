import {
  DAY_MS,
  Interval,
  mergeIntervals,
  toInstant,
  WEEK_MS,
} from '../burden/intervals';
import { canonicalTimezone, localDay, parseClock } from '../burden/localTime';
import { weekStartOf } from '../burden/weeklyVolume';
import {
  CoverRequirement,
  PlanPerson,
  PlanWeekday,
  RotationOutlookInput,
} from './types';
import { segmentBounds, wallClockBreakpoints } from './wallClock';

/** Weeks the outlook covers when none is asked for. */
export const DEFAULT_OUTLOOK_WEEKS = 8;

/**
 * The window on-call weeks per month are counted over, ending with each
 * week: 28 days, the burden engine's month of 4 weeks. A rotation repeats in
 * whole weeks, so a 28-day window holds exactly one on-call week of a
 * one-week-in-four rotation wherever its hand-offs fall; a 30-day window
 * would hold 9 of its days in some weeks and read 1.2.
 */
export const WEEKS_PER_MONTH_WINDOW_MS = 28 * DAY_MS;

const WEEKDAYS: Record<PlanWeekday, number> = {
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
};

/** A parsed weekly window: local weekday (0 = Sunday) and minutes. */
interface CoverWindow {
  weekday: number;
  start: number;
  end: number;
}

/** The required-cover rule, read once. */
export interface CoverRule {
  /** Whether cover is required at `instant`. */
  requiredAt(instant: number): boolean;
  /** Where `requiredAt` can change inside `range`. */
  breakpoints(range: Interval): number[];
}

/**
 * Reads a cover requirement.
 *
 * @throws RangeError naming the window when a window is not `start < end`
 * on a 24-hour clock.
 */
export function coverRule(requirement?: CoverRequirement): CoverRule {
  if (!requirement || requirement.type === '24x7') {
    return { requiredAt: () => true, breakpoints: () => [] };
  }
  const timezone = canonicalTimezone(requirement.timezone);
  const windows: CoverWindow[] = requirement.windows.map((window, index) => {
    const start = parseClock(window.start);
    const end = parseClock(window.end);
    if (!(window.day in WEEKDAYS) || !(start < end) || end > 24 * 60) {
      throw new RangeError(
        `cover.windows[${index}]: needs a day (mon..sun) and start before end within the day, got ${window.day} ${window.start}-${window.end}`,
      );
    }
    return { weekday: WEEKDAYS[window.day], start, end };
  });
  const minutes = [
    ...new Set(windows.flatMap(w => [w.start, w.end % (24 * 60)])),
  ];
  return {
    requiredAt(instant) {
      const local = localDay(instant, timezone);
      return windows.some(
        w =>
          w.weekday === local.weekday &&
          local.minuteOfDay >= w.start &&
          local.minuteOfDay < w.end,
      );
    },
    breakpoints: range => wallClockBreakpoints(range, timezone, minutes),
  };
}

/** Milliseconds of `range` in which `rule` requires cover (and `also` holds). */
export function requiredMs(
  rule: CoverRule,
  range: Interval,
  also?: { holds(instant: number): boolean; breakpoints: number[] },
): number {
  const bounds = segmentBounds(range, [
    ...rule.breakpoints(range),
    ...(also?.breakpoints ?? []),
  ]);
  let total = 0;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const at = bounds[i];
    if (rule.requiredAt(at) && (also?.holds(at) ?? true)) {
      total += bounds[i + 1] - at;
    }
  }
  return total;
}

/** A person as the planner reads them. */
export interface Planned {
  userRef: string;
  displayName: string;
  timezone: string;
  member: boolean;
}

/** The parsed input every planning figure reads. */
export interface PlanContext {
  now: number;
  /** Monday-UTC weeks, the one holding `now` first. */
  weeks: Interval[];
  /** `[weeks[0].start, last week's end)`. */
  span: Interval;
  people: Map<string, Planned>;
  /** Members, in their input order. */
  members: string[];
  /** Merged on-call intervals per person. */
  onCall: Map<string, Interval[]>;
  /** Merged absences per person. */
  absent: Map<string, Interval[]>;
  cover: CoverRule;
}

const empty: Interval[] = [];

/** Parses the outlook's input. */
export function planContext(input: RotationOutlookInput): PlanContext {
  const now = toInstant(input.now);
  const count = input.weeks ?? DEFAULT_OUTLOOK_WEEKS;
  const first = weekStartOf(now);
  const weeks = Array.from({ length: count }, (_, i) => ({
    start: first + i * WEEK_MS,
    end: first + (i + 1) * WEEK_MS,
  }));
  const people = new Map<string, Planned>();
  const add = (person: PlanPerson, member: boolean) => {
    if (people.has(person.userRef)) return;
    people.set(person.userRef, {
      userRef: person.userRef,
      displayName: person.displayName ?? person.userRef,
      timezone: canonicalTimezone(person.timezone),
      member,
    });
  };
  input.members.forEach(person => add(person, true));
  (input.others ?? []).forEach(person => add(person, false));
  const byPerson = (
    items: Array<{ userRef: string; startsAt: unknown; endsAt: unknown }>,
  ) => {
    const grouped = new Map<string, Interval[]>();
    for (const item of items) {
      const start = toInstant(item.startsAt as string | number);
      const end = toInstant(item.endsAt as string | number);
      if (!(end > start)) continue;
      const list = grouped.get(item.userRef) ?? [];
      list.push({ start, end });
      grouped.set(item.userRef, list);
      add({ userRef: item.userRef, timezone: input.defaultTimezone }, false);
    }
    return new Map(
      [...grouped].map(([ref, list]) => [ref, mergeIntervals(list)]),
    );
  };
  const onCall = byPerson(
    input.shifts.filter(shift => shift.teamRef === input.teamRef),
  );
  const absent = byPerson(input.absences);
  return {
    now,
    weeks,
    span: { start: first, end: first + count * WEEK_MS },
    people,
    members: input.members.map(person => person.userRef),
    onCall,
    absent,
    cover: coverRule(input.cover),
  };
}

/** A person's merged on-call intervals (none when never on call). */
export const onCallOf = (context: PlanContext, userRef: string) =>
  context.onCall.get(userRef) ?? empty;

/** A person's merged absences. */
export const absencesOf = (context: PlanContext, userRef: string) =>
  context.absent.get(userRef) ?? empty;
