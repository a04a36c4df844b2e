/**
 * The rotation outlook against a deliberately simple reference written here:
 * it walks every minute of the outlook, reads each person's wall clock
 * straight from Intl, and counts. Random teams in zones of both
 * hemispheres, weeks around daylight-saving changes, overlapping shifts and
 * absences, members and outsiders, round-the-clock and weekly cover, and a
 * `now` at any minute of the first week.
 */
import fc from 'fast-check';
import { DEFAULT_WORKING_TIME, WorkingTime } from '../burden/types';
import { computeRotationOutlook } from './outlook';
import { CoverRequirement, PlanWeekday, RotationOutlookInput } from './types';

jest.setTimeout(180_000);

const TEAM = 'group:default/alpha';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MEMBERS = ['ana', 'bo', 'cy'].map(name => `user:default/${name}`);
const OUTSIDER = 'user:default/zed';
const ZONES = [
  'UTC',
  'Europe/London',
  'America/New_York',
  'Australia/Sydney',
  'Asia/Kolkata',
  'Asia/Kathmandu',
];
/** Mondays before daylight-saving changes, north and south. */
const FIRST_WEEKS = [
  '2026-03-02T00:00:00Z', // New York springs forward on the 8th
  '2026-03-23T00:00:00Z', // London springs forward on the 29th
  '2026-03-30T00:00:00Z', // Sydney falls back on 5 April
  '2026-10-19T00:00:00Z', // London falls back on the 25th
  '2026-06-15T00:00:00Z', // no change
].map(Date.parse);
const DAYS: PlanWeekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const WEEKS = 2;

