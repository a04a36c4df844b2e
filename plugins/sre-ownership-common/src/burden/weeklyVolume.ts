import {
  contains,
  DAY_MS,
  Interval,
  toInstant,
  toIso,
  WEEK_MS,
} from './intervals';
import { WeeklyVolume } from './types';

/** Monday 00:00 UTC of the week containing `instant`. */
export function weekStartOf(instant: number): number {
  const midnight = Math.floor(instant / DAY_MS) * DAY_MS;
  const daysSinceMonday = (new Date(midnight).getUTCDay() + 6) % 7;
  return midnight - daysSinceMonday * DAY_MS;
}

/**
 * Pages per week (Monday 00:00 UTC) for every week touching `span`, empty
 * weeks included. Only pages triggered inside `span` count, so the first and
 * last week may be partial.
 */
export function weeklyVolume(
  triggeredAt: number[],
  span: Interval,
): WeeklyVolume[] {
  const inSpan = triggeredAt.filter(instant => contains(span, instant));
  const weeks: WeeklyVolume[] = [];
  for (
    let start = weekStartOf(span.start);
    start < span.end;
    start += WEEK_MS
  ) {
    const week = { start, end: start + WEEK_MS };
    weeks.push({
      weekStart: toIso(start),
      pages: inSpan.filter(instant => contains(week, instant)).length,
    });
  }
  return weeks;
}

/**
 * `(last - before) / before` for the last full week ending at or before
 * `now` and the week before it; `undefined` when either week is missing or
 * the week before had no pages.
 */
export function weekOverWeekChange(
  volume: WeeklyVolume[],
  now: number,
): number | undefined {
  const full = volume.filter(
    week => toInstant(week.weekStart) + WEEK_MS <= now,
  );
  const last = full[full.length - 1];
  const before = full[full.length - 2];
  if (!last || !before || before.pages === 0) {
    return undefined;
  }
  return (last.pages - before.pages) / before.pages;
}
