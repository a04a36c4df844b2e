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

const HOUR_MS = 60 * 60 * 1000;

/**
 * Pages per week (Monday 00:00 UTC) for every week touching `span`, empty
 * weeks included. Only pages triggered inside `span` count, so the first and
 * last week may be partial: those are marked `partial`, with the hours of
 * the week inside the span, so that nobody reads 25 minutes as a week.
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
    const covered =
      Math.min(week.end, span.end) - Math.max(week.start, span.start);
    weeks.push({
      weekStart: toIso(start),
      pages: inSpan.filter(instant => contains(week, instant)).length,
      ...(covered < WEEK_MS
        ? { partial: true, hours: Math.round((covered / HOUR_MS) * 10) / 10 }
        : {}),
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

/**
 * What the last two whole weeks of a weekly series say, as the cards word it:
 * `too-few-weeks` when fewer than two whole weeks are in it, `no-pages` when
 * both had none (a trend of zeros is a trend), `from-none` when pages came
 * after a week without, else `change` with `(last - before) / before`.
 * Partial weeks (cut by the window) never count.
 *
 * @public
 */
export type WeekOverWeekTrend =
  | { kind: 'too-few-weeks' }
  | { kind: 'no-pages' }
  | { kind: 'from-none'; last: number }
  | { kind: 'change'; change: number };

/**
 * The trend of the last two whole weeks of `volume` (see
 * {@link WeekOverWeekTrend}).
 *
 * @public
 */
export function weekOverWeekTrend(volume: WeeklyVolume[]): WeekOverWeekTrend {
  const whole = volume.filter(week => !week.partial);
  const last = whole[whole.length - 1];
  const before = whole[whole.length - 2];
  if (!last || !before) return { kind: 'too-few-weeks' };
  if (before.pages === 0) {
    return last.pages === 0
      ? { kind: 'no-pages' }
      : { kind: 'from-none', last: last.pages };
  }
  return { kind: 'change', change: (last.pages - before.pages) / before.pages };
}
