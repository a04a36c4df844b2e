/**
 * The burden engine against a deliberately simple reference written here:
 * durations by sweeping every boundary of every shift, local hours read
 * straight from Intl for every page, business minutes by stepping minute by
 * minute in each person's zone. Random datasets around daylight-saving
 * changes of both hemispheres, with mixed zones (and a bad one), people on
 * several teams, overlapping and touching shifts, unanswered pages and
 * windows that start at any millisecond.
 */
import fc from 'fast-check';
import { OncallPage, OncallShift, PageSeverity, ToilEntry } from '../events';
import { computeTeamBurden } from './teamBurden';
import {
  DEFAULT_BURDEN_LIMITS,
  DEFAULT_WORKING_TIME,
  PersonTimezone,
  TeamBurdenInput,
} from './types';

jest.setTimeout(120_000);

const TEAM = 'group:default/alpha';
const OTHER = 'group:default/beta';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const PEOPLE = ['ana', 'bo', 'cy', 'di'].map(name => `user:default/${name}`);
const ZONES = [
  'UTC',
  'Europe/London',
  'America/New_York',
  'Australia/Sydney',
  'America/Santiago',
  'Asia/Kolkata',
  'Asia/Tokyo',
];
/** Instants right at daylight-saving changes, north and south. */
const CLOCK_CHANGES = [
  '2026-03-08T07:00:00Z', // New York, spring forward
  '2026-03-29T01:00:00Z', // London, spring forward
  '2026-04-04T16:00:00Z', // Sydney, fall back
  '2026-04-05T03:00:00Z', // Santiago, fall back
  '2026-09-06T04:00:00Z', // Santiago, spring forward
  '2026-10-03T16:00:00Z', // Sydney, spring forward
  '2026-10-25T01:00:00Z', // London, fall back
  '2026-11-01T06:00:00Z', // New York, fall back
].map(Date.parse);
const HOLIDAY_OFFSET_DAYS = 2;

