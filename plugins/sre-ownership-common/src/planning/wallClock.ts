import { DAY_MS, HOUR_MS, Interval, MINUTE_MS } from '../burden/intervals';
import { localDay, offsetAt, QUARTER_HOUR_MS } from '../burden/localTime';

/**
 * The instants in `range` at which `timeZone` changes its UTC offset. Offsets
 * change at a whole UTC quarter hour and at most a few times a year, so the
 * zone is read every three hours and each change is found by bisection.
 */
export function offsetChanges(range: Interval, timeZone: string): number[] {
  const step = 3 * HOUR_MS;
  const changes: number[] = [];
  let at = Math.floor(range.start / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  let offset = offsetAt(at, timeZone);
  while (at < range.end) {
    const next = at + step;
    const nextOffset = offsetAt(next, timeZone);
    if (nextOffset !== offset) {
      // The first quarter hour in (at, next] with the new offset.
      let low = at;
      let high = next;
      while (high - low > QUARTER_HOUR_MS) {
        const middle =
          low +
          Math.floor((high - low) / 2 / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
        if (offsetAt(middle, timeZone) === offset) low = middle;
        else high = middle;
      }
      if (high > range.start && high < range.end) changes.push(high);
    }
    at = next;
    offset = nextOffset;
  }
  return changes;
}

/**
 * Every instant in `range` whose wall clock in `timeZone` reads one of
 * `minutesOfDay` (minutes since local midnight) exactly, each local day; a
 * time the clocks skip has none, a time they repeat has two.
 */
export function wallClockInstants(
  range: Interval,
  timeZone: string,
  minutesOfDay: number[],
): number[] {
  const instants: number[] = [];
  const first = localDay(range.start, timeZone).day - 1;
  const last = localDay(range.end, timeZone).day + 1;
  for (let day = first; day <= last; day++) {
    for (const minute of minutesOfDay) {
      const wall = day * DAY_MS + minute * MINUTE_MS;
      const candidates = new Set(
        [-14, -3, 0, 3, 14].map(hours => {
          const guess = wall - offsetAt(wall + hours * HOUR_MS, timeZone);
          return wall - offsetAt(guess, timeZone);
        }),
      );
      for (const instant of candidates) {
        if (
          instant + offsetAt(instant, timeZone) === wall &&
          instant >= range.start &&
          instant < range.end
        ) {
          instants.push(instant);
        }
      }
    }
  }
  return instants;
}

/**
 * The instants in `range` where a predicate of the wall clock in
 * `timeZone` that changes only at `minutesOfDay` can change: those wall-clock
 * times and the zone's offset changes.
 */
export function wallClockBreakpoints(
  range: Interval,
  timeZone: string,
  minutesOfDay: number[],
): number[] {
  return [
    ...wallClockInstants(range, timeZone, minutesOfDay),
    ...offsetChanges(range, timeZone),
  ];
}

/** Sorted, distinct `points` inside `(range.start, range.end)`, with both ends. */
export function segmentBounds(range: Interval, points: number[]): number[] {
  const inside = points.filter(p => p > range.start && p < range.end);
  return [
    range.start,
    ...[...new Set(inside)].sort((a, b) => a - b),
    range.end,
  ];
}

/**
 * Whether `instant` lies in one of `sorted` (merged, sorted intervals), by
 * bisection.
 */
export function inIntervals(sorted: Interval[], instant: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const interval = sorted[middle];
    if (instant < interval.start) high = middle - 1;
    else if (instant >= interval.end) low = middle + 1;
    else return true;
  }
  return false;
}

/** Total length of `sorted` (merged intervals) inside `range`. */
export function overlapMs(sorted: Interval[], range: Interval): number {
  let total = 0;
  for (const interval of sorted) {
    if (interval.end <= range.start) continue;
    if (interval.start >= range.end) break;
    total +=
      Math.min(interval.end, range.end) - Math.max(interval.start, range.start);
  }
  return total;
}
