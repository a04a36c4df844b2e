import { computeEngineerFigures, overLimitMeasures } from './engineerFigures';
import { nearLimitMeasures } from './nearLimit';
import { lastDays } from './format';
import { Interval, toIso } from './intervals';
import { PulseDecline } from '../pulse/summary';
import { assessBurden } from './reasons';
import { buildTeamContext, TeamContext } from './teamContext';
import { computeTeamFigures } from './teamFigures';
import { EngineerBurden, TeamBurden, TeamBurdenInput } from './types';
import { fullWeeks, weeklyVolume, weekOverWeekChange } from './weeklyVolume';
import { spanOf, toBurdenWindow } from './windows';

function engineerBurdens(context: TeamContext): EngineerBurden[] {
  const { current, previous } = context.windows;
  return context.engineers.map(userRef => {
    const now = computeEngineerFigures(context, userRef, current);
    const { limits } = context.input;
    const overLimit = overLimitMeasures(now.quantities, limits);
    return {
      userRef,
      timezone: context.timezones.of(userRef),
      member: context.memberRefs.has(userRef),
      current: now.figures,
      previous: computeEngineerFigures(context, userRef, previous).figures,
      overLimit,
      nearLimit: nearLimitMeasures(now.figures, limits, overLimit),
    };
  });
}

/**
 * The window in words for the reasons: "in the last 28 days" when it ends now,
 * else its first and last UTC dates, "from 2026-09-01 to 2026-09-30".
 */
export function describePeriod(
  window: Interval,
  windowDays: number,
  endsNow = true,
): string {
  if (endsNow) return `in ${lastDays(windowDays)}`;
  const first = toIso(window.start).slice(0, 10);
  const last = toIso(window.end - 1).slice(0, 10);
  return first === last ? `on ${first}` : `from ${first} to ${last}`;
}

/**
 * Computes a team's on-call burden over the window ending at `input.now`
 * and the window before it, with a status and the reasons for it. Every
 * definition is in docs/oncall-burden.md; in short:
 *
 * - On-call time is the union of each engineer's shifts for the team, clipped
 *   exactly to the window; team coverage is the union over everyone, and
 *   person-hours the sum of each engineer's own union.
 * - A page counts in the window its `triggeredAt` falls in, for its responder
 *   or else for everyone on call when it was triggered; toil counts by
 *   `startedAt`.
 * - Local hours (business, sleep, weekends, holidays) are read in each
 *   engineer's time zone (members and others alike), else `defaultTimezone`.
 * - Verdicts compare integer quantities with the limits exactly.
 *
 * @public
 */
export function computeTeamBurden(
  input: TeamBurdenInput & {
    /** Pulse declines to count among the reasons (docs/oncall-pulse.md). */
    pulseDeclines?: PulseDecline[];
  },
): TeamBurden {
  const context = buildTeamContext(input);
  const { windows } = context;
  const engineers = engineerBurdens(context);
  const current = computeTeamFigures(context, windows.current);
  const previous = computeTeamFigures(context, windows.previous);
  const volume = weeklyVolume(
    context.pages.map(page => page.triggeredAt),
    spanOf(windows),
  );
  const change = weekOverWeekChange(volume, spanOf(windows));
  const [before, last] = fullWeeks(volume, spanOf(windows)).slice(-2);
  const { status, reasons } = assessBurden({
    team: current.figures,
    teamRatios: current.ratios,
    engineers,
    ...(before && last
      ? { lastWeeks: { last: last.pages, before: before.pages } }
      : {}),
    limits: input.limits,
    period: describePeriod(
      windows.current,
      input.windowDays,
      input.windowEndsNow,
    ),
    pulseDeclines: input.pulseDeclines,
    hasEvents:
      current.figures.pages > 0 ||
      current.figures.coverageHours > 0 ||
      current.figures.personHours > 0 ||
      current.figures.toilMinutes > 0,
  });
  return {
    teamRef: input.teamRef,
    window: toBurdenWindow(
      windows.current,
      input.windowDays,
      input.windowEndsNow ?? true,
    ),
    previousWindow: toBurdenWindow(windows.previous, input.windowDays, false),
    limits: input.limits,
    status,
    reasons,
    current: current.figures,
    previous: previous.figures,
    weeklyVolume: volume,
    ...(change === undefined ? {} : { weekOverWeekChange: change }),
    requiredRotationSize: current.figures.requiredRotationSize,
    engineers,
    problems: input.problems ?? [],
  };
}