// ---- the reference ---------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();
function wallClock(instant: number, zone: string) {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(zone, format);
  }
  const parts = Object.fromEntries(
    format.formatToParts(instant).map(part => [part.type, part.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekend: parts.weekday === 'Sat' || parts.weekday === 'Sun',
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

function offHours(instant: number, zone: string, holidays: string[]) {
  const local = wallClock(instant, zone);
  if (local.weekend || holidays.includes(local.date)) return true;
  return local.minute < 9 * 60 || local.minute >= 17 * 60;
}

function sleepHours(instant: number, zone: string) {
  const { minute } = wallClock(instant, zone);
  return minute >= 23 * 60 || minute < 7 * 60;
}

/** Minutes of the window, stepped one by one, that are business minutes. */
function businessMinutes(
  window: [number, number],
  zone: string,
  holidays: string[],
) {
  let minutes = 0;
  for (let t = window[0]; t < window[1]; t += MINUTE) {
    if (!offHours(t, zone, holidays)) minutes += 1;
  }
  return minutes;
}

type Span = [number, number];

/** Milliseconds of `window` inside at least one of `spans`, by sweeping. */
function coveredMs(spans: Span[], window: Span): number {
  const cuts = [
    ...new Set([
      ...window,
      ...spans.flat().filter(t => t > window[0] && t < window[1]),
    ]),
  ].sort((a, b) => a - b);
  let total = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    if (spans.some(([s, e]) => s <= from && to <= e)) total += to - from;
  }
  return total;
}

const inside = (t: number, [s, e]: Span) => t >= s && t < e;

interface Dataset {
  /** The events as the API carries them, with ISO 8601 instants. */
  input: Omit<TeamBurdenInput, 'shifts' | 'pages' | 'toil'> & {
    shifts: OncallShift[];
    pages: OncallPage[];
    toil: ToilEntry[];
  };
  zoneOf: (ref: string) => string;
  fallback: string;
}

function referenceEngineer(data: Dataset, ref: string, window: Span) {
  const { input } = data;
  const holidays = input.workingTime.holidays;
  const zone = data.zoneOf(ref);
  const mine: Span[] = input.shifts
    .filter(s => s.teamRef === TEAM && s.userRef === ref)
    .map(s => [Date.parse(s.startsAt), Date.parse(s.endsAt)]);
  const onCallMs = coveredMs(mine, window);
  const pages = referencePages(data).filter(
    p => inside(p.at, window) && p.engineers.includes(ref),
  );
  const whileOnCall = pages.filter(p => mine.some(span => inside(p.at, span)));
  let respondingMs = 0;
  let offRotationMs = 0;
  for (const p of pages) {
    const ack = Date.parse(p.page.acknowledgedAt ?? '');
    const resolved = Date.parse(p.page.resolvedAt ?? '');
    if (!(resolved > ack)) continue;
    respondingMs += resolved - ack;
    offRotationMs += resolved - ack - coveredMs(mine, [ack, resolved]);
  }
  const toil = input.toil
    .filter(
      t =>
        t.teamRef === TEAM &&
        t.userRef === ref &&
        inside(Date.parse(t.startedAt), window),
    )
    .reduce((sum, t) => sum + t.minutes, 0);
  const working = referenceToilRecorded(data)
    ? businessMinutes(window, zone, holidays)
    : 0;
  const windowMs = window[1] - window[0];
  const overLimit = [
    4 * onCallMs * 168 > 169 * windowMs && 'onCallWeeksPerMonth',
    onCallMs > 0 &&
      whileOnCall.length * 12 * HOUR > 2 * onCallMs &&
      'pagesPerShift',
    4 * onCallMs * 168 > 169 * windowMs && 'onCallShare',
    working > 0 && toil * 2 > working && 'toilShare',
  ].filter(Boolean);
  return {
    zone,
    onCallMs,
    pages: pages.length,
    pagesWhileOnCall: whileOnCall.length,
    offRotationPages: pages.length - whileOnCall.length,
    pagesPerShift:
      onCallMs > 0 ? (whileOnCall.length * 12 * HOUR) / onCallMs : null,
    offHoursPages: pages.filter(p => offHours(p.at, zone, holidays)).length,
    sleepHoursPages: pages.filter(p => sleepHours(p.at, zone)).length,
    respondingMinutes: respondingMs / MINUTE,
    respondingOffRotationMinutes: offRotationMs / MINUTE,
    toilMinutes: toil,
    toilShare: working > 0 ? toil / working : null,
    overLimit,
  };
}

function referencePages(data: Dataset) {
  const { input } = data;
  return input.pages
    .filter(p => !p.teamRef || p.teamRef === TEAM)
    .map(page => {
      const at = Date.parse(page.triggeredAt);
      const onCall = input.shifts
        .filter(s => s.teamRef === TEAM)
        .filter(s => inside(at, [Date.parse(s.startsAt), Date.parse(s.endsAt)]))
        .map(s => s.userRef);
      return {
        page,
        at,
        engineers: page.responderRef
          ? [page.responderRef]
          : [...new Set(onCall)],
      };
    });
}

/**
 * Whether the team has a toil entry in either window: without one there is
 * no toil source, and every toil share is null.
 */
function referenceToilRecorded(data: Dataset): boolean {
  const { input } = data;
  const end = Date.parse(input.now);
  const span: Span = [end - 2 * input.windowDays * DAY, end];
  return input.toil.some(
    t => t.teamRef === TEAM && inside(Date.parse(t.startedAt), span),
  );
}

/** Members, and everyone in the team's events touching either window. */
function referenceEngineers(data: Dataset): string[] {
  const { input } = data;
  const end = Date.parse(input.now);
  const span: Span = [end - 2 * input.windowDays * DAY, end];
  const refs = new Set(input.members.map(m => m.userRef));
  for (const s of input.shifts) {
    const [from, to] = [Date.parse(s.startsAt), Date.parse(s.endsAt)];
    if (s.teamRef === TEAM && from < span[1] && to > span[0])
      refs.add(s.userRef);
  }
  for (const p of referencePages(data)) {
    if (inside(p.at, span)) p.engineers.forEach(ref => refs.add(ref));
  }
  for (const t of input.toil) {
    if (t.teamRef === TEAM && inside(Date.parse(t.startedAt), span)) {
      refs.add(t.userRef);
    }
  }
  return [...refs].sort();
}

function referenceTeam(data: Dataset, window: Span) {
  const { input } = data;
  const holidays = input.workingTime.holidays;
  const shifts: Array<{ ref: string; span: Span }> = input.shifts
    .filter(s => s.teamRef === TEAM)
    .map(s => ({
      ref: s.userRef,
      span: [Date.parse(s.startsAt), Date.parse(s.endsAt)],
    }));
  const coverageMs = coveredMs(
    shifts.map(s => s.span),
    window,
  );
  const perPerson = PEOPLE.map(ref =>
    coveredMs(
      shifts.filter(s => s.ref === ref).map(s => s.span),
      window,
    ),
  );
  const personMs = perPerson.reduce((a, b) => a + b, 0);
  const windowMs = window[1] - window[0];
  const pages = referencePages(data).filter(p => inside(p.at, window));
  const zonesOf = (p: (typeof pages)[number]) =>
    p.engineers.length ? p.engineers.map(data.zoneOf) : [data.fallback];
  const toil = input.toil
    .filter(t => t.teamRef === TEAM && inside(Date.parse(t.startedAt), window))
    .reduce((sum, t) => sum + t.minutes, 0);
  const memberRefs = input.members.length
    ? input.members.map(m => m.userRef)
    : referenceEngineers(data);
  const working = referenceToilRecorded(data)
    ? memberRefs
        .map(ref => businessMinutes(window, data.zoneOf(ref), holidays))
        .reduce((a, b) => a + b, 0)
    : 0;
  const exactRequired =
    personMs > 0 ? Math.floor((4 * personMs + windowMs - 1) / windowMs) : 0;
  const rotationSize = perPerson.filter(ms => ms > 0).length;
  return {
    pages: pages.length,
    unattributedPages: pages.filter(p => p.engineers.length === 0).length,
    pagesPerShift:
      coverageMs > 0 ? (pages.length * 12 * HOUR) / coverageMs : null,
    offHoursPages: pages.filter(p =>
      zonesOf(p).some(zone => offHours(p.at, zone, holidays)),
    ).length,
    sleepHoursPages: pages.filter(p =>
      zonesOf(p).some(z => sleepHours(p.at, z)),
    ).length,
    toilMinutes: toil,
    toilShare: working > 0 ? toil / working : null,
    coverageMs,
    personMs,
    rotationSize,
    requiredRotationSize: exactRequired,
    overLimit: [
      coverageMs > 0 &&
        pages.length * 12 * HOUR > 2 * coverageMs &&
        'pagesPerShift',
      working > 0 && toil * 2 > working && 'toilShare',
      rotationSize < exactRequired && 'rotationSize',
    ].filter(Boolean),
  };
}

// ---- random datasets -----------------------------------------------------

const iso = (t: number) => new Date(t).toISOString();
const severity = fc.constantFrom<PageSeverity>(
  'critical',
  'high',
  'medium',
  'low',
);

const dataset = fc
  .record({
    clockChange: fc.constantFrom(...CLOCK_CHANGES),
    nowOffset: fc.integer({ min: -4 * DAY, max: 4 * DAY }),
    windowDays: fc.integer({ min: 1, max: 4 }),
    zones: fc.array(fc.option(fc.constantFrom(...ZONES, 'Mars/Olympus')), {
      minLength: 4,
      maxLength: 4,
    }),
    members: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    defaultTimezone: fc.constantFrom(
      'UTC',
      'Europe/Berlin',
      'America/Sao_Paulo',
    ),
    shifts: fc.array(
      fc.record({
        person: fc.integer({ min: 0, max: 3 }),
        otherTeam: fc.constantFrom(false, false, false, true),
        start: fc.double({ min: -1.2, max: 1.1, noNaN: true }),
        hours: fc.integer({ min: 1, max: 72 * 60 }).map(m => m / 60),
        touchPrevious: fc.boolean(),
      }),
      { maxLength: 10 },
    ),
    pages: fc.array(
      fc.record({
        at: fc.double({ min: -1.05, max: 1.05, noNaN: true }),
        team: fc.constantFrom<'team' | 'none' | 'other'>(
          'team',
          'team',
          'none',
          'other',
        ),
        responder: fc.option(fc.integer({ min: 0, max: 3 })),
        severity,
        ackAfter: fc.option(fc.integer({ min: 0, max: 120 * MINUTE })),
        resolveAfter: fc.option(fc.integer({ min: 0, max: 20 * HOUR })),
      }),
      { maxLength: 14 },
    ),
    // A shift right at a limit: a quarter of the window (the on-call share
    // and weeks limits, and one person's capacity), give or take 1 ms or the
    // clock-change hour's allowance.
    probe: fc.option(
      fc.record({
        person: fc.integer({ min: 0, max: 3 }),
        delta: fc.constantFrom(-1, 0, 1, 'allowance', 'allowance+1'),
      }),
    ),
    toil: fc.array(
      fc.record({
        person: fc.integer({ min: 0, max: 3 }),
        otherTeam: fc.boolean(),
        at: fc.double({ min: -1, max: 1, noNaN: true }),
        minutes: fc.integer({ min: 1, max: 900 }),
      }),
      { maxLength: 5 },
    ),
  })
  .map((raw): Dataset => {
    const now = raw.clockChange + raw.nowOffset;
    const windowMs = raw.windowDays * DAY;
    // Offsets are in windows relative to the current window's start.
    const at = (fraction: number) =>
      Math.round(now - windowMs + fraction * windowMs);
    let previousEnd: number | undefined;
    const shifts: OncallShift[] = raw.shifts.map((s, n) => {
      const start =
        s.touchPrevious && previousEnd !== undefined
          ? previousEnd
          : at(s.start);
      const end = start + Math.round(s.hours * HOUR);
      previousEnd = end;
      return {
        source: 'p',
        externalId: `s${n}`,
        teamRef: s.otherTeam ? OTHER : TEAM,
        userRef: PEOPLE[s.person],
        startsAt: iso(start),
        endsAt: iso(end),
      };
    });
    if (raw.probe) {
      const start = now - windowMs + HOUR;
      const allowance = Math.floor(windowMs / 4 / 168);
      const delta =
        typeof raw.probe.delta === 'number'
          ? raw.probe.delta
          : allowance + (raw.probe.delta === 'allowance' ? 0 : 1);
      shifts.push({
        source: 'p',
        externalId: 'probe',
        teamRef: TEAM,
        userRef: PEOPLE[raw.probe.person],
        startsAt: iso(start),
        endsAt: iso(start + windowMs / 4 + delta),
      });
    }
    const pages: OncallPage[] = raw.pages.map((p, n) => {
      const triggered = at(p.at);
      const ack = p.ackAfter === null ? undefined : triggered + p.ackAfter;
      const resolved =
        p.resolveAfter === null
          ? undefined
          : (ack ?? triggered) + p.resolveAfter;
      return {
        source: 'p',
        externalId: `p${n}`,
        severity: p.severity,
        triggeredAt: iso(triggered),
        ...(p.team === 'none'
          ? {}
          : { teamRef: p.team === 'team' ? TEAM : OTHER }),
        ...(p.responder === null ? {} : { responderRef: PEOPLE[p.responder] }),
        ...(ack === undefined ? {} : { acknowledgedAt: iso(ack) }),
        ...(resolved === undefined ? {} : { resolvedAt: iso(resolved) }),
      };
    });
    const toil: ToilEntry[] = raw.toil.map((t, n) => ({
      source: 'p',
      externalId: `t${n}`,
      teamRef: t.otherTeam ? OTHER : TEAM,
      userRef: PEOPLE[t.person],
      startedAt: iso(at(t.at)),
      minutes: t.minutes,
    }));
    const people: PersonTimezone[] = PEOPLE.flatMap((ref, i) =>
      raw.zones[i] ? [{ userRef: ref, timezone: raw.zones[i]! }] : [],
    );
    const isMember = (ref: string) => raw.members[PEOPLE.indexOf(ref)];
    const known = new Map(
      people
        .filter(p => p.timezone !== 'Mars/Olympus')
        .map(p => [p.userRef, p.timezone]),
    );
    const holiday = iso(now - HOLIDAY_OFFSET_DAYS * DAY).slice(0, 10);
    return {
      input: {
        teamRef: TEAM,
        now: iso(now),
        windowDays: raw.windowDays,
        members: PEOPLE.filter(isMember).map(userRef => ({
          userRef,
          timezone:
            people.find(p => p.userRef === userRef)?.timezone ??
            raw.defaultTimezone,
        })),
        others: people.filter(p => !isMember(p.userRef)),
        defaultTimezone: raw.defaultTimezone,
        shifts,
        pages,
        toil,
        limits: DEFAULT_BURDEN_LIMITS,
        workingTime: { ...DEFAULT_WORKING_TIME, holidays: [holiday] },
      },
      zoneOf: ref => known.get(ref) ?? raw.defaultTimezone,
      fallback: raw.defaultTimezone,
    };
  });

// ---- the properties --------------------------------------------------------

const close = (value: number | null, expected: number | null) => {
  if (expected === null) {
    expect(value).toBeNull();
  } else {
    expect(value).not.toBeNull();
    expect(value!).toBeCloseTo(expected, 9);
  }
};

describe('computeTeamBurden against a minute-by-minute reference', () => {
  it('agrees on every figure and verdict of every engineer and the team', () => {
    fc.assert(
      fc.property(dataset, data => {
        const burden = computeTeamBurden(data.input);
        const end = Date.parse(data.input.now);
        const length = data.input.windowDays * DAY;
        const windows: Array<['current' | 'previous', Span]> = [
          ['current', [end - length, end]],
          ['previous', [end - 2 * length, end - length]],
        ];
        for (const engineer of burden.engineers ?? []) {
          for (const [which, window] of windows) {
            const expected = referenceEngineer(data, engineer.userRef, window);
            const actual = engineer[which];
            expect(engineer.timezone).toBe(expected.zone);
            expect(Math.round(actual.onCallHours * HOUR)).toBe(
              expected.onCallMs,
            );
            expect(actual).toMatchObject({
              pages: expected.pages,
              pagesWhileOnCall: expected.pagesWhileOnCall,
              offRotationPages: expected.offRotationPages,
              offHoursPages: expected.offHoursPages,
              sleepHoursPages: expected.sleepHoursPages,
              toilMinutes: expected.toilMinutes,
            });
            close(actual.pagesPerShift, expected.pagesPerShift);
            close(actual.toilShare, expected.toilShare);
            close(actual.respondingMinutes, expected.respondingMinutes);
            close(
              actual.respondingOffRotationMinutes,
              expected.respondingOffRotationMinutes,
            );
          }
          const [, current] = windows[0];
          expect(engineer.overLimit).toEqual(
            referenceEngineer(data, engineer.userRef, current).overLimit,
          );
        }
        for (const [which, window] of windows) {
          const expected = referenceTeam(data, window);
          const actual = burden[which];
          expect(actual).toMatchObject({
            pages: expected.pages,
            unattributedPages: expected.unattributedPages,
            offHoursPages: expected.offHoursPages,
            sleepHoursPages: expected.sleepHoursPages,
            toilMinutes: expected.toilMinutes,
            rotationSize: expected.rotationSize,
            requiredRotationSize: expected.requiredRotationSize,
            overLimit: expected.overLimit,
          });
          expect(Math.round(actual.coverageHours * HOUR)).toBe(
            expected.coverageMs,
          );
          expect(Math.round(actual.personHours * HOUR)).toBe(expected.personMs);
          close(actual.pagesPerShift, expected.pagesPerShift);
          close(actual.toilShare, expected.toilShare);
        }
        // Everyone who appears is listed, members or not.
        expect((burden.engineers ?? []).map(e => e.userRef)).toEqual(
          referenceEngineers(data),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same burden from instants read as epoch milliseconds, as the store reads them', () => {
    const millis = (instant: string | undefined) =>
      instant === undefined ? undefined : Date.parse(instant);
    fc.assert(
      fc.property(dataset, ({ input }) => {
        const fromStore: TeamBurdenInput = {
          ...input,
          shifts: input.shifts.map(s => ({
            teamRef: s.teamRef,
            userRef: s.userRef,
            startsAt: Date.parse(s.startsAt),
            endsAt: Date.parse(s.endsAt),
          })),
          pages: input.pages.map(p => ({
            teamRef: p.teamRef,
            responderRef: p.responderRef,
            severity: p.severity,
            triggeredAt: Date.parse(p.triggeredAt),
            acknowledgedAt: millis(p.acknowledgedAt),
            resolvedAt: millis(p.resolvedAt),
          })),
          toil: input.toil.map(t => ({
            teamRef: t.teamRef,
            userRef: t.userRef,
            startedAt: Date.parse(t.startedAt),
            minutes: t.minutes,
          })),
        };
        expect(computeTeamBurden(fromStore)).toEqual(computeTeamBurden(input));
      }),
      { numRuns: 60 },
    );
  });
});
