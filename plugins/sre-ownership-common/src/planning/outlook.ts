import { fractionOf, isGreater } from '../burden/exact';
import {
  HOUR_MS,
  Interval,
  MINUTE_MS,
  toIso,
  WEEK_MS,
} from '../burden/intervals';
import { clockOf, isSleepHours } from '../burden/localTime';
import { requiredRotationSize } from '../burden/onCallWeeks';
import { BurdenLimits, WorkingTime } from '../burden/types';
import {
  absencesOf,
  onCallOf,
  PlanContext,
  planContext,
  requiredMs,
  WEEKS_PER_MONTH_WINDOW_MS,
} from './planContext';
import {
  CoverHole,
  OutlookConflict,
  OutlookPersonWeek,
  OutlookWeek,
  RotationOutlook,
  RotationOutlookInput,
} from './types';
import {
  inIntervals,
  overlapMs,
  segmentBounds,
  wallClockBreakpoints,
} from './wallClock';

/**
 * Whether `onCallMs` in the 28-day window is above the weeks-per-month
 * limit: `onCallMs / 1 week > limit`, compared in integers.
 */
export function overWeeksPerMonth(
  onCallMs: number,
  limits: BurdenLimits,
): boolean {
  return isGreater(
    { numerator: BigInt(Math.round(onCallMs)), denominator: BigInt(WEEK_MS) },
    fractionOf(limits.onCallWeeksPerMonth),
  );
}

/** Where each person's sleep hours begin and end, for the sweep. */
function sleepBreakpoints(
  context: PlanContext,
  range: Interval,
  workingTime: WorkingTime,
): number[] {
  const clock = clockOf(workingTime);
  const zones = new Set([...context.people.values()].map(p => p.timezone));
  return [...zones].flatMap(zone =>
    wallClockBreakpoints(range, zone, [clock.sleepStart, clock.sleepEnd]),
  );
}

/** Appends `[from, to)` to `list`, joining it to the last span it touches. */
function extend(list: Interval[], from: number, to: number) {
  const last = list[list.length - 1];
  if (last && last.end === from) last.end = to;
  else list.push({ start: from, end: to });
}

interface WeekSweep {
  holes: Interval[];
  /** By person: spans scheduled while absent, and while asleep. */
  absent: Map<string, Interval[]>;
  asleep: Map<string, Interval[]>;
  scheduledMs: number;
  sleepMs: number;
}

/**
 * Walks `range` (inside one week) segment by segment, between every instant
 * at which anything read can change, and collects holes, conflicts and the
 * scheduled time in sleep hours.
 */
function sweepWeek(
  context: PlanContext,
  range: Interval,
  workingTime: WorkingTime,
): WeekSweep {
  const people = [...context.people.values()];
  const points: number[] = [
    ...context.cover.breakpoints(range),
    ...sleepBreakpoints(context, range, workingTime),
  ];
  for (const list of [...context.onCall.values(), ...context.absent.values()]) {
    for (const interval of list) points.push(interval.start, interval.end);
  }
  const bounds = segmentBounds(range, points);
  const sweep: WeekSweep = {
    holes: [],
    absent: new Map(),
    asleep: new Map(),
    scheduledMs: 0,
    sleepMs: 0,
  };
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i];
    const to = bounds[i + 1];
    const length = to - from;
    const asleepIn = new Map<string, boolean>();
    const asleep = (timezone: string) => {
      let value = asleepIn.get(timezone);
      if (value === undefined) {
        value = isSleepHours(from, timezone, workingTime);
        asleepIn.set(timezone, value);
      }
      return value;
    };
    const state = people.map(person => ({
      person,
      scheduled: inIntervals(onCallOf(context, person.userRef), from),
      absent: inIntervals(absencesOf(context, person.userRef), from),
    }));
    const free = (userRef: string) =>
      state.some(
        s =>
          s.person.member &&
          s.person.userRef !== userRef &&
          !s.scheduled &&
          !s.absent &&
          !asleep(s.person.timezone),
      );
    let covered = false;
    for (const s of state) {
      if (!s.scheduled) continue;
      const isAsleep = asleep(s.person.timezone);
      sweep.scheduledMs += length;
      if (isAsleep) sweep.sleepMs += length;
      if (s.absent) {
        const list = sweep.absent.get(s.person.userRef) ?? [];
        extend(list, from, to);
        sweep.absent.set(s.person.userRef, list);
        continue;
      }
      covered = true;
      if (isAsleep && free(s.person.userRef)) {
        const list = sweep.asleep.get(s.person.userRef) ?? [];
        extend(list, from, to);
        sweep.asleep.set(s.person.userRef, list);
      }
    }
    if (!covered && context.cover.requiredAt(from)) {
      extend(sweep.holes, from, to);
    }
  }
  return sweep;
}

