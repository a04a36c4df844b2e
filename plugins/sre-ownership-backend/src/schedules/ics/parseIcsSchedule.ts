import { OncallShift } from '@sre-ownership/plugin-sre-ownership-common';
import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { TimeRange } from '../../oncall/OncallStore';
import { checkIcsEvent } from './checkIcsEvent';
import { FeedError } from './feedErrors';
import { IcsEventSource, readIcsCalendar } from './readIcsCalendar';

/** What an event says about who is on call. */
export interface ShiftCandidate {
  /**
   * Lower-case addresses of the event's ATTENDEEs, in order, then of its
   * ORGANIZER, with or without `mailto:` as the feed wrote them.
   */
  emails: string[];
  /** Their CN parameters (common names), in the same order. */
  names?: string[];
  /** The event's SUMMARY. */
  summary: string;
}

/** Picks the User entity ref an event names, or undefined when none. */
export type ShiftUserResolver = (
  candidate: ShiftCandidate,
  /** The feed's pattern; its `person` group names the person. */
  summaryPattern?: RegExp,
) => string | undefined;

/** An event that was not stored, or a note on how the feed was read. */
export interface IcsScheduleWarning {
  /** Why; for an event left out, the same for every event left out alike. */
  message: string;
  /** Whether an event was left out (else a note, such as a missing zone). */
  leftOut: boolean;
  /** SUMMARY of the event concerned. */
  summary?: string;
  /** Start of the occurrence concerned, ISO 8601 UTC. */
  startsAt?: string;
  /** UID of the event concerned. */
  uid?: string;
  /** Line of the feed concerned (1 is the first). */
  line?: number;
  /** Property concerned, such as EXDATE. */
  property?: string;
}

/** Shifts read from one feed, and what was left out. */
export interface IcsScheduleParseResult {
  shifts: OncallShift[];
  warnings: IcsScheduleWarning[];
}

/** One schedule feed as the parser needs it. */
export interface IcsScheduleFeedIdentity {
  /** Name of the feed, stored as the shifts' `schedule`. */
  name: string;
  /** Group entity ref of the rotation. */
  teamRef: string;
  /** Where SUMMARY names the person: its `person` group. */
  summaryPattern?: RegExp;
}

/** Why an event that names nobody the catalog knows was left out. */
export const NO_USER_MATCHES =
  'no User matches the e-mail addresses or the summary of this event';

// The oncall_shifts.source column holds 64 characters.
const MAX_SOURCE_LENGTH = 64;
/**
 * What one feed may cost. A rota of 8-hour shifts over the 150 days read is
 * 450 shifts; 5,000 leaves room for many layers and overrides, while a
 * 13 kB feed of events repeating every minute (a million occurrences) is
 * refused before it costs memory or rows.
 */
export interface IcsFeedLimits {
  /** Most shifts a feed may yield within the range. */
  maxShifts: number;
  /** Most occurrences expanded, before the range included. */
  maxOccurrences: number;
  /** Epoch milliseconds after which parsing stops. */
  deadline?: number;
}

/** The limits a feed is read with unless told otherwise. */
export const DEFAULT_FEED_LIMITS: IcsFeedLimits = {
  maxShifts: 5_000,
  maxOccurrences: 50_000,
};

/**
 * The `source` of the shifts of a feed: `ics:<feed name>`. A name too long
 * for the column is shortened and made unique again with a hash of it.
 */
export function icsScheduleSource(feedName: string): string {
  const source = `ics:${feedName}`;
  if (source.length <= MAX_SOURCE_LENGTH) return source;
  const hash = createHash('sha256').update(feedName).digest('hex');
  return `${source.slice(0, MAX_SOURCE_LENGTH - 9)}#${hash.slice(0, 8)}`;
}

const toIso = (time: ICAL.Time) =>
  new Date(time.toUnixTime() * 1000).toISOString();

