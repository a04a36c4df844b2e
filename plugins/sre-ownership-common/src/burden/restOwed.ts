import { AttributedPage } from './attribution';
import { SHIFT_MS } from './engineerFigures';
import { splitByBand } from './bands';
import { contains, MINUTE_MS, toIso } from './intervals';
import { isSleepHours, localTime } from './localTime';
import {
  RestOwedEntry,
  RestOwedInput,
  RestRules,
  TeamRestOwed,
} from './restTypes';
import { buildTeamContext, TeamContext } from './teamContext';

// Rest is reckoned per shift of the pages-per-shift limit: 12 hours on call.
const REST_SHIFT_MS = SHIFT_MS;

/** "2026-03-03 03:12 Europe/Berlin": a wall-clock time in the person's zone. */
function localStamp(instant: number, timeZone: string): string {
  const { date, minuteOfDay } = localTime(instant, timeZone);
  const clock = [Math.floor(minuteOfDay / 60), minuteOfDay % 60]
    .map(part => String(part).padStart(2, '0'))
    .join(':');
  return `${date} ${clock} ${timeZone}`;
}

const minutes = (count: number) => `${count} minute${count === 1 ? '' : 's'}`;

/** The pages counted for `userRef` in the window, by trigger time. */
function pagesOf(context: TeamContext, userRef: string): AttributedPage[] {
  const window = context.windows.current;
  return context.pages.filter(
    page =>
      contains(window, page.triggeredAt) && page.engineers.includes(userRef),
  );
}

/** One entry per page triggered during the engineer's sleep hours. */
function sleepPageEntries(
  context: TeamContext,
  userRef: string,
  rules: RestRules,
): RestOwedEntry[] {
  const zone = context.timezones.of(userRef);
  const { workingTime } = context.input;
  if (rules.sleepPageMinutes <= 0) return [];
  return pagesOf(context, userRef)
    .filter(page => isSleepHours(page.triggeredAt, zone, workingTime))
    .map(page => ({
      userRef,
      kind: 'sleep-page' as const,
      at: toIso(page.triggeredAt),
      minutes: rules.sleepPageMinutes,
      reason: `Paged during sleep hours at ${localStamp(
        page.triggeredAt,
        zone,
      )}: ${minutes(rules.sleepPageMinutes)}`,
    }));
}

/**
 * One entry per 12 hours on call (counted from the start of each unbroken
 * stretch on call; the last block of a stretch may be shorter) that starts
 * in the window and had more pages than the pages-per-shift limit.
 */
function busyShiftEntries(
  context: TeamContext,
  userRef: string,
  rules: RestRules,
): RestOwedEntry[] {
  const { limits } = context.input;
  const zone = context.timezones.of(userRef);
  const window = context.windows.current;
  const pages = pagesOf(context, userRef);
  if (rules.busyShiftMinutes <= 0) return [];
  const entries: RestOwedEntry[] = [];
  for (const stretch of context.onCall.get(userRef) ?? []) {
    for (
      let start = stretch.start;
      start < stretch.end;
      start += REST_SHIFT_MS
    ) {
      const block = {
        start,
        end: Math.min(stretch.end, start + REST_SHIFT_MS),
      };
      if (!contains(window, start)) continue;
      const count = pages.filter(page =>
        contains(block, page.triggeredAt),
      ).length;
      if (count > limits.pagesPerShift) {
        entries.push({
          userRef,
          kind: 'busy-shift',
          at: toIso(start),
          minutes: rules.busyShiftMinutes,
          reason: `${count} pages in the 12 hours on call from ${localStamp(
            start,
            zone,
          )}, above the limit of ${limits.pagesPerShift} per shift: ${minutes(
            rules.busyShiftMinutes,
          )}`,
        });
      }
    }
  }
  return entries;
}

/**
 * One entry per page whose acknowledge-to-resolve time fell partly outside
 * weekday business hours (in the engineer's zone): that many whole minutes,
 * times `offHoursResponsePercent` / 100, rounded down.
 */
function offHoursResponseEntries(
  context: TeamContext,
  userRef: string,
  rules: RestRules,
): RestOwedEntry[] {
  const zone = context.timezones.of(userRef);
  const { workingTime } = context.input;
  return pagesOf(context, userRef).flatMap(page => {
    const span = { start: page.acknowledgedAt, end: page.resolvedAt };
    if (!(span.end > span.start)) return [];
    const bands = splitByBand(span, zone, workingTime);
    const outsideMs = span.end - span.start - bands['weekday-business'];
    const outside = Math.floor(outsideMs / MINUTE_MS);
    const owed = Math.floor((outside * rules.offHoursResponsePercent) / 100);
    if (owed < 1) return [];
    return [
      {
        userRef,
        kind: 'off-hours-response' as const,
        at: toIso(page.acknowledgedAt),
        minutes: owed,
        reason: `Responded ${minutes(
          outside,
        )} outside business hours from ${localStamp(
          page.acknowledgedAt,
          zone,
        )}: ${minutes(owed)}`,
      },
    ];
  });
}

/**
 * The days whose rest taken counts in a window `[from, to)`: every UTC day
 * the window touches, first and last included, as `YYYY-MM-DD`.
 *
 * @public
 */
export function restTakenDays(window: { from: string; to: string }): {
  fromDate: string;
  toDate: string;
} {
  return {
    fromDate: toIso(Date.parse(window.from)).slice(0, 10),
    toDate: toIso(Date.parse(window.to) - 1).slice(0, 10),
  };
}

function inWindowDays(date: string, context: TeamContext): boolean {
  const { start, end } = context.windows.current;
  const days = restTakenDays({ from: toIso(start), to: toIso(end) });
  return date >= days.fromDate && date <= days.toDate;
}

/**
 * Rest owed to each engineer of a team over the window ending at
 * `input.now`, by the organisation's {@link RestRules}, with the reason for
 * every entry, less the rest recorded as taken on the days the window
 * touches. Every quantity is a whole number of minutes; the balance never
 * goes below zero. Engineers are the team's members and everyone who was on
 * call for it, paged for it or logged toil for it, sorted by ref.
 *
 * @public
 */
export function computeRestOwed(input: RestOwedInput): TeamRestOwed {
  const context = buildTeamContext(input);
  const window = context.windows.current;
  const engineers = context.engineers.map(userRef => {
    const entries = [
      ...sleepPageEntries(context, userRef, input.rules),
      ...busyShiftEntries(context, userRef, input.rules),
      ...offHoursResponseEntries(context, userRef, input.rules),
    ].sort((a, b) => a.at.localeCompare(b.at) || a.kind.localeCompare(b.kind));
    const taken = input.taken.filter(
      record =>
        record.userRef === userRef && inWindowDays(record.date, context),
    );
    const owedMinutes = entries.reduce((sum, entry) => sum + entry.minutes, 0);
    const takenMinutes = taken.reduce((sum, record) => sum + record.minutes, 0);
    return {
      userRef,
      timezone: context.timezones.of(userRef),
      member: context.memberRefs.has(userRef),
      owedMinutes,
      takenMinutes,
      balanceMinutes: Math.max(0, owedMinutes - takenMinutes),
      entries,
      taken,
    };
  });
  return {
    teamRef: input.teamRef,
    window: {
      from: toIso(window.start),
      to: toIso(window.end),
      days: input.windowDays,
      endsNow: input.windowEndsNow ?? true,
    },
    rules: input.rules,
    engineers,
  };
}
