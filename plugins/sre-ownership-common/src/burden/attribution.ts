import { BurdenPage, BurdenShift } from './burdenEvents';
import { contains, Interval, mergeIntervals, toInstant } from './intervals';
import { isKnownTimezone } from './localTime';
import { DEFAULT_TIMEZONE, PersonTimezone } from './types';

/** A shift with its instants parsed. */
export interface ShiftSpan {
  teamRef: string;
  userRef: string;
  span: Interval;
}

/**
 * A page with its trigger instant and the engineers it counts for: the
 * responder if known, otherwise everyone on call for the paged team when it
 * was triggered (possibly nobody).
 */
export interface AttributedPage {
  page: BurdenPage;
  triggeredAt: number;
  /** `NaN` when not acknowledged. */
  acknowledgedAt: number;
  /** `NaN` when not resolved. */
  resolvedAt: number;
  engineers: string[];
}

/** Parses shifts, dropping empty or unreadable ones. */
export function toShiftSpans(shifts: BurdenShift[]): ShiftSpan[] {
  return shifts
    .map(shift => ({
      teamRef: shift.teamRef,
      userRef: shift.userRef,
      span: { start: toInstant(shift.startsAt), end: toInstant(shift.endsAt) },
    }))
    .filter(shift => shift.span.end > shift.span.start);
}

/** Each engineer's on-call time as merged intervals. */
export function onCallByEngineer(shifts: ShiftSpan[]): Map<string, Interval[]> {
  const spans = new Map<string, Interval[]>();
  for (const shift of shifts) {
    spans.set(shift.userRef, [...(spans.get(shift.userRef) ?? []), shift.span]);
  }
  return new Map(
    [...spans].map(([userRef, intervals]) => [
      userRef,
      mergeIntervals(intervals),
    ]),
  );
}

/**
 * Engineers on call at `instant`, sorted; only for `teamRef` when given.
 */
export function engineersOnCallAt(
  shifts: ShiftSpan[],
  instant: number,
  teamRef?: string,
): string[] {
  const onCall = shifts
    .filter(shift => !teamRef || shift.teamRef === teamRef)
    .filter(shift => contains(shift.span, instant))
    .map(shift => shift.userRef);
  return [...new Set(onCall)].sort();
}

/**
 * Attributes each page to its responder, or else to everyone on call for the
 * paged team (any team in `shifts` when the page names none) at trigger time.
 */
export function attributePages(
  pages: BurdenPage[],
  shifts: ShiftSpan[],
): AttributedPage[] {
  return pages.map(page => {
    const triggeredAt = toInstant(page.triggeredAt);
    const engineers = page.responderRef
      ? [page.responderRef]
      : engineersOnCallAt(shifts, triggeredAt, page.teamRef);
    return {
      page,
      triggeredAt,
      acknowledgedAt: toInstant(page.acknowledgedAt),
      resolvedAt: toInstant(page.resolvedAt),
      engineers,
    };
  });
}

/** Engineers' time zones, with the zone used when nobody is known. */
export interface Timezones {
  of(userRef: string): string;
  fallback: string;
}

/**
 * Looks up an engineer's time zone: their entry (members first, then the
 * others), else the default. The backend resolves each zone with
 * `resolvePersonTimezone` and reports unknown names; an unknown name that
 * still arrives here falls back to the default, and an unknown default to
 * UTC, so one bad profile cannot break a team's figures.
 */
export function timezoneLookup(
  people: PersonTimezone[],
  defaultTimezone: string,
): Timezones {
  const fallback = isKnownTimezone(defaultTimezone)
    ? defaultTimezone
    : DEFAULT_TIMEZONE;
  const zones = new Map<string, string>();
  for (const person of people) {
    if (!zones.has(person.userRef) && isKnownTimezone(person.timezone)) {
      zones.set(person.userRef, person.timezone);
    }
  }
  return { of: userRef => zones.get(userRef) ?? fallback, fallback };
}

/**
 * The time zones a page is judged in: those of the engineers it counts for,
 * or the default zone when nobody is known.
 */
export function pageTimezones(
  page: AttributedPage,
  timezones: Timezones,
): string[] {
  return page.engineers.length
    ? page.engineers.map(timezones.of)
    : [timezones.fallback];
}