function peopleOf(event: ICAL.Event): { emails: string[]; names: string[] } {
  const organizer = event.component.getFirstProperty('organizer');
  const people = [...event.attendees, ...(organizer ? [organizer] : [])];
  // PagerDuty writes a bare address (ATTENDEE:jane@example.com); RFC 5545
  // wants a mailto: URI. Either is an address when it holds an @.
  const emails = people
    .map(property =>
      String(property.getFirstValue() ?? '')
        .trim()
        .replace(/^mailto:/i, '')
        .trim()
        .toLowerCase(),
    )
    .filter(value => /^[^@\s]+@[^@\s]+$/.test(value));
  const names = people
    .map(property => property.getParameter('cn'))
    .filter((cn): cn is string => typeof cn === 'string' && cn.trim() !== '');
  return { emails, names };
}

/**
 * End of an occurrence starting at `start`. ical.js adds the event's exact
 * length in wall-clock fields, which moves the end by an hour when the
 * event's own DTSTART..DTEND spans a DST change; adding the wall-clock
 * length instead keeps "Monday 09:00 to Monday 09:00" in the feed's zone.
 */
function occurrenceEnd(item: ICAL.Event, start: ICAL.Time): ICAL.Time {
  const end = start.clone();
  const { component } = item;
  if (
    start.isDate &&
    !component.hasProperty('dtend') &&
    !component.hasProperty('duration')
  ) {
    // RFC 5545 3.6.1: a date without DTEND or DURATION lasts one day.
    end.addDuration(ICAL.Duration.fromData({ days: 1 }));
    return end;
  }
  const dtend = item.component.hasProperty('dtend');
  if (dtend && item.startDate.zone?.tzid === item.endDate.zone?.tzid) {
    end.addDuration(item.endDate.subtractDate(item.startDate));
  } else {
    end.addDuration(item.duration);
  }
  return end;
}

const isCancelled = (event: ICAL.Event) =>
  String(event.component.getFirstPropertyValue('status')).toUpperCase() ===
  'CANCELLED';

// RFC 5545 3.1 allows no control character but HTAB in a value; a UID is
// stored as the shift's id, where one would be invisible. NUL is left to
// the record rules every stored id obeys (ingest/fields.ts).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0001-\u0008\u000A-\u001F\u007F]/;

function controlCharacterIn(uid: string): string | undefined {
  const found = CONTROL.exec(uid)?.[0];
  if (found === undefined) return undefined;
  const code = found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return `UID contains a control character (U+${code}), which iCalendar does not allow`;
}

function groupByUid(events: IcsEventSource[]) {
  const byUid = new Map<string, IcsEventSource[]>();
  for (const event of events) {
    const uid = String(event.component.getFirstPropertyValue('uid') ?? '');
    byUid.set(uid, [...(byUid.get(uid) ?? []), event]);
  }
  return byUid;
}

/**
 * Reads the on-call shifts of an iCalendar (RFC 5545) schedule feed that
 * overlap `range`, whole (nothing is clipped to the range).
 *
 * Recurring events are expanded (RRULE, RDATE, RDATE periods), EXDATEs
 * skipped and RECURRENCE-ID overrides applied. A TZID naming a zone the
 * time-zone database knows (IANA, with leading slashes, or Windows) is read
 * with the database; the feed's VTIMEZONEs serve only other TZIDs (see
 * readIcsCalendar). A handover at 09:00 local so stays at 09:00 across DST.
 * Times without a zone (floating, or all-day dates) are read as UTC.
 * Cancelled events and occurrences (STATUS:CANCELLED) are left out. An
 * event the parser refuses, or with a bad value in a property a shift is
 * read from, is left out with a warning naming its line, property and UID;
 * the feed's other events are read.
 *
 * Each shift's `externalId` is `<UID>/<RECURRENCE-ID as ISO UTC>` (the
 * occurrence's start as scheduled by the rule, which is its start unless an
 * override moves it), so reading the same feed again yields the same ids and
 * an override that moves a handover updates that shift rather than adding
 * one. Events whose people `resolveUser` cannot map to a User are left out
 * and reported in `warnings`.
 *
 * @throws FeedError when the text holds no VCALENDAR, or it costs
 *   more than `limits` allow (default {@link DEFAULT_FEED_LIMITS}).
 */
