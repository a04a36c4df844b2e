import { computeEngineerFigures, overLimitMeasures } from './engineerFigures';
import { assessBurden } from './reasons';
import { requiredRotationSize } from './onCallWeeks';
import { buildTeamContext, TeamContext } from './teamContext';
import { computeTeamFigures } from './teamFigures';
import { EngineerBurden, TeamBurden, TeamBurdenInput } from './types';
import { lastFullWeek, weeklyVolume, weekOverWeekChange } from './weeklyVolume';
import { spanOf, toBurdenWindow } from './windows';

function engineerBurdens(context: TeamContext): EngineerBurden[] {
  const { current, previous } = context.windows;
  return context.engineers.map(userRef => {
    const figures = computeEngineerFigures(context, userRef, current);
    return {
      userRef,
      timezone: context.timezones.of(userRef),
      current: figures,
      previous: computeEngineerFigures(context, userRef, previous),
      overLimit: overLimitMeasures(figures, context.input.limits),
    };
  });
}

/**
 * Computes a team's on-call burden over the window ending at `input.now`
 * and the window before it, with a status and the reasons for it.
 *
 * - On-call time is the union of each engineer's shifts for the team, clipped
 *   exactly to the window; team coverage is the union over everyone.
 * - A page counts in the window its `triggeredAt` falls in, for its responder
 *   or else for everyone on call when it was triggered; toil counts by
 *   `startedAt`.
 * - On-call weeks per month are `(onCallHours / 168) * (28 / windowDays)`: a
 *   month is counted as 4 weeks.
 * - Local hours (business, sleep, weekends, holidays) are read in each
 *   engineer's time zone, else `defaultTimezone`.
 *
 * @public
 */
export function computeTeamBurden(input: TeamBurdenInput): TeamBurden {
  const context = buildTeamContext(input);
  const { windows } = context;
  const engineers = engineerBurdens(context);
  const current = computeTeamFigures(
    context,
    windows.current,
    engineers.map(e => e.current),
  );
  const previous = computeTeamFigures(
    context,
    windows.previous,
    engineers.map(e => e.previous),
  );
  const volume = weeklyVolume(
    context.pages.map(page => page.triggeredAt),
    spanOf(windows),
  );
  const change = weekOverWeekChange(volume, spanOf(windows));
  const lastWeek = lastFullWeek(volume, spanOf(windows));
  const required = requiredRotationSize(
    current.coverageHours,
    input.windowDays,
    input.limits,
  );
  const { status, reasons } = assessBurden({
    team: current,
    engineers: engineers.map(e => e.current),
    requiredRotationSize: required,
    weekOverWeekChange: change,
    lastWeekPages: lastWeek?.pages,
    limits: input.limits,
    windowDays: input.windowDays,
  });
  return {
    teamRef: input.teamRef,
    window: toBurdenWindow(windows.current, input.windowDays),
    previousWindow: toBurdenWindow(windows.previous, input.windowDays),
    limits: input.limits,
    status,
    reasons,
    current,
    previous,
    weeklyVolume: volume,
    ...(change === undefined ? {} : { weekOverWeekChange: change }),
    requiredRotationSize: required,
    engineers,
  };
}
