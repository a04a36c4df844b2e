import { pageTimezones } from './attribution';
import { pagesPerShift, SHIFT_MS } from './engineerFigures';
import { Fraction, fractionOf, isGreater, ratio, times } from './exact';
import {
  clipIntervals,
  contains,
  HOUR_MS,
  Interval,
  totalDuration,
} from './intervals';
import { businessMinutes, isOffHours, isSleepHours } from './localTime';
import { requiredRotationSize } from './onCallWeeks';
import { meanTimeToAcknowledge, meanTimeToResolve } from './responseTimes';
import { TeamContext } from './teamContext';
import { BurdenLimits, TeamFigures, TeamMeasure } from './types';

/** The exact ratios behind the team's verdicts; undefined where a rate is. */
export interface TeamRatios {
  pagesPerShift?: Fraction;
  toilShare?: Fraction;
}

/**
 * Business minutes of the window summed over the members, or over everyone
 * in the figures when the team lists no members.
 */
function teamBusinessMinutes(context: TeamContext, window: Interval): number {
  const refs = context.memberRefs.size
    ? [...context.memberRefs]
    : context.engineers;
  return refs
    .map(ref =>
      businessMinutes(
        window,
        context.timezones.of(ref),
        context.input.workingTime,
      ),
    )
    .reduce((a, b) => a + b, 0);
}

/** Whether `value` is strictly above `limit × factor`, exactly. */
export function isAboveLimit(
  value: Fraction | undefined,
  limit: number,
  factor = 1,
): boolean {
  return (
    value !== undefined &&
    isGreater(value, times(fractionOf(limit), fractionOf(factor)))
  );
}

function teamOverLimit(
  figures: Omit<TeamFigures, 'overLimit'>,
  ratios: TeamRatios,
  limits: BurdenLimits,
): TeamMeasure[] {
  const over: TeamMeasure[] = [];
  if (isAboveLimit(ratios.pagesPerShift, limits.pagesPerShift)) {
    over.push('pagesPerShift');
  }
  if (isAboveLimit(ratios.toilShare, limits.toilShare)) over.push('toilShare');
  if (figures.rotationSize < figures.requiredRotationSize) {
    over.push('rotationSize');
  }
  return over;
}

/**
 * Team figures over `window`. Each page counts once; it is off-hours (or in
 * sleep hours) when it is for any engineer it counts for, or in the default
 * time zone (the Group's) when it counts for nobody.
 */
export function computeTeamFigures(
  context: TeamContext,
  window: Interval,
): { figures: TeamFigures; ratios: TeamRatios } {
  const { workingTime, limits } = context.input;
  const pages = context.pages.filter(page =>
    contains(window, page.triggeredAt),
  );
  const coverageMs = totalDuration(clipIntervals(context.coverage, window));
  const personMs = [...context.onCall.values()]
    .map(intervals => totalDuration(clipIntervals(intervals, window)))
    .reduce((a, b) => a + b, 0);
  const rotationSize = [...context.onCall.values()].filter(
    intervals => clipIntervals(intervals, window).length > 0,
  ).length;
  const toilMinutes = context.toil
    .filter(entry => contains(window, entry.startedAt))
    .reduce((total, entry) => total + entry.minutes, 0);
  // No toil entry for the team in either window: no toil source, and the
  // share is unknown (null), not 0%.
  const workingMinutes = context.toilRecorded
    ? teamBusinessMinutes(context, window)
    : 0;
  const countPages = (test: typeof isOffHours) =>
    pages.filter(page =>
      pageTimezones(page, context.timezones).some(zone =>
        test(page.triggeredAt, zone, workingTime),
      ),
    ).length;
  const ratios: TeamRatios = {
    ...(coverageMs > 0
      ? { pagesPerShift: ratio(pages.length * SHIFT_MS, coverageMs) }
      : {}),
    ...(workingMinutes > 0
      ? { toilShare: ratio(toilMinutes, workingMinutes) }
      : {}),
  };
  const figures = {
    pages: pages.length,
    unattributedPages: pages.filter(page => page.engineers.length === 0).length,
    pagesPerShift: pagesPerShift(pages.length, coverageMs),
    offHoursPages: countPages(isOffHours),
    sleepHoursPages: countPages(isSleepHours),
    mttaMinutes: meanTimeToAcknowledge(pages),
    mttrMinutes: meanTimeToResolve(pages),
    toilMinutes,
    toilShare: workingMinutes > 0 ? toilMinutes / workingMinutes : null,
    coverageHours: coverageMs / HOUR_MS,
    personHours: personMs / HOUR_MS,
    rotationSize,
    requiredRotationSize: requiredRotationSize(
      personMs,
      window.end - window.start,
      limits,
    ),
  };
  return {
    figures: { ...figures, overLimit: teamOverLimit(figures, ratios, limits) },
    ratios,
  };
}