const minutesOf = (interval: Interval) =>
  (interval.end - interval.start) / MINUTE_MS;

function conflictsOf(sweep: WeekSweep): OutlookConflict[] {
  const conflicts: OutlookConflict[] = [];
  for (const [kind, byPerson] of [
    ['absent', sweep.absent],
    ['asleep', sweep.asleep],
  ] as const) {
    for (const [userRef, spans] of byPerson) {
      for (const span of spans) {
        conflicts.push({
          userRef,
          kind,
          from: toIso(span.start),
          to: toIso(span.end),
          minutes: minutesOf(span),
        });
      }
    }
  }
  return conflicts.sort(
    (a, b) =>
      a.from.localeCompare(b.from) ||
      a.userRef.localeCompare(b.userRef) ||
      a.kind.localeCompare(b.kind),
  );
}

/** The people of one week: members, and anyone on call in its 28-day window. */
function peopleOfWeek(
  context: PlanContext,
  week: Interval,
  limits: BurdenLimits,
): OutlookPersonWeek[] {
  const window = { start: week.end - WEEKS_PER_MONTH_WINDOW_MS, end: week.end };
  const refs = [
    ...context.members,
    ...[...context.onCall.keys()]
      .filter(ref => !context.members.includes(ref))
      .filter(ref => overlapMs(onCallOf(context, ref), window) > 0)
      .sort(),
  ];
  return refs.map(userRef => {
    const onCall = onCallOf(context, userRef);
    const windowMs = overlapMs(onCall, window);
    return {
      userRef,
      scheduledHours: overlapMs(onCall, week) / HOUR_MS,
      onCallWeeksPerMonth: windowMs / WEEK_MS,
      overLimit: overWeeksPerMonth(windowMs, limits),
      absentHours: overlapMs(absencesOf(context, userRef), week) / HOUR_MS,
    };
  });
}

/** Members absent for less than half of the week's required cover. */
function availablePeople(context: PlanContext, week: Interval): number {
  const required = requiredMs(context.cover, week);
  return context.members.filter(userRef => {
    const absences = absencesOf(context, userRef);
    const absentRequired = requiredMs(context.cover, week, {
      holds: instant => inIntervals(absences, instant),
      breakpoints: absences.flatMap(a => [a.start, a.end]),
    });
    return required === 0 || 2 * absentRequired < required;
  }).length;
}

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/** `14 Dec 2026` for a UTC instant. */
export function dayName(instant: number): string {
  const date = new Date(instant);
  return `${date.getUTCDate()} ${
    MONTHS[date.getUTCMonth()]
  } ${date.getUTCFullYear()}`;
}

