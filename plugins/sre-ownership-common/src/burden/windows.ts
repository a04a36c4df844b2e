import { BurdenWindow } from './types';
import { DAY_MS, Interval, toInstant, toIso } from './intervals';

/** The current window and the one before it, as instants. */
export interface WindowPair {
  current: Interval;
  previous: Interval;
  days: number;
}

/**
 * The current window `[now - days, now)` and the previous window
 * `[now - 2 * days, now - days)`. Days are 24 hours of UTC time.
 *
 * @throws RangeError when `now` is not an ISO 8601 instant or `days` is not
 * a positive number.
 */
export function windowsEndingAt(now: string, days: number): WindowPair {
  const end = toInstant(now);
  if (Number.isNaN(end)) {
    throw new RangeError(`now must be an ISO 8601 instant, got "${now}"`);
  }
  if (!Number.isFinite(days) || days <= 0) {
    throw new RangeError(`windowDays must be a positive number, got ${days}`);
  }
  const length = days * DAY_MS;
  return {
    current: { start: end - length, end },
    previous: { start: end - 2 * length, end: end - length },
    days,
  };
}

/** A window as the ISO strings of the API. */
export function toBurdenWindow(
  range: Interval,
  days: number,
  endsNow = true,
): BurdenWindow {
  return { from: toIso(range.start), to: toIso(range.end), days, endsNow };
}

/** Both windows together, `[previous.start, current.end)`. */
export function spanOf(windows: WindowPair): Interval {
  return { start: windows.previous.start, end: windows.current.end };
}
