import { OncallShift } from '@sre-ownership/plugin-sre-ownership-common';
import { FeedLeftOut } from '../../oncall/OncallStore';
import { recordProblems } from '../../ingest/records';
import { IcsScheduleWarning } from './parseIcsSchedule';

// What each field of a feed's shift is to someone reading the feed.
const FEED_FIELD_NAMES: Record<string, string> = {
  source: "the feed's source (ics:<name>)",
  externalId: "the shift's id (UID/occurrence start)",
  teamRef: "the feed's team",
  userRef: "the matched User's ref",
  schedule: "the feed's name",
  startsAt: 'the start',
  endsAt: 'the end',
};

const nameOf = (field: string) => FEED_FIELD_NAMES[field] ?? field;

/**
 * Holds a feed's shifts to the rules every shift obeys before it is stored,
 * whichever way it came (ingest/records.ts): a shift that breaks one (an
 * id too long for its column, a NUL) is left out with its reason, and the
 * feed's other shifts are stored.
 */
export function checkFeedShifts(shifts: OncallShift[]): {
  shifts: OncallShift[];
  warnings: IcsScheduleWarning[];
} {
  const kept: OncallShift[] = [];
  const warnings: IcsScheduleWarning[] = [];
  for (const shift of shifts) {
    const [problem] = recordProblems('shifts', shift);
    if (!problem) {
      kept.push(shift);
      continue;
    }
    const message = problem.other
      ? problem.message.replace('{other}', nameOf(problem.other))
      : problem.message;
    warnings.push({
      message: `${nameOf(problem.field)} ${message}`,
      startsAt: shift.startsAt,
      leftOut: true,
    });
  }
  return { shifts: kept, warnings };
}

/** Most distinct reasons kept for a feed; the rest are counted together. */
export const MAX_LEFT_OUT_REASONS = 10;

/**
 * How many events were left out for each reason, most first; reasons
 * beyond {@link MAX_LEFT_OUT_REASONS} counted as "other reasons".
 */
export function countLeftOut(warnings: IcsScheduleWarning[]): FeedLeftOut[] {
  const counts = new Map<string, number>();
  for (const { message, leftOut } of warnings) {
    if (leftOut) counts.set(message, (counts.get(message) ?? 0) + 1);
  }
  const sorted = [...counts]
    .map(([reason, events]) => ({ reason, events }))
    .sort((a, b) => b.events - a.events || a.reason.localeCompare(b.reason));
  if (sorted.length <= MAX_LEFT_OUT_REASONS) return sorted;
  const shown = sorted.slice(0, MAX_LEFT_OUT_REASONS - 1);
  const others = sorted
    .slice(MAX_LEFT_OUT_REASONS - 1)
    .reduce((sum, { events }) => sum + events, 0);
  return [...shown, { reason: 'other reasons', events: others }];
}
