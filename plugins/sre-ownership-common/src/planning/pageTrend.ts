import { BurdenPage, BurdenShift } from '../burden/burdenEvents';
import { fractionOf } from '../burden/exact';
import {
  HOUR_MS,
  Interval,
  mergeIntervals,
  toInstant,
  toIso,
  WEEK_MS,
} from '../burden/intervals';
import { BurdenLimits } from '../burden/types';
import { weekStartOf } from '../burden/weeklyVolume';
import { overlapMs } from './wallClock';

/** Full weeks before the current one the trend is fitted on. */
export const TREND_HISTORY_WEEKS = 8;
/** Weeks projected, the current one first. */
export const TREND_PROJECTED_WEEKS = 4;
/** Fewest history weeks with someone on call a line is fitted on. */
export const TREND_MINIMUM_WEEKS = 4;

/**
 * One week of the page trend: pages per 12 hours on call, measured for the
 * history and projected for the weeks ahead.
 *
 * @public
 */
export interface PageTrendWeek {
  weekStart: string;
  /** Null for a history week nobody was on call in. */
  pagesPerShift: number | null;
  /** A projected week above the pages-per-shift limit, compared exactly. */
  overLimit?: boolean;
}

/**
 * Projected pages per 12-hour shift.
 *
 * @public
 */
export type PageTrend =
  | {
      status: 'projected';
      history: PageTrendWeek[];
      projected: PageTrendWeek[];
      /** Change in pages per shift per week, the fitted line's slope. */
      slopePerWeek: number;
      /** The first projected week above the limit, if any. */
      crossesLimit?: string;
    }
  | {
      status: 'not-enough-history';
      history: PageTrendWeek[];
      reason: string;
    };

/** An exact rational number of big integers, denominator positive. */
interface Q {
  n: bigint;
  d: bigint;
}
const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y) [x, y] = [y, x % y];
  return x || 1n;
};
const q = (n: bigint, d: bigint = 1n): Q => {
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d);
  return { n: (sign * n) / g, d: (sign * d) / g };
};
const add = (a: Q, b: Q) => q(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Q, b: Q) => q(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Q, b: Q) => q(a.n * b.n, a.d * b.d);
const div = (a: Q, b: Q) => q(a.n * b.d, a.d * b.n);
const greater = (a: Q, b: Q) => a.n * b.d > b.n * a.d;
const toNumber = (a: Q) => Number(a.n) / Number(a.d);

/**
 * Projects a team's pages per 12-hour shift: for each of the 8 full
 * Monday-UTC weeks before the week holding `now`, the team's pages
 * triggered that week × 12 h ÷ the hours someone was on call that week (the
 * union of the team's shifts); a least-squares line through the weeks that
 * had on-call time (at least 4), extended over the current week and the 3
 * after it, floored at 0. Computed in exact fractions; the limit is
 * compared exactly. Definitions in docs/rotation-planning.md.
 *
 * @public
 */
export function projectPageTrend(input: {
  teamRef: string;
  now: string | number;
  pages: BurdenPage[];
  shifts: BurdenShift[];
  limits: BurdenLimits;
}): PageTrend {
  const current = weekStartOf(toInstant(input.now));
  const coverage = mergeIntervals(
    input.shifts
      .filter(shift => shift.teamRef === input.teamRef)
      .map(shift => ({
        start: toInstant(shift.startsAt),
        end: toInstant(shift.endsAt),
      })),
  );
  const triggered = input.pages
    .filter(page => page.teamRef === input.teamRef)
    .map(page => toInstant(page.triggeredAt));
  const points: Array<{ x: number; y: Q }> = [];
  const history: PageTrendWeek[] = [];
  for (let i = 0; i < TREND_HISTORY_WEEKS; i++) {
    const week: Interval = {
      start: current - (TREND_HISTORY_WEEKS - i) * WEEK_MS,
      end: current - (TREND_HISTORY_WEEKS - i - 1) * WEEK_MS,
    };
    const onCallMs = overlapMs(coverage, week);
    const pages = triggered.filter(t => t >= week.start && t < week.end).length;
    const y =
      onCallMs > 0
        ? q(BigInt(pages) * BigInt(12 * HOUR_MS), BigInt(Math.round(onCallMs)))
        : undefined;
    if (y) points.push({ x: i, y });
    history.push({
      weekStart: toIso(week.start),
      pagesPerShift: y ? toNumber(y) : null,
    });
  }
  if (points.length < TREND_MINIMUM_WEEKS) {
    return {
      status: 'not-enough-history',
      history,
      reason: `needs at least ${TREND_MINIMUM_WEEKS} of the last ${TREND_HISTORY_WEEKS} full weeks with someone on call, has ${points.length}`,
    };
  }
  const k = q(BigInt(points.length));
  let sx = q(0n);
  let sy = q(0n);
  let sxy = q(0n);
  let sxx = q(0n);
  for (const { x, y } of points) {
    const X = q(BigInt(x));
    sx = add(sx, X);
    sy = add(sy, y);
    sxy = add(sxy, mul(X, y));
    sxx = add(sxx, mul(X, X));
  }
  const slope = div(
    sub(mul(k, sxy), mul(sx, sy)),
    sub(mul(k, sxx), mul(sx, sx)),
  );
  const intercept = div(sub(sy, mul(slope, sx)), k);
  const limitFraction = fractionOf(input.limits.pagesPerShift);
  const limit = q(limitFraction.numerator, limitFraction.denominator);
  const projected: PageTrendWeek[] = [];
  for (let j = 0; j < TREND_PROJECTED_WEEKS; j++) {
    const line = add(intercept, mul(slope, q(BigInt(TREND_HISTORY_WEEKS + j))));
    const value = greater(line, q(0n)) ? line : q(0n);
    projected.push({
      weekStart: toIso(current + j * WEEK_MS),
      pagesPerShift: toNumber(value),
      overLimit: greater(value, limit),
    });
  }
  const crosses = projected.find(week => week.overLimit);
  return {
    status: 'projected',
    history,
    projected,
    slopePerWeek: toNumber(slope),
    ...(crosses ? { crossesLimit: crosses.weekStart } : {}),
  };
}