/** Hours for a sentence: whole when whole, else one decimal. */
export function hoursText(hours: number): string {
  const rounded = Math.round(hours * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded : rounded.toFixed(1)} h`;
}

function breakSentence(
  context: PlanContext,
  week: OutlookWeek,
  limits: BurdenLimits,
): string {
  const name = (ref: string) => context.people.get(ref)?.displayName ?? ref;
  const reasons: string[] = [];
  for (const person of week.people.filter(p => p.overLimit)) {
    reasons.push(
      `${name(person.userRef)} on call ${
        Math.round(person.onCallWeeksPerMonth * 100) / 100
      } weeks per month (limit ${limits.onCallWeeksPerMonth})`,
    );
  }
  if (week.holeHours > 0) {
    reasons.push(
      `${hoursText(week.holeHours)} of required cover with nobody scheduled`,
    );
  }
  for (const kind of ['absent', 'asleep'] as const) {
    const minutes = new Map<string, number>();
    for (const conflict of week.conflicts.filter(c => c.kind === kind)) {
      minutes.set(
        conflict.userRef,
        (minutes.get(conflict.userRef) ?? 0) + conflict.minutes,
      );
    }
    for (const [ref, total] of minutes) {
      reasons.push(
        kind === 'absent'
          ? `${name(ref)} scheduled while absent (${hoursText(total / 60)})`
          : `${name(
              ref,
            )} on call asleep while a teammate is awake and free (${hoursText(
              total / 60,
            )})`,
      );
    }
  }
  if (week.availablePeople < week.requiredRotationSize) {
    reasons.push(
      `needs ${week.requiredRotationSize} people, has ${week.availablePeople} available`,
    );
  }
  return `The week of ${dayName(
    Date.parse(week.weekStart),
  )} breaks: ${reasons.join('; ')}.`;
}

/**
 * The rotation outlook of a team: for each Monday-UTC week from the one
 * holding `now`, each person's scheduled hours and on-call weeks per month,
 * the required cover nobody is scheduled for, people scheduled while absent
 * or asleep, and the rotation size the limits need. Definitions in
 * docs/rotation-planning.md.
 *
 * @public
 */
export function computeRotationOutlook(
  input: RotationOutlookInput,
): RotationOutlook {
  const context = planContext(input);
  let scheduledMs = 0;
  let sleepMs = 0;
  const weeks: OutlookWeek[] = context.weeks.map(week => {
    const counted = { start: Math.max(week.start, context.now), end: week.end };
    const sweep =
      counted.end > counted.start
        ? sweepWeek(context, counted, input.workingTime)
        : undefined;
    scheduledMs += sweep?.scheduledMs ?? 0;
    sleepMs += sweep?.sleepMs ?? 0;
    const holes: CoverHole[] = (sweep?.holes ?? []).map(hole => ({
      from: toIso(hole.start),
      to: toIso(hole.end),
      minutes: minutesOf(hole),
    }));
    const holeMs = (sweep?.holes ?? []).reduce(
      (sum, hole) => sum + hole.end - hole.start,
      0,
    );
    const people = peopleOfWeek(context, week, input.limits);
    const size = requiredRotationSize(
      requiredMs(context.cover, {
        start: week.end - WEEKS_PER_MONTH_WINDOW_MS,
        end: week.end,
      }),
      WEEKS_PER_MONTH_WINDOW_MS,
      input.limits,
    );
    const conflicts = sweep ? conflictsOf(sweep) : [];
    const available = availablePeople(context, week);
    return {
      weekStart: toIso(week.start),
      from: toIso(counted.start),
      to: toIso(counted.end),
      people,
      requiredHours: requiredMs(context.cover, counted) / HOUR_MS,
      holeHours: holeMs / HOUR_MS,
      holes,
      conflicts,
      requiredRotationSize: size,
      availablePeople: available,
      breaks:
        people.some(p => p.overLimit) ||
        holeMs > 0 ||
        conflicts.length > 0 ||
        available < size,
    };
  });
  const first = weeks.find(week => week.breaks);
  return {
    teamRef: input.teamRef,
    from: toIso(Math.max(context.span.start, context.now)),
    to: toIso(context.span.end),
    weeks,
    sleepShare: scheduledMs > 0 ? sleepMs / scheduledMs : null,
    ...(first
      ? {
          firstBreak: {
            weekStart: first.weekStart,
            sentence: breakSentence(context, first, input.limits),
          },
        }
      : {}),
  };
}