export function parseIcsSchedule(
  options: IcsScheduleParseOptions,
): IcsScheduleParseResult {
  const steps = parseIcsScheduleSteps(options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Most milliseconds {@link parseIcsScheduleYielding} works before it lets
 * the event loop run: short enough that the backend keeps answering
 * requests while a big feed is read, long enough that yielding costs
 * nothing measurable.
 */
export const PARSE_SLICE_MS = 10;

/**
 * {@link parseIcsSchedule}, in slices of at most `sliceMs` (default
 * {@link PARSE_SLICE_MS}) with the event loop running in between, so that
 * expanding a large feed (up to its occurrence limit) never stalls the
 * requests the backend serves meanwhile. Only reading the text into
 * components is one step, bounded by the feed's size limit.
 */
export async function parseIcsScheduleYielding(
  options: IcsScheduleParseOptions & { sliceMs?: number },
): Promise<IcsScheduleParseResult> {
  const sliceMs = options.sliceMs ?? PARSE_SLICE_MS;
  const steps = parseIcsScheduleSteps(options);
  let sliceEnd = performance.now() + sliceMs;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() >= sliceEnd) {
      await new Promise(resolve => setImmediate(resolve));
      sliceEnd = performance.now() + sliceMs;
    }
  }
}

/** What {@link parseIcsSchedule} reads, and for whom. */
export interface IcsScheduleParseOptions {
  ics: string;
  range: TimeRange;
  feed: IcsScheduleFeedIdentity;
  resolveUser: ShiftUserResolver;
  limits?: IcsFeedLimits;
}

