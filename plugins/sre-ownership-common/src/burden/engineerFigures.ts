import { AttributedPage } from './attribution';
import { Fraction, fractionOf, isGreater, ratio, times } from './exact';
import {
  clipIntervals,
  contains,
  HOUR_MS,
  Interval,
  MINUTE_MS,
  overlapDuration,
  totalDuration,
} from './intervals';
import { businessMinutes, isOffHours, isSleepHours } from './localTime';
import { onCallWeeksPerMonth } from './onCallWeeks';
import { TeamContext } from './teamContext';
import { BurdenLimits, BurdenMeasure, EngineerFigures } from './types';

/** A shift, for the pages-per-shift rate, is 12 hours. */
export const SHIFT_MS = 12 * HOUR_MS;

/** Pages per 12 hours of on-call time; null without on-call time. */
export function pagesPerShift(pages: number, onCallMs: number): number | null {
  return onCallMs > 0 ? (pages * SHIFT_MS) / onCallMs : null;
}

/**
 * The integer quantities an engineer's figures and verdicts are computed
 * from, so limits are compared exactly.
 */
export interface EngineerQuantities {
  onCallMs: number;
  windowMs: number;
  pagesWhileOnCall: number;
  toilMinutes: number;
  businessMinutes: number;
}

/** A page's acknowledge-to-resolve span; undefined without both times in order. */
function responseSpan(page: AttributedPage): Interval | undefined {
  const span = { start: page.acknowledgedAt, end: page.resolvedAt };
  return span.end > span.start ? span : undefined;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/**
 * One engineer's figures over `window`, with the quantities behind them.
 * Pages count by trigger time, toil by start time. Responding time is the
 * whole acknowledge-to-resolve span of each page counted in the window; the
 * part outside the engineer's on-call time (of any window) is shown apart.
 */
export function computeEngineerFigures(
  context: TeamContext,
  userRef: string,
  window: Interval,
): { figures: EngineerFigures; quantities: EngineerQuantities } {
  const { workingTime } = context.input;
  const timezone = context.timezones.of(userRef);
  const onCall = context.onCall.get(userRef) ?? [];
  const onCallMs = totalDuration(clipIntervals(onCall, window));
  const windowMs = window.end - window.start;
  const pages = context.pages.filter(
    page =>
      contains(window, page.triggeredAt) && page.engineers.includes(userRef),
  );
  const whileOnCall = pages.filter(page =>
    onCall.some(interval => contains(interval, page.triggeredAt)),
  ).length;
  const spans = pages.flatMap(page => responseSpan(page) ?? []);
  const respondingMs = sum(spans.map(span => span.end - span.start));
  const respondingOnCallMs = sum(
    spans.map(span => overlapDuration(span, onCall)),
  );
  const toilMinutes = sum(
    context.toil
      .filter(
        entry => entry.userRef === userRef && contains(window, entry.startedAt),
      )
      .map(entry => entry.minutes),
  );
  // Without any toil entry for the team (this window or the one before)
  // there is no toil source: the share is unknown, not 0%.
  const working = context.toilRecorded
    ? businessMinutes(window, timezone, workingTime)
    : 0;
  const figures: EngineerFigures = {
    onCallHours: onCallMs / HOUR_MS,
    onCallShare: onCallMs / windowMs,
    onCallWeeksPerMonth: onCallWeeksPerMonth(onCallMs, windowMs),
    pages: pages.length,
    pagesWhileOnCall: whileOnCall,
    offRotationPages: pages.length - whileOnCall,
    pagesPerShift: pagesPerShift(whileOnCall, onCallMs),
    offHoursPages: pages.filter(page =>
      isOffHours(page.triggeredAt, timezone, workingTime),
    ).length,
    sleepHoursPages: pages.filter(page =>
      isSleepHours(page.triggeredAt, timezone, workingTime),
    ).length,
    respondingMinutes: respondingMs / MINUTE_MS,
    respondingOffRotationMinutes:
      (respondingMs - respondingOnCallMs) / MINUTE_MS,
    toilMinutes,
    toilShare: working > 0 ? toilMinutes / working : null,
  };
  return {
    figures,
    quantities: {
      onCallMs,
      windowMs,
      pagesWhileOnCall: whileOnCall,
      toilMinutes,
      businessMinutes: working,
    },
  };
}

/**
 * Time-on-call limits allow one hour per week: a weekly rotation handing over
 * at 09:00 local time lasts 169 real hours across the autumn clock change,
 * and that is still one week on call.
 */
const CLOCK_CHANGE_ALLOWANCE: Fraction = { numerator: 169n, denominator: 168n };
const WEEKS_PER_MONTH: Fraction = { numerator: 4n, denominator: 1n };

/** Whether `figure` is strictly above `limit × allowance`, exactly. */
function above(figure: Fraction, limit: number, allowance?: Fraction): boolean {
  const bound = allowance
    ? times(fractionOf(limit), allowance)
    : fractionOf(limit);
  return isGreater(figure, bound);
}

/**
 * The measures strictly above their limit, in a fixed order, compared in
 * exact integer arithmetic. A measure that is undefined (no on-call time for
 * pages per shift, no business minutes for toil) is never above.
 */
export function overLimitMeasures(
  quantities: EngineerQuantities,
  limits: BurdenLimits,
): BurdenMeasure[] {
  const { onCallMs, windowMs, pagesWhileOnCall, toilMinutes } = quantities;
  const share = ratio(onCallMs, windowMs);
  const checks: Array<[BurdenMeasure, boolean]> = [
    [
      'onCallWeeksPerMonth',
      above(
        times(WEEKS_PER_MONTH, share),
        limits.onCallWeeksPerMonth,
        CLOCK_CHANGE_ALLOWANCE,
      ),
    ],
    [
      'pagesPerShift',
      onCallMs > 0 &&
        above(
          ratio(pagesWhileOnCall * SHIFT_MS, onCallMs),
          limits.pagesPerShift,
        ),
    ],
    ['onCallShare', above(share, limits.onCallShare, CLOCK_CHANGE_ALLOWANCE)],
    [
      'toilShare',
      quantities.businessMinutes > 0 &&
        above(ratio(toilMinutes, quantities.businessMinutes), limits.toilShare),
    ],
  ];
  return checks.filter(([, over]) => over).map(([measure]) => measure);
}
