/** Milliseconds in a minute. */
export const MINUTE_MS = 60_000;
/** Milliseconds in an hour. */
export const HOUR_MS = 60 * MINUTE_MS;
/** Milliseconds in a day of 24 hours (UTC days have no DST). */
export const DAY_MS = 24 * HOUR_MS;
/** Milliseconds in a week. */
export const WEEK_MS = 7 * DAY_MS;

/**
 * A half-open range of instants `[start, end)` in epoch milliseconds. All
 * durations are computed on UTC instants, so DST changes never distort them.
 *
 * @public
 */
export interface Interval {
  start: number;
  end: number;
}

/**
 * Parses an ISO 8601 instant to epoch milliseconds (epoch milliseconds pass
 * through); `NaN` when unreadable or absent, which every range check below
 * treats as "outside".
 */
export function toInstant(instant: string | number | undefined): number {
  if (typeof instant === 'number') return instant;
  return instant === undefined ? NaN : Date.parse(instant);
}

/** Formats epoch milliseconds as an ISO 8601 UTC string. */
export function toIso(instant: number): string {
  return new Date(instant).toISOString();
}

/** Whether `instant` lies in `[range.start, range.end)`. */
export function contains(range: Interval, instant: number): boolean {
  return instant >= range.start && instant < range.end;
}

/**
 * The union of `intervals`, sorted, with overlapping, duplicate and touching
 * intervals merged and empty or unreadable ones dropped.
 */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = intervals
    .filter(interval => interval.end > interval.start)
    .sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) {
      last.end = Math.max(last.end, interval.end);
    } else {
      merged.push({ ...interval });
    }
  }
  return merged;
}

/** The parts of `intervals` inside `range`. */
export function clipIntervals(
  intervals: Interval[],
  range: Interval,
): Interval[] {
  return intervals
    .map(interval => ({
      start: Math.max(interval.start, range.start),
      end: Math.min(interval.end, range.end),
    }))
    .filter(interval => interval.end > interval.start);
}

/** Summed length of `intervals` in milliseconds; merge them first. */
export function totalDuration(intervals: Interval[]): number {
  return intervals.reduce(
    (sum, interval) => sum + interval.end - interval.start,
    0,
  );
}

/** Milliseconds of `range` covered by the (merged) `intervals`. */
export function overlapDuration(
  range: Interval,
  intervals: Interval[],
): number {
  return totalDuration(clipIntervals(intervals, range));
}

/** The interval containing `instant`, if any. */
export function intervalAt(
  intervals: Interval[],
  instant: number,
): Interval | undefined {
  return intervals.find(interval => contains(interval, instant));
}