// The parse as steps: it pauses after reading the text and after every
// occurrence, so a caller decides when to let other work run.
function* parseIcsScheduleSteps(
  options: IcsScheduleParseOptions,
): Generator<void, IcsScheduleParseResult> {
  const { range, feed, resolveUser } = options;
  const limits = options.limits ?? DEFAULT_FEED_LIMITS;
  let expanded = 0;
  // Counts every occurrence looked at, and stops the feed as soon as it
  // costs more than its limits allow: nothing of it is stored then.
  const budget = () => {
    expanded += 1;
    if (expanded > limits.maxOccurrences) {
      throw new FeedError(
        `expands to more than ${limits.maxOccurrences} occurrences; shorten its recurring events or split the feed`,
      );
    }
    if (
      limits.deadline !== undefined &&
      expanded % 256 === 0 &&
      Date.now() > limits.deadline
    ) {
      throw new FeedError('took too long to read; nothing of it was stored');
    }
  };
  const from = range.from.getTime();
  const to = range.to.getTime();
  const source = icsScheduleSource(feed.name);
  const { events, warnings } = readIcsCalendar(options.ics);
  yield;
  const shifts = new Map<string, OncallShift>();

  const addOccurrence = (
    uid: string,
    item: ICAL.Event,
    recurrenceId: ICAL.Time,
    start: ICAL.Time,
    periodEnd?: ICAL.Time,
  ) => {
    const end = periodEnd ?? occurrenceEnd(item, start);
    const startsAtMs = start.toUnixTime() * 1000;
    const endsAtMs = end.toUnixTime() * 1000;
    if (startsAtMs >= to || endsAtMs <= from || isCancelled(item)) return;
    const summary = item.summary ?? '';
    const startsAt = toIso(start);
    if (endsAtMs <= startsAtMs) {
      warnings.push({
        message: 'event has no duration',
        summary,
        startsAt,
        leftOut: true,
      });
      return;
    }
    const userRef = resolveUser(
      { ...peopleOf(item), summary },
      feed.summaryPattern,
    );
    if (!userRef) {
      warnings.push({
        message: NO_USER_MATCHES,
        summary,
        startsAt,
        leftOut: true,
      });
      return;
    }
    const externalId = `${uid}/${toIso(recurrenceId)}`;
    if (!shifts.has(externalId) && shifts.size >= limits.maxShifts) {
      throw new FeedError(
        `has more than ${
          limits.maxShifts
        } shifts between ${range.from.toISOString()} and ${range.to.toISOString()}`,
      );
    }
    shifts.set(externalId, {
      source,
      externalId,
      teamRef: feed.teamRef,
      userRef,
      schedule: feed.name,
      startsAt,
      endsAt: new Date(endsAtMs).toISOString(),
    });
  };

  // Expands one event and its overrides; pauses after every occurrence.
  function* expandEvent(
    uid: string,
    checked: Array<
      ReturnType<typeof checkIcsEvent> & { source: IcsEventSource }
    >,
  ): Generator<void> {
    const masterOf = checked.find(
      c => !c.source.component.hasProperty('recurrence-id'),
    );
    const overrides = checked
      .filter(c => c.source.component.hasProperty('recurrence-id'))
      .map(c => new ICAL.Event(c.source.component));
    if (!masterOf) {
      // Overrides of a series the feed does not contain stand on their own.
      for (const event of overrides) {
        addOccurrence(uid, event, event.recurrenceId, event.startDate);
      }
      return;
    }
    const event = new ICAL.Event(masterOf.source.component, {
      exceptions: overrides,
      strictExceptions: true,
    });
    if (isCancelled(event)) return;
    const iterator = event.iterator();
    for (
      let next = iterator.next();
      next && next.toUnixTime() * 1000 < to;
      next = iterator.next()
    ) {
      budget();
      const details = event.getOccurrenceDetails(next);
      addOccurrence(uid, details.item, details.recurrenceId, details.startDate);
      yield;
    }
    // An RDATE period is an occurrence with its own end (RFC 5545 3.8.5.2).
    for (const period of masterOf.periods) {
      budget();
      const start = period.start;
      const overridden = overrides.find(
        o => o.recurrenceId.compare(start) === 0,
      );
      if (overridden) {
        addOccurrence(uid, overridden, start, overridden.startDate);
      } else {
        addOccurrence(uid, event, start, start, period.getEnd());
      }
    }
    // An override may move an occurrence scheduled after the range into it.
    for (const override of overrides) {
      if (override.recurrenceId.toUnixTime() * 1000 >= to) {
        addOccurrence(uid, override, override.recurrenceId, override.startDate);
      }
    }
  }

  for (const [uid, sources] of groupByUid(events)) {
    const summary = String(
      sources[0].component.getFirstPropertyValue('summary') ?? '',
    );
    const uidProblem = !uid ? 'event has no UID' : controlCharacterIn(uid);
    if (uidProblem) {
      warnings.push({ message: uidProblem, summary, leftOut: true });
      continue;
    }
    const checked = sources.map(component => ({
      source: component,
      ...checkIcsEvent(component),
    }));
    const spoilt = checked.find(event => event.problem);
    if (spoilt?.problem) {
      // One bad property spoils the event, all its overrides with it: a
      // series read without its EXDATE or with half its overrides would
      // put people on call when they are not.
      warnings.push({
        ...spoilt.problem,
        line: spoilt.problem.line ?? spoilt.source.line,
        summary,
        uid,
        leftOut: true,
      });
      continue;
    }
    const before = new Set(shifts.keys());
    try {
      yield* expandEvent(uid, checked);
    } catch (error) {
      if (error instanceof FeedError) throw error;
      for (const id of shifts.keys()) if (!before.has(id)) shifts.delete(id);
      // What ical.js could not expand is named, and the other events go on.
      warnings.push({
        message: 'event could not be expanded',
        line: sources[0].line,
        summary,
        uid,
        leftOut: true,
      });
    }
  }

  return {
    shifts: [...shifts.values()].sort(
      (a, b) =>
        a.startsAt.localeCompare(b.startsAt) ||
        a.externalId.localeCompare(b.externalId),
    ),
    warnings,
  };
}
