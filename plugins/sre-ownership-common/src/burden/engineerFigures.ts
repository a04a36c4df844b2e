import {
  clipIntervals,
  contains,
  HOUR_MS,
  Interval,
  MINUTE_MS,
  overlapDuration,
  toInstant,
  totalDuration,
} from './intervals';
import { businessMinutes, isOffHours, isSleepHours } from './localTime';
import { TeamContext } from './teamContext';
import { AttributedPage } from './attribution';
import { onCallWeeksPerMonth } from './onCallWeeks';
import { BurdenLimits, BurdenMeasure, EngineerFigures } from './types';

const SHIFT_HOURS = 12;

/** Pages per 12 hours of on-call time; 0 without on-call time. */
export function pagesPerShift(pages: number, onCallHours: number): number {
  return onCallHours > 0 ? pages / (onCallHours / SHIFT_HOURS) : 0;
}

/** Minutes of a page's acknowledge-to-resolve span that fell in `onCall`. */
function respondingMinutes(page: AttributedPage, onCall: Interval[]): number {
  const response = {
    start: toInstant(page.page.acknowledgedAt),
    end: toInstant(page.page.resolvedAt),
  };
  if (!(response.end > response.start)) {
    return 0;
  }
  return overlapDuration(response, onCall) / MINUTE_MS;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/**
 * One engineer's figures over `window`. Pages count by trigger time, toil by
 * start time; the response time of a page counted in the window is measured
 * against all of the engineer's on-call time, even past the window's end.
 */
export function computeEngineerFigures(
  context: TeamContext,
  userRef: string,
  window: Interval,
): EngineerFigures {
  const { workingTime, windowDays } = context.input;
  const timezone = context.timezones.of(userRef);
  const onCall = context.onCall.get(userRef) ?? [];
  const onCallMs = totalDuration(clipIntervals(onCall, window));
  const onCallHours = onCallMs / HOUR_MS;
  const pages = context.pages.filter(
    page =>
      contains(window, page.triggeredAt) && page.engineers.includes(userRef),
  );
  const toilMinutes = sum(
    context.toil
      .filter(
        entry => entry.userRef === userRef && contains(window, entry.startedAt),
      )
      .map(entry => entry.minutes),
  );
  const workingMinutes = businessMinutes(window, timezone, workingTime);
  return {
    onCallHours,
    onCallShare: onCallMs / (window.end - window.start),
    onCallWeeksPerMonth: onCallWeeksPerMonth(onCallHours, windowDays),
    pages: pages.length,
    pagesPerShift: pagesPerShift(pages.length, onCallHours),
    offHoursPages: pages.filter(page =>
      isOffHours(page.triggeredAt, timezone, workingTime),
    ).length,
    sleepHoursPages: pages.filter(page =>
      isSleepHours(page.triggeredAt, timezone, workingTime),
    ).length,
    respondingMinutes: sum(pages.map(page => respondingMinutes(page, onCall))),
    toilMinutes,
    toilShare: workingMinutes > 0 ? toilMinutes / workingMinutes : 0,
  };
}

/** Tolerance for comparing figures computed in floating point to limits. */
const EPSILON = 1e-9;

/** Whether `value` is strictly above `limit`, ignoring rounding noise. */
export function isAbove(value: number, limit: number): boolean {
  return value > limit + EPSILON;
}

/**
 * Time-on-call limits allow one hour per week: a weekly rotation handing over
 * at 09:00 local time lasts 169 real hours across the autumn clock change,
 * and that is still one week on call.
 */
const CLOCK_CHANGE_ALLOWANCE = 1 + 1 / 168;

const ALLOWANCE: Record<BurdenMeasure, number> = {
  onCallWeeksPerMonth: CLOCK_CHANGE_ALLOWANCE,
  onCallShare: CLOCK_CHANGE_ALLOWANCE,
  pagesPerShift: 1,
  toilShare: 1,
};

/** The measures of `figures` strictly above their limit, in a fixed order. */
export function overLimitMeasures(
  figures: EngineerFigures,
  limits: BurdenLimits,
): BurdenMeasure[] {
  const measures: BurdenMeasure[] = [
    'onCallWeeksPerMonth',
    'pagesPerShift',
    'onCallShare',
    'toilShare',
  ];
  return measures.filter(measure =>
    isAbove(figures[measure], limits[measure] * ALLOWANCE[measure]),
  );
}
