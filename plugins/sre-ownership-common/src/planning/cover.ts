import { DAY_MS, Interval, mergeIntervals, toIso } from '../burden/intervals';
import { clockOf, isSleepHours } from '../burden/localTime';
import { WorkingTime } from '../burden/types';
import { dayName, hoursText, overWeeksPerMonth } from './outlook';
import {
  absencesOf,
  PlanContext,
  planContext,
  WEEKS_PER_MONTH_WINDOW_MS,
} from './planContext';
import { RotationOutlookInput } from './types';
import { overlapMs, segmentBounds, wallClockBreakpoints } from './wallClock';

/** How far back on-call hours count towards fairness. */
export const FAIRNESS_LOOKBACK_MS = 90 * DAY_MS;

/**
 * Who should take a shift that falls in its holder's absence or puts them
 * over the weeks-per-month limit.
 *
 * @public
 */
export interface CoverProposal {
  /** The part of the shift from `now` on. */
  shift: { userRef: string; from: string; to: string };
  reason: 'absent' | 'over-limit';
  /** The member proposed; absent when nobody can take it. */
  proposed?: string;
  /**
   * Everyone who could take it, best first, with the on-call hours fairness
   * ranks them by.
   */
  candidates: Array<{ userRef: string; onCallHours: number; awake: boolean }>;
  sentence: string;
}

/** Milliseconds of `range` in `timeZone`'s sleep hours. */
export function sleepMsIn(
  range: Interval,
  timeZone: string,
  workingTime: WorkingTime,
): number {
  const clock = clockOf(workingTime);
  const bounds = segmentBounds(
    range,
    wallClockBreakpoints(range, timeZone, [clock.sleepStart, clock.sleepEnd]),
  );
  let total = 0;
  for (let i = 0; i + 1 < bounds.length; i++) {
    if (isSleepHours(bounds[i], timeZone, workingTime)) {
      total += bounds[i + 1] - bounds[i];
    }
  }
  return total;
}

/** `list` without `[cut.start, cut.end)`. */
function without(list: Interval[], cut: Interval): Interval[] {
  return list.flatMap(interval => {
    if (interval.end <= cut.start || interval.start >= cut.end)
      return [interval];
    return [
      { start: interval.start, end: Math.max(interval.start, cut.start) },
      { start: Math.min(interval.end, cut.end), end: interval.end },
    ].filter(part => part.end > part.start);
  });
}

/**
 * Proposes cover for on-call time from `now` to the end of the outlook that
 * falls in an absence of its holder or puts the holder over the on-call
 * weeks-per-month limit in a week of the outlook. The time looked at is each
 * person's merged on-call time cut at Monday-UTC week starts and at their
 * absences' edges, each piece in order of start (then ref). A
 * candidate is a member other than the holder who is not absent and not on
 * call at any time of the shift, and would not be over the limit in any
 * outlook week with it; if any candidate is awake for most of the shift,
 * only those are; the candidate with the fewest on-call hours from 90 days
 * before `now` to the end of the outlook comes first, ties by ref. Each
 * proposal is applied before the next shift is looked at, so one person is
 * not proposed for everything. Proposals only: nothing is written anywhere.
 *
 * @public
 */
export function proposeCover(input: RotationOutlookInput): CoverProposal[] {
  const context: PlanContext = planContext(input);
  const onCall = new Map(context.onCall);
  const get = (ref: string) => onCall.get(ref) ?? [];
  const name = (ref: string) => context.people.get(ref)?.displayName ?? ref;
  const outlookEnd = context.span.end;
  const windows = context.weeks.map(week => ({
    start: week.end - WEEKS_PER_MONTH_WINDOW_MS,
    end: week.end,
  }));
  const overWith = (intervals: Interval[], shift: Interval) =>
    windows.some(
      window =>
        window.start < shift.end &&
        window.end > shift.start &&
        overWeeksPerMonth(overlapMs(intervals, window), input.limits),
    );
  const fairnessRange = {
    start: context.now - FAIRNESS_LOOKBACK_MS,
    end: outlookEnd,
  };
  // The pieces of on-call time looked at: each person's merged on-call
  // time from now to the end, cut at week starts and at their absences.
  const shifts: Array<Interval & { userRef: string }> = [];
  for (const [userRef, intervals] of context.onCall) {
    const cuts = [
      ...context.weeks.map(week => week.start),
      ...absencesOf(context, userRef).flatMap(a => [a.start, a.end]),
    ];
    for (const interval of intervals) {
      const clipped = {
        start: Math.max(interval.start, context.now),
        end: Math.min(interval.end, outlookEnd),
      };
      if (clipped.end <= clipped.start) continue;
      const bounds = segmentBounds(clipped, cuts);
      for (let i = 0; i + 1 < bounds.length; i++) {
        shifts.push({ userRef, start: bounds[i], end: bounds[i + 1] });
      }
    }
  }
  shifts.sort(
    (a, b) => a.start - b.start || a.userRef.localeCompare(b.userRef),
  );
  const proposals: CoverProposal[] = [];
  for (const shift of shifts) {
    const part = { start: shift.start, end: shift.end };
    const holder = shift.userRef;
    let reason: CoverProposal['reason'];
    if (overlapMs(absencesOf(context, holder), part) > 0) reason = 'absent';
    else if (overWith(get(holder), part)) reason = 'over-limit';
    else continue;
    const eligible = context.members
      .filter(ref => ref !== holder)
      .filter(ref => overlapMs(absencesOf(context, ref), part) === 0)
      .filter(ref => overlapMs(get(ref), part) === 0)
      .filter(ref => !overWith(mergeIntervals([...get(ref), part]), part))
      .map(ref => ({
        userRef: ref,
        onCallHours: overlapMs(get(ref), fairnessRange) / 3_600_000,
        awake:
          2 *
            sleepMsIn(
              part,
              context.people.get(ref)!.timezone,
              input.workingTime,
            ) <
          part.end - part.start,
      }));
    const anyAwake = eligible.some(candidate => candidate.awake);
    const candidates = eligible
      .filter(candidate => !anyAwake || candidate.awake)
      .sort(
        (a, b) =>
          a.onCallHours - b.onCallHours || a.userRef.localeCompare(b.userRef),
      );
    const proposed = candidates[0]?.userRef;
    const when = `${dayName(part.start)} ${toIso(part.start).slice(
      11,
      16,
    )} UTC to ${dayName(part.end)} ${toIso(part.end).slice(11, 16)} UTC`;
    const why =
      reason === 'absent'
        ? `${name(holder)} is absent`
        : `${name(holder)} would be over ${
            input.limits.onCallWeeksPerMonth
          } on-call weeks per month`;
    if (proposed) {
      onCall.set(holder, without(get(holder), part));
      onCall.set(proposed, mergeIntervals([...get(proposed), part]));
    }
    proposals.push({
      shift: { userRef: holder, from: toIso(part.start), to: toIso(part.end) },
      reason,
      ...(proposed ? { proposed } : {}),
      candidates,
      sentence: proposed
        ? `${name(proposed)} could take ${name(
            holder,
          )}'s shift ${when} (${why}): the fewest on-call hours of those who can (${hoursText(
            candidates[0].onCallHours,
          )} from 90 days ago to the end of the outlook)${
            candidates[0].awake ? ', awake for most of it' : ''
          }.`
        : `Nobody can take ${name(
            holder,
          )}'s shift ${when} (${why}): every other member is absent, on call then, or would go over ${
            input.limits.onCallWeeksPerMonth
          } on-call weeks per month.`,
    });
  }
  return proposals;
}
