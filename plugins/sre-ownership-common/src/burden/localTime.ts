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

const canonicalZones = new Map<string, string>();

/**
 * One name for each zone, for comparing zone names: the time-zone database
 * keeps old names as links (`Asia/Calcutta` and `Asia/Kolkata`,
 * `Europe/Kiev` and `Europe/Kyiv`, `US/Pacific` and `America/Los_Angeles`),
 * and a holiday calendar keyed by one must reach a person in the other.
 * Uses the name the ICU data in the runtime resolves both to; an unknown
 * name is returned as it is.
 *
 * @public
 */
export function canonicalTimezone(timeZone: string): string {
  let canonical = canonicalZones.get(timeZone);
  if (canonical === undefined) {
    try {
      canonical = new Intl.DateTimeFormat('en-US', {
        timeZone,
      }).resolvedOptions().timeZone;
    } catch {
      canonical = timeZone;
    }
    canonicalZones.set(timeZone, canonical);
  }
  return canonical;
}

/** Days since 1970-01-01 of a local wall-clock reading, and its parts. */
export interface LocalDay {
  /** Whole local days since 1970-01-01 (a Thursday). */
  day: number;
  /** 0 = Sunday ... 6 = Saturday. */
  weekday: number;
  /** Whole minutes since local midnight, 0..1439. */
  minuteOfDay: number;
}

const MINUTE_MS = 60_000;

/** Reads `instant` on a wall clock in `timeZone`, as integers only. */
export function localDay(instant: number, timeZone: string): LocalDay {
  const wall = instant + offsetAt(instant, timeZone);
  const day = Math.floor(wall / DAY_MS);
  return {
    day,
    // 1970-01-01 was a Thursday (4)
    weekday: (((day + 4) % 7) + 7) % 7,
    minuteOfDay: Math.floor((wall - day * DAY_MS) / MINUTE_MS),
  };
}

/**
 * Reads `instant` on a wall clock in `timeZone`, using the runtime's IANA
 * data through `Intl.DateTimeFormat` so DST rules of any zone apply.
 */
export function localTime(instant: number, timeZone: string): LocalTime {
  const local = localDay(instant, timeZone);
  return {
    date: new Date(local.day * DAY_MS).toISOString().slice(0, 10),
    weekday: local.weekday,
    minuteOfDay: local.minuteOfDay,
  };
}

// Every zone changes its offset at a whole quarter hour of UTC, so one
// reading per zone and quarter hour serves every instant in it; reading the
// clock through Intl for each page was most of the cost of a team's burden.
export const QUARTER_HOUR_MS = 15 * 60 * 1000;
const MAX_CACHED_OFFSETS = 200_000;
const offsets = new Map<string, number>();

/**
 * Milliseconds to add to a UTC instant to read the wall clock of `timeZone`;
 * constant within each UTC quarter hour.
 */
export function offsetAt(instant: number, timeZone: string): number {
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

/** A {@link WorkingTime} read once: clock times in minutes, holidays as days. */
export interface WorkingClock {
  businessStart: number;
  businessEnd: number;
  sleepStart: number;
  sleepEnd: number;
  /** Holidays of everyone. */
  holidays: Set<number>;
  /** Holidays of the people in one time zone, by zone. */
  regionalHolidays: Map<string, Set<number>>;
}

const dayOf = (date: string) =>
  Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

function regionalHolidayDays(
  workingTime: WorkingTime,
): Map<string, Set<number>> {
  const byZone = new Map<string, Set<number>>();
  for (const calendar of workingTime.regionalHolidays ?? []) {
    for (const zone of calendar.timezones.map(canonicalTimezone)) {
      const days = byZone.get(zone) ?? new Set<number>();
      calendar.dates.forEach(date => days.add(dayOf(date)));
      byZone.set(zone, days);
    }
  }
  return byZone;
}

// Keyed by the settings object, which is read once from config and never changed.
const clocks = new WeakMap<WorkingTime, WorkingClock>();

/** The {@link WorkingClock} of `workingTime`, read once per settings object. */
export function clockOf(workingTime: WorkingTime): WorkingClock {
  let clock = clocks.get(workingTime);
  if (!clock) {
    clock = {
      businessStart: parseClock(workingTime.businessStart),
      businessEnd: parseClock(workingTime.businessEnd),
      sleepStart: parseClock(workingTime.sleepStart),
      sleepEnd: parseClock(workingTime.sleepEnd),
      holidays: new Set(workingTime.holidays.map(dayOf)),
      regionalHolidays: regionalHolidayDays(workingTime),
    };
    clocks.set(workingTime, clock);
  }
  return clock;
}

/**
 * Whether local day `day` (days since 1970-01-01) is a holiday for people in
 * `timeZone`: listed for everyone, or in a regional calendar naming the zone.
 */
export function isHolidayLocalDay(
  day: number,
  timeZone: string,
  clock: WorkingClock,
): boolean {
  return (
    clock.holidays.has(day) ||
    (clock.regionalHolidays.get(canonicalTimezone(timeZone))?.has(day) ?? false)
  );
}

function isWorkingLocalDay(
  day: number,
  weekday: number,
  clock: WorkingClock,
  timeZone: string,
): boolean {
  return (
    weekday >= 1 && weekday <= 5 && !isHolidayLocalDay(day, timeZone, clock)
  );
}

/**
 * Whether `instant` falls outside business hours in `timeZone`: before
 * `businessStart` or from `businessEnd` on a working day, or any time on a
 * weekend or holiday (of everyone, or of the zone's regional calendars).
 */
export function isOffHours(
  instant: number,
  timeZone: string,
  workingTime: WorkingTime,
): boolean {
  const clock = clockOf(workingTime);
  const local = localDay(instant, timeZone);
  if (!isWorkingLocalDay(local.day, local.weekday, clock, timeZone)) {
    return true;
  }
  return (
    local.minuteOfDay < clock.businessStart ||
    local.minuteOfDay >= clock.businessEnd
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
  const { sleepStart: start, sleepEnd: end } = clockOf(workingTime);
  const minute = localDay(instant, timeZone).minuteOfDay;
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
  const clock = clockOf(workingTime);
  const first = localDay(range.start, timeZone);
  const last = localDay(range.end, timeZone);
  let total = 0;
  for (let day = first.day; day <= last.day; day++) {
    const weekday = (((day + 4) % 7) + 7) % 7;
    if (isWorkingLocalDay(day, weekday, clock, timeZone)) {
      const from = day === first.day ? first.minuteOfDay : 0;
      const to = day === last.day ? last.minuteOfDay : 24 * 60;
      total += Math.max(
        0,
        Math.min(clock.businessEnd, to) - Math.max(clock.businessStart, from),
      );
    }
  }
  return total;
}