/** The wall clock of a zone at an instant, from Intl alone. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function wall(instant: number, timeZone: string) {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(
    format.formatToParts(instant).map(part => [part.type, part.value]),
  );
  return {
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(
      parts.weekday,
    ),
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}
const clock = (text: string) =>
  Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));

function asleepAt(instant: number, zone: string, working: WorkingTime) {
  const { minute } = wall(instant, zone);
  const start = clock(working.sleepStart);
  const end = clock(working.sleepEnd);
  return start <= end
    ? minute >= start && minute < end
    : minute >= start || minute < end;
}

function requiredAt(instant: number, cover: CoverRequirement) {
  if (cover.type === '24x7') return true;
  const local = wall(instant, cover.timezone);
  return cover.windows.some(
    w =>
      DAYS.indexOf(w.day) === (local.weekday + 6) % 7 &&
      local.minute >= clock(w.start) &&
      local.minute < clock(w.end),
  );
}

const within = (list: Array<{ startsAt: number; endsAt: number }>, t: number) =>
  list.some(item => t >= item.startsAt && t < item.endsAt);

/** Everything the outlook says, counted minute by minute. */
function reference(input: RotationOutlookInput & { now: number }) {
  const cover = input.cover ?? { type: '24x7' as const };
  const zone = new Map<string, string>();
  for (const p of [...input.members, ...(input.others ?? [])]) {
    zone.set(p.userRef, p.timezone);
  }
  const shifts = input.shifts as Array<{
    userRef: string;
    startsAt: number;
    endsAt: number;
  }>;
  const absences = input.absences as Array<{
    userRef: string;
    startsAt: number;
    endsAt: number;
  }>;
  const people = [
    ...new Set([
      ...input.members.map(m => m.userRef),
      ...shifts.map(s => s.userRef),
      ...absences.map(a => a.userRef),
    ]),
  ];
  for (const ref of people)
    if (!zone.has(ref)) zone.set(ref, input.defaultTimezone);
  const members = new Set(input.members.map(m => m.userRef));
  const onCall = (ref: string, t: number) =>
    within(
      shifts.filter(s => s.userRef === ref),
      t,
    );
  const away = (ref: string, t: number) =>
    within(
      absences.filter(a => a.userRef === ref),
      t,
    );
  const firstWeek =
    Math.floor((input.now - Date.parse('2026-01-05T00:00:00Z')) / WEEK) * WEEK +
    Date.parse('2026-01-05T00:00:00Z');
  const weeks = [];
  let scheduled = 0;
  let asleepScheduled = 0;
  const limitTwice = input.limits.onCallWeeksPerMonth * 2;
  for (let w = 0; w < WEEKS; w++) {
    const start = firstWeek + w * WEEK;
    const end = start + WEEK;
    let hole = 0;
    let required = 0;
    const conflicts = new Map<string, number>();
    for (let t = Math.max(start, input.now); t < end; t += MINUTE) {
      const sleeping = new Map(
        people.map(p => [p, asleepAt(t, zone.get(p)!, input.workingTime)]),
      );
      let covered = false;
      for (const p of people) {
        if (!onCall(p, t)) continue;
        scheduled += 1;
        if (sleeping.get(p)) asleepScheduled += 1;
        if (away(p, t)) {
          conflicts.set(`${p} absent`, (conflicts.get(`${p} absent`) ?? 0) + 1);
          continue;
        }
        covered = true;
        const someoneFree = people.some(
          q =>
            q !== p &&
            members.has(q) &&
            !onCall(q, t) &&
            !away(q, t) &&
            !sleeping.get(q),
        );
        if (sleeping.get(p) && someoneFree) {
          conflicts.set(`${p} asleep`, (conflicts.get(`${p} asleep`) ?? 0) + 1);
        }
      }
      if (requiredAt(t, cover)) {
        required += 1;
        if (!covered) hole += 1;
      }
    }
    const perPerson = new Map<string, { minutes: number; window: number }>();
    for (const p of people) {
      let minutes = 0;
      let window = 0;
      for (let t = end - 28 * DAY; t < end; t += MINUTE) {
        if (!onCall(p, t)) continue;
        window += 1;
        if (t >= start) minutes += 1;
      }
      perPerson.set(p, { minutes, window });
    }
    // Over the limit: window minutes / 10,080 > limit, in integers.
    const over = people.filter(
      p => perPerson.get(p)!.window * 2 > limitTwice * 7 * 24 * 60,
    );
    let requiredWindow = 0;
    let requiredWeek = 0;
    for (let t = end - 28 * DAY; t < end; t += MINUTE) {
      if (requiredAt(t, cover)) {
        requiredWindow += 1;
        if (t >= start) requiredWeek += 1;
      }
    }
    const size = Math.ceil((requiredWindow * 2) / (limitTwice * 7 * 24 * 60));
    const available = [...members].filter(p => {
      let absentRequired = 0;
      for (let t = start; t < end; t += MINUTE) {
        if (away(p, t) && requiredAt(t, cover)) absentRequired += 1;
      }
      return requiredWeek === 0 || 2 * absentRequired < requiredWeek;
    }).length;
    weeks.push({
      hole,
      required,
      conflicts: Object.fromEntries([...conflicts].sort()),
      scheduled: Object.fromEntries(
        people
          .filter(p => members.has(p) || perPerson.get(p)!.window > 0)
          .map(p => [p, perPerson.get(p)!.minutes])
          .sort(),
      ),
      over: over
        .filter(p => members.has(p) || perPerson.get(p)!.window > 0)
        .sort(),
      size,
      available,
      breaks:
        over.length > 0 || hole > 0 || conflicts.size > 0 || available < size,
    });
  }
  return {
    weeks,
    sleepShare: scheduled ? asleepScheduled / scheduled : null,
  };
}

/** What the engine said, in the reference's terms. */
function observed(input: RotationOutlookInput) {
  const outlook = computeRotationOutlook(input);
  const minutes = (hours: number) => Math.round(hours * 60);
  return {
    weeks: outlook.weeks.map(week => {
      const conflicts = new Map<string, number>();
      for (const c of week.conflicts) {
        const key = `${c.userRef} ${c.kind}`;
        conflicts.set(key, (conflicts.get(key) ?? 0) + c.minutes);
      }
      return {
        hole: minutes(week.holeHours),
        required: minutes(week.requiredHours),
        conflicts: Object.fromEntries([...conflicts].sort()),
        scheduled: Object.fromEntries(
          week.people.map(p => [p.userRef, minutes(p.scheduledHours)]).sort(),
        ),
        over: week.people
          .filter(p => p.overLimit)
          .map(p => p.userRef)
          .sort(),
        size: week.requiredRotationSize,
        available: week.availablePeople,
        breaks: week.breaks,
      };
    }),
    sleepShare: outlook.sleepShare,
  };
}

