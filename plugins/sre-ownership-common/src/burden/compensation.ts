import {
  addBands,
  bandAt,
  ByBand,
  COMPENSATION_BANDS,
  emptyBands,
  splitByBand,
} from './bands';
import {
  clipIntervals,
  contains,
  Interval,
  MINUTE_MS,
  toIso,
} from './intervals';
import { EngineerCompensation, TeamCompensation } from './restTypes';
import { buildTeamContext, TeamContext } from './teamContext';
import { TeamBurdenInput } from './types';

/** Milliseconds per band summed over `ranges`, then whole minutes, rounded down. */
function minutesByBand(
  ranges: Interval[],
  timeZone: string,
  context: TeamContext,
): ByBand {
  const ms = ranges
    .map(range => splitByBand(range, timeZone, context.input.workingTime))
    .reduce(addBands, emptyBands());
  const minutes = emptyBands();
  for (const band of COMPENSATION_BANDS) {
    minutes[band] = Math.floor(ms[band] / MINUTE_MS);
  }
  return minutes;
}

function engineerCompensation(
  context: TeamContext,
  userRef: string,
): EngineerCompensation {
  const { workingTime } = context.input;
  const window = context.windows.current;
  const timezone = context.timezones.of(userRef);
  const onCall = clipIntervals(context.onCall.get(userRef) ?? [], window);
  const pages = context.pages.filter(
    page =>
      contains(window, page.triggeredAt) && page.engineers.includes(userRef),
  );
  const pageBands = emptyBands();
  pages.forEach(page => {
    pageBands[bandAt(page.triggeredAt, timezone, workingTime)] += 1;
  });
  const responses = pages
    .map(page => ({ start: page.acknowledgedAt, end: page.resolvedAt }))
    .filter(span => span.end > span.start);
  return {
    userRef,
    timezone,
    member: context.memberRefs.has(userRef),
    onCallMinutes: minutesByBand(onCall, timezone, context),
    pages: pageBands,
    responseMinutes: minutesByBand(responses, timezone, context),
  };
}

/**
 * Each engineer's on-call time, pages and response time over the window
 * ending at `input.now`, split into {@link COMPENSATION_BANDS} in the
 * engineer's own time zone, for payroll and time-off systems. On-call time
 * is clipped to the window; a page counts in the window its trigger time
 * falls in, with its whole acknowledge-to-resolve time (as the burden
 * figures count them). Engineers as in the team burden, sorted by ref.
 *
 * @public
 */
export function computeCompensation(input: TeamBurdenInput): TeamCompensation {
  const context = buildTeamContext(input);
  const window = context.windows.current;
  return {
    teamRef: input.teamRef,
    window: {
      from: toIso(window.start),
      to: toIso(window.end),
      days: input.windowDays,
      endsNow: input.windowEndsNow ?? true,
    },
    engineers: context.engineers.map(userRef =>
      engineerCompensation(context, userRef),
    ),
  };
}

/**
 * The name of a team's compensation file for a window, e.g.
 * `compensation-payments-2026-03-01-2026-03-31.csv`: the team and the
 * period it covers (the last day included), so that downloads of several
 * teams or months do not overwrite each other.
 *
 * @public
 */
export function compensationFileName(
  teamName: string,
  window: { from: string; to: string },
  format: 'csv' | 'json',
): string {
  const lastDay = new Date(Date.parse(window.to) - 1).toISOString();
  return `compensation-${teamName.replace(/[^\w.-]/g, '-')}-${window.from.slice(
    0,
    10,
  )}-${lastDay.slice(0, 10)}.${format}`;
}
