import { pageTimezones } from './attribution';
import { pagesPerShift } from './engineerFigures';
import {
  clipIntervals,
  contains,
  HOUR_MS,
  Interval,
  totalDuration,
} from './intervals';
import { businessMinutes, isOffHours, isSleepHours } from './localTime';
import { meanTimeToAcknowledge, meanTimeToResolve } from './responseTimes';
import { TeamContext } from './teamContext';
import { EngineerFigures, TeamFigures } from './types';

/**
 * Business minutes of the window summed over the members, or over everyone
 * in the figures when the team lists no members.
 */
function teamBusinessMinutes(context: TeamContext, window: Interval): number {
  const { members, workingTime } = context.input;
  const refs = members.length
    ? members.map(member => member.userRef)
    : context.engineers;
  return refs
    .map(ref => businessMinutes(window, context.timezones.of(ref), workingTime))
    .reduce((a, b) => a + b, 0);
}

/**
 * Team figures over `window`. Each page counts once; it is off-hours (or in
 * sleep hours) when it is for any engineer it counts for, or in the default
 * time zone when it counts for nobody.
 *
 * @param engineers - the figures of every engineer over the same window
 */
export function computeTeamFigures(
  context: TeamContext,
  window: Interval,
  engineers: EngineerFigures[],
): TeamFigures {
  const { workingTime } = context.input;
  const pages = context.pages.filter(page =>
    contains(window, page.triggeredAt),
  );
  const coverageHours =
    totalDuration(clipIntervals(context.coverage, window)) / HOUR_MS;
  const toilMinutes = context.toil
    .filter(entry => contains(window, entry.startedAt))
    .reduce((total, entry) => total + entry.minutes, 0);
  const workingMinutes = teamBusinessMinutes(context, window);
  const countPages = (test: typeof isOffHours) =>
    pages.filter(page =>
      pageTimezones(page, context.timezones).some(zone =>
        test(page.triggeredAt, zone, workingTime),
      ),
    ).length;
  return {
    pages: pages.length,
    pagesPerShift: pagesPerShift(pages.length, coverageHours),
    offHoursPages: countPages(isOffHours),
    sleepHoursPages: countPages(isSleepHours),
    mttaMinutes: meanTimeToAcknowledge(pages),
    mttrMinutes: meanTimeToResolve(pages),
    toilMinutes,
    toilShare: workingMinutes > 0 ? toilMinutes / workingMinutes : 0,
    coverageHours,
    rotationSize: engineers.filter(figures => figures.onCallHours > 0).length,
  };
}
