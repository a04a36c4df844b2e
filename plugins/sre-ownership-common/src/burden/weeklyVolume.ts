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

/** The weeks of `volume` that lie wholly inside `span`, in order. */
export function fullWeeks(
  volume: WeeklyVolume[],
  span: Interval,
): WeeklyVolume[] {
  return volume.filter(week => {
    const start = toInstant(week.weekStart);
    return start >= span.start && start + WEEK_MS <= span.end;
  });
}

/**
 * `(last - before) / before` for the last two weeks wholly inside `span` (a
 * week cut by the start of the data would look like a rise); `undefined`
 * when there are not two such weeks or the week before had no pages.
 */
export function weekOverWeekChange(
  volume: WeeklyVolume[],
  span: Interval,
): number | undefined {
  const full = fullWeeks(volume, span);
  const last = full[full.length - 1];
  const before = full[full.length - 2];
  if (!last || !before || before.pages === 0) {
    return undefined;
  }
  return (last.pages - before.pages) / before.pages;
}
