import { DAY_MS, Interval, MINUTE_MS } from './intervals';
import {
  clockOf,
  isHolidayLocalDay,
  localDay,
  offsetAt,
  QUARTER_HOUR_MS,
} from './localTime';
import { WorkingTime } from './types';

/**
 * The pay bands of on-call time, in the engineer's own time zone, in the
 * order they are reported. A holiday is a holiday whatever the weekday; a
 * Saturday or Sunday that is no holiday is `weekend`; a working day splits
 * at `businessStart` and `businessEnd`.
 *
 * @public
 */
export const COMPENSATION_BANDS = [
  'weekday-business',
  'weekday-outside',
  'weekend',
  'holiday',
] as const;

/**
 * One of {@link COMPENSATION_BANDS}.
 *
 * @public
 */
export type CompensationBand = (typeof COMPENSATION_BANDS)[number];

/**
 * A quantity per band, e.g. milliseconds or pages.
 *
 * @public
 */
export type ByBand = Record<CompensationBand, number>;

/** Zero in every band. */
export function emptyBands(): ByBand {
  return {
    'weekday-business': 0,
    'weekday-outside': 0,
    weekend: 0,
    holiday: 0,
  };
}

/** The sum of two per-band quantities. */
export function addBands(a: ByBand, b: ByBand): ByBand {
  const sum = emptyBands();
  for (const band of COMPENSATION_BANDS) sum[band] = a[band] + b[band];
  return sum;
}

/**
 * The band of `instant` for a person in `timeZone`.
 *
 * @public
 */
export function bandAt(
  instant: number,
  timeZone: string,
  workingTime: WorkingTime,
): CompensationBand {
  const clock = clockOf(workingTime);
  const local = localDay(instant, timeZone);
  if (isHolidayLocalDay(local.day, timeZone, clock)) return 'holiday';
  if (local.weekday === 0 || local.weekday === 6) return 'weekend';
  return local.minuteOfDay >= clock.businessStart &&
    local.minuteOfDay < clock.businessEnd
    ? 'weekday-business'
    : 'weekday-outside';
}

/**
 * The next instant after `instant` where the band may change: the next local
 * midnight, business start or business end, or the next UTC quarter hour
 * (the only instants an offset may change at), whichever comes first.
 */
function nextBoundary(
  instant: number,
  timeZone: string,
  workingTime: WorkingTime,
): number {
  const clock = clockOf(workingTime);
  const quarter =
    Math.floor(instant / QUARTER_HOUR_MS) * QUARTER_HOUR_MS + QUARTER_HOUR_MS;
  // Within one quarter hour the offset is constant, so the wall clock moves
  // with the instant and a wall-clock boundary maps back exactly.
  const wall = instant + offsetAt(instant, timeZone);
  const wallDayStart = Math.floor(wall / DAY_MS) * DAY_MS;
  const candidates = [clock.businessStart, clock.businessEnd, 24 * 60]
    .map(minute => wallDayStart + minute * MINUTE_MS)
    .filter(boundary => boundary > wall)
    .map(boundary => instant + (boundary - wall));
  return Math.min(quarter, ...candidates);
}

/**
 * Splits `range` into the bands of a person in `timeZone`, in milliseconds.
 * Exact to the millisecond across daylight-saving changes: a night that
 * loses an hour has an hour less in its band.
 *
 * @public
 */
export function splitByBand(
  range: Interval,
  timeZone: string,
  workingTime: WorkingTime,
): ByBand {
  const split = emptyBands();
  let at = range.start;
  while (at < range.end) {
    const next = Math.min(range.end, nextBoundary(at, timeZone, workingTime));
    split[bandAt(at, timeZone, workingTime)] += next - at;
    at = next;
  }
  return split;
}
