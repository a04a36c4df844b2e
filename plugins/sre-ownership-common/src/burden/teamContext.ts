import {
  AttributedPage,
  attributePages,
  onCallByEngineer,
  ShiftSpan,
  timezoneLookup,
  Timezones,
  toShiftSpans,
} from './attribution';
import { contains, Interval, mergeIntervals, toInstant } from './intervals';
import { TeamBurdenInput } from './types';
import { spanOf, WindowPair, windowsEndingAt } from './windows';

/** A toil entry with its start parsed. */
export interface ToilSpan {
  userRef: string;
  startedAt: number;
  minutes: number;
}

/** One team's events, parsed, filtered to the team and attributed. */
export interface TeamContext {
  input: TeamBurdenInput;
  windows: WindowPair;
  timezones: Timezones;
  /** Merged on-call intervals per engineer, unclipped. */
  onCall: Map<string, Interval[]>;
  /** Union of everyone's on-call intervals, unclipped. */
  coverage: Interval[];
  pages: AttributedPage[];
  toil: ToilSpan[];
  /**
   * Whether the team has a toil entry in the window or the one before:
   * without one there is no toil source, and toil shares are unknown.
   */
  toilRecorded: boolean;
  /** The team's members. */
  memberRefs: Set<string>;
  /** Everyone the figures are about, sorted by userRef. */
  engineers: string[];
}

function teamShifts(input: TeamBurdenInput): ShiftSpan[] {
  return toShiftSpans(
    input.shifts.filter(shift => shift.teamRef === input.teamRef),
  );
}

function teamToil(input: TeamBurdenInput): ToilSpan[] {
  return input.toil
    .filter(entry => entry.teamRef === input.teamRef)
    .map(entry => ({
      userRef: entry.userRef,
      startedAt: toInstant(entry.startedAt),
      minutes: entry.minutes,
    }));
}

/**
 * Members plus everyone who appears in a shift, page or toil entry of the
 * team touching either window.
 */
function engineersOf(
  input: TeamBurdenInput,
  shifts: ShiftSpan[],
  pages: AttributedPage[],
  toil: ToilSpan[],
  span: Interval,
): string[] {
  const refs = new Set(input.members.map(member => member.userRef));
  shifts
    .filter(shift => shift.span.end > span.start && shift.span.start < span.end)
    .forEach(shift => refs.add(shift.userRef));
  pages
    .filter(page => contains(span, page.triggeredAt))
    .forEach(page => page.engineers.forEach(ref => refs.add(ref)));
  toil
    .filter(entry => contains(span, entry.startedAt))
    .forEach(entry => refs.add(entry.userRef));
  return [...refs].sort();
}

/**
 * Parses and attributes a team's events. Shifts and toil of other teams are
 * dropped, as are pages naming another team.
 */
export function buildTeamContext(input: TeamBurdenInput): TeamContext {
  const windows = windowsEndingAt(input.now, input.windowDays);
  const shifts = teamShifts(input);
  const pages = attributePages(
    input.pages.filter(page => !page.teamRef || page.teamRef === input.teamRef),
    shifts,
  );
  const toil = teamToil(input);
  const onCall = onCallByEngineer(shifts);
  return {
    input,
    windows,
    timezones: timezoneLookup(
      [...input.members, ...(input.others ?? [])],
      input.defaultTimezone,
    ),
    memberRefs: new Set(input.members.map(member => member.userRef)),
    onCall,
    coverage: mergeIntervals(shifts.map(shift => shift.span)),
    pages,
    toil,
    toilRecorded: toil.some(entry =>
      contains(spanOf(windows), entry.startedAt),
    ),
    engineers: engineersOf(input, shifts, pages, toil, spanOf(windows)),
  };
}
