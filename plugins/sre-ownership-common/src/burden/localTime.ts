import { DAY_MS, Interval } from './intervals';
import { WorkingTime } from './types';

/** Wall-clock reading of an instant in one time zone. */
export interface LocalTime {
  /** Local calendar date, `YYYY-MM-DD`. */
  date: string;
  /** 0 = Sunday ... 6 = Saturday. */
  weekday: number;
  /** Whole minutes since local midnight, 0..1439. */
  minuteOfDay: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Whether `timeZone` is an IANA time zone this runtime knows.
 *
 * @public
 */
export function isKnownTimezone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Day of week (0 = Sunday) of a `YYYY-MM-DD` calendar date. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The calendar date after a `YYYY-MM-DD` date. */
function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS)
    .toISOString()
    .slice(0, 10);
}

/**
 * Reads `instant` on a wall clock in `timeZone`, using the runtime's IANA
 * data through `Intl.DateTimeFormat` so DST rules of any zone apply.
 */
export function localTime(instant: number, timeZone: string): LocalTime {
  const wallClock = new Date(instant + offsetAt(instant, timeZone));
  const date = wallClock.toISOString().slice(0, 10);
  return {
    date,
    weekday: wallClock.getUTCDay(),
    minuteOfDay: wallClock.getUTCHours() * 60 + wallClock.getUTCMinutes(),
  };
}

// Every zone changes its offset at a whole quarter hour of UTC, so one
// reading per zone and quarter hour serves every instant in it; reading the
// clock through Intl for each page was most of the cost of a team's burden.
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const MAX_CACHED_OFFSETS = 200_000;
const offsets = new Map<string, number>();

/** Milliseconds to add to a UTC instant to read the wall clock of `timeZone`. */
function offsetAt(instant: number, timeZone: string): number {
  const quarter = Math.floor(instant / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  const key = `${timeZone}|${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const parts: Record<string, string> = {};
    for (const part of formatterFor(timeZone).formatToParts(quarter)) {
      parts[part.type] = part.value;
    }
    const wall = Date.UTC(
      Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
    );
    offset = wall - quarter;
    if (offsets.size >= MAX_CACHED_OFFSETS) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** Minutes since midnight of an `HH:MM` clock time. */
export function parseClock(clock: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(clock.trim());
  if (!match) {
    throw new RangeError(`Expected a time as HH:MM, got "${clock}"`);
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Whether a local date is a working day: Monday to Friday, not a holiday. */
export function isWorkingDay(date: string, workingTime: WorkingTime): boolean {
  const weekday = weekdayOf(date);
  return weekday >= 1 && weekday <= 5 && !workingTime.holidays.includes(date);
}

/**
 * Whether `instant` falls outside business hours in `timeZone`: before
 * `businessStart` or from `businessEnd` on a working day, or any time on a
 * weekend or holiday.
 */
export function isOffHours(
  instant: number,
  timeZone: string,
  workingTime: WorkingTime,
): boolean {
  const local = localTime(instant, timeZone);
  if (!isWorkingDay(local.date, workingTime)) {
    return true;
  }
  return (
    local.minuteOfDay < parseClock(workingTime.businessStart) ||
    local.minuteOfDay >= parseClock(workingTime.businessEnd)
  );
}

/**
 * Whether `instant` falls in sleep hours `[sleepStart, sleepEnd)` in
 * `timeZone`, on any day; the range may wrap midnight (23:00 to 07:00).
 */
export function isSleepHours(
  instant: number,
  timeZone: string,
  workingTime: WorkingTime,
): boolean {
  const minute = localTime(instant, timeZone).minuteOfDay;
  const start = parseClock(workingTime.sleepStart);
  const end = parseClock(workingTime.sleepEnd);
  return start <= end
    ? minute >= start && minute < end
    : minute >= start || minute < end;
}

/**
 * Business minutes of `range` in `timeZone`: for every local working day the
 * range touches, the wall-clock minutes of `[businessStart, businessEnd)`
 * inside the range. Counting by wall clock keeps a DST day's business hours
 * at their usual length; the first and last day are cut at the range's local
 * start and end times.
 */
export function businessMinutes(
  range: Interval,
  timeZone: string,
  workingTime: WorkingTime,
): number {
  if (range.end <= range.start) {
    return 0;
  }
  const first = localTime(range.start, timeZone);
  const last = localTime(range.end, timeZone);
  const open = parseClock(workingTime.businessStart);
  const close = parseClock(workingTime.businessEnd);
  let total = 0;
  for (let date = first.date; date <= last.date; date = nextDate(date)) {
    if (isWorkingDay(date, workingTime)) {
      const from = date === first.date ? first.minuteOfDay : 0;
      const to = date === last.date ? last.minuteOfDay : 24 * 60;
      total += Math.max(0, Math.min(close, to) - Math.max(open, from));
    }
  }
  return total;
}
