import { localTime } from '../burden/localTime';
import { CalendarUnit } from './types';

const MINUTE_MS = 60_000;

/** Milliseconds to add to a UTC instant to read the wall clock in `timeZone`. */
function offsetAt(instant: number, timeZone: string): number {
  const minute = Math.floor(instant / MINUTE_MS) * MINUTE_MS;
  const local = localTime(minute, timeZone);
  return (
    Date.parse(`${local.date}T00:00:00Z`) +
    local.minuteOfDay * MINUTE_MS -
    minute
  );
}

interface WallClock {
  year: number;
  month: number; // 0-based
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The instant a wall-clock time reads in `timeZone`. */
function instantOf(wall: WallClock, timeZone: string): number {
  const asUtc = Date.UTC(
    wall.year,
    wall.month,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
  );
  const guess = asUtc - offsetAt(asUtc, timeZone);
  return asUtc - offsetAt(guess, timeZone);
}

/** Reads `YYYY-MM-DD HH:MM:SS` (or with `T`); undefined when malformed. */
export function parseWallClock(text: string): WallClock | undefined {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match
    .slice(1)
    .map(part => (part === undefined ? undefined : Number(part))) as number[];
  const wall = { year, month: month - 1, day, hour, minute, second };
  const check = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return undefined;
  }
  return wall;
}

/** The wall clock `steps` periods of `count` units after `start`. */
function advance(
  start: WallClock,
  unit: CalendarUnit,
  count: number,
  steps: number,
): WallClock {
  const n = count * steps;
  const next = { ...start };
  switch (unit) {
    case 'minute':
      next.minute += n;
      break;
    case 'hour':
      next.hour += n;
      break;
    case 'day':
      next.day += n;
      break;
    case 'week':
      next.day += 7 * n;
      break;
    case 'month':
      next.month += n;
      break;
    case 'quarter':
      next.month += 3 * n;
      break;
    case 'year':
      next.year += n;
      break;
    default:
  }
  // Normalise overflowing fields through Date arithmetic on the wall clock.
  const normal = new Date(
    Date.UTC(
      next.year,
      next.month,
      next.day,
      next.hour,
      next.minute,
      next.second,
    ),
  );
  return {
    year: normal.getUTCFullYear(),
    month: normal.getUTCMonth(),
    day: normal.getUTCDate(),
    hour: normal.getUTCHours(),
    minute: normal.getUTCMinutes(),
    second: normal.getUTCSeconds(),
  };
}

/**
 * The calendar period that contains `now`: periods of `count` units follow
 * one another from `startTime` (wall clock in `timeZone`), so a `1M` window
 * starting `2024-01-01 00:00:00` runs from the first of each month to the
 * first of the next, whatever its length and across DST changes.
 *
 * @public
 */
export function calendarPeriodAt(
  window: {
    unit: CalendarUnit;
    count: number;
    startTime: string;
    timeZone: string;
  },
  now: number,
): { start: number; end: number } {
  const origin = parseWallClock(window.startTime);
  if (!origin)
    throw new Error(`Invalid calendar startTime ${window.startTime}`);
  const at = (steps: number) =>
    instantOf(
      advance(origin, window.unit, window.count, steps),
      window.timeZone,
    );
  // Estimate the period index from an average period length, then correct.
  const averageMs: Record<CalendarUnit, number> = {
    minute: 60_000,
    hour: 3_600_000,
    day: 86_400_000,
    week: 604_800_000,
    month: 2_629_746_000,
    quarter: 7_889_238_000,
    year: 31_556_952_000,
  };
  let steps = Math.floor(
    (now - at(0)) / (averageMs[window.unit] * window.count),
  );
  while (at(steps) > now) steps -= 1;
  while (at(steps + 1) <= now) steps += 1;
  return { start: at(steps), end: at(steps + 1) };
}