const clockArb = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
  .map(
    ([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
  );

const inputArb = fc
  .record({
    first: fc.constantFrom(...FIRST_WEEKS),
    nowMinute: fc.integer({ min: 0, max: 7 * 24 * 60 - 1 }),
    zones: fc.array(fc.constantFrom(...ZONES), { minLength: 4, maxLength: 4 }),
    shifts: fc.array(
      fc.record({
        who: fc.integer({ min: 0, max: 3 }),
        startMinute: fc.integer({ min: -30 * 24 * 60, max: 15 * 24 * 60 }),
        minutes: fc.integer({ min: 30, max: 8 * 24 * 60 }),
      }),
      { maxLength: 12 },
    ),
    absences: fc.array(
      fc.record({
        who: fc.integer({ min: 0, max: 2 }),
        startMinute: fc.integer({ min: -2 * 24 * 60, max: 14 * 24 * 60 }),
        minutes: fc.integer({ min: 60, max: 6 * 24 * 60 }),
      }),
      { maxLength: 3 },
    ),
    limit: fc.constantFrom(0.5, 1, 2),
    sleepStart: clockArb,
    sleepEnd: clockArb,
    weekly: fc.option(
      fc.record({
        zone: fc.constantFrom(...ZONES),
        windows: fc.array(
          fc
            .record({
              day: fc.constantFrom(...DAYS),
              start: fc.integer({ min: 0, max: 47 }),
              length: fc.integer({ min: 1, max: 48 }),
            })
            .map(w => ({
              day: w.day,
              start: `${String(Math.floor(w.start / 2)).padStart(2, '0')}:${
                w.start % 2 ? '30' : '00'
              }`,
              end: (() => {
                const end = Math.min(48, w.start + w.length);
                return `${String(Math.floor(end / 2)).padStart(2, '0')}:${
                  end % 2 ? '30' : '00'
                }`;
              })(),
            })),
          { minLength: 1, maxLength: 3 },
        ),
      }),
      { nil: undefined },
    ),
  })
  .filter(r => r.sleepStart !== r.sleepEnd)
  .map(r => {
    const people = [...MEMBERS, OUTSIDER];
    const now = r.first + r.nowMinute * MINUTE;
    const input: RotationOutlookInput & { now: number } = {
      teamRef: TEAM,
      now,
      weeks: WEEKS,
      members: MEMBERS.map((userRef, i) => ({ userRef, timezone: r.zones[i] })),
      others: [{ userRef: OUTSIDER, timezone: r.zones[3] }],
      defaultTimezone: 'UTC',
      shifts: r.shifts.map(s => ({
        teamRef: TEAM,
        userRef: people[s.who],
        startsAt: r.first + s.startMinute * MINUTE,
        endsAt: r.first + (s.startMinute + s.minutes) * MINUTE,
      })),
      absences: r.absences.map(a => ({
        userRef: MEMBERS[a.who],
        startsAt: r.first + a.startMinute * MINUTE,
        endsAt: r.first + (a.startMinute + a.minutes) * MINUTE,
      })),
      limits: {
        onCallWeeksPerMonth: r.limit,
        pagesPerShift: 2,
        onCallShare: 0.25,
        toilShare: 0.5,
      },
      workingTime: {
        ...DEFAULT_WORKING_TIME,
        sleepStart: r.sleepStart,
        sleepEnd: r.sleepEnd,
      },
      cover: r.weekly
        ? { type: 'weekly', timezone: r.weekly.zone, windows: r.weekly.windows }
        : { type: '24x7' },
    };
    return input;
  });

describe('rotation outlook against a minute-by-minute reference', () => {
  it('agrees on every figure of every week', () => {
    fc.assert(
      fc.property(inputArb, input => {
        const expected = reference(input);
        const actual = observed(input);
        expect(actual.weeks).toEqual(expected.weeks);
        expect(actual.sleepShare === null).toBe(expected.sleepShare === null);
        expect(actual.sleepShare ?? 0).toBeCloseTo(
          expected.sleepShare ?? 0,
          12,
        );
      }),
      { numRuns: 25 },
    );
  });
});
