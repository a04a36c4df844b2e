/**
 * Cover proposals against a simple sequential reference: on-call time kept
 * as one flag per minute and person, sleep read from Intl minute by minute,
 * every rule applied as docs/rotation-planning.md words it.
 */
import fc from 'fast-check';
import { DEFAULT_WORKING_TIME, WorkingTime } from '../burden/types';
import { proposeCover } from './cover';
import { RotationOutlookInput } from './types';

jest.setTimeout(180_000);

const TEAM = 'group:default/alpha';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const WEEK = 7 * DAY;
const MEMBERS = ['ana', 'bo', 'cy', 'di'].map(n => `user:default/${n}`);
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo'];
const FIRST = Date.parse('2026-03-23T00:00:00Z'); // a Monday; Berlin changes clocks that week

function reference(input: RotationOutlookInput & { now: number }) {
  const weeks = [0, 1].map(i => ({
    start: FIRST + i * WEEK,
    end: FIRST + (i + 1) * WEEK,
  }));
  const end = weeks[1].end;
  const lo = Math.min(input.now - 90 * DAY, FIRST - 28 * DAY);
  const n = (end - lo) / MINUTE;
  const idx = (t: number) => (t - lo) / MINUTE;
  const fill = (
    items: Array<{ userRef: string; startsAt: unknown; endsAt: unknown }>,
  ) => {
    const flags = new Map(MEMBERS.map(m => [m, new Uint8Array(n)]));
    for (const item of items) {
      const a = Math.max(lo, item.startsAt as number);
      const b = Math.min(end, item.endsAt as number);
      for (let t = a; t < b; t += MINUTE) flags.get(item.userRef)![idx(t)] = 1;
    }
    return flags;
  };
  const onCall = fill(input.shifts);
  const away = fill(input.absences);
  const zone = new Map(input.members.map(m => [m.userRef, m.timezone]));
  const limitQuarters = input.limits.onCallWeeksPerMonth * 4;
  const over = (minutes: number) => minutes * 4 > limitQuarters * 7 * 24 * 60;
  const count = (flags: Uint8Array, a: number, b: number) => {
    let c = 0;
    for (let t = Math.max(a, lo); t < Math.min(b, end); t += MINUTE)
      c += flags[idx(t)];
    return c;
  };
  // Pieces: maximal runs of on-call minutes with the same week and absence.
  const pieces: Array<{ userRef: string; start: number; end: number }> = [];
  for (const ref of MEMBERS) {
    let run: { start: number; key: string } | undefined;
    for (let t = input.now; t <= end; t += MINUTE) {
      const on = t < end && onCall.get(ref)![idx(t)] === 1;
      const key = on
        ? `${Math.floor((t - FIRST) / WEEK)}:${away.get(ref)![idx(t)]}`
        : '';
      if (run && (!on || key !== run.key)) {
        pieces.push({ userRef: ref, start: run.start, end: t });
        run = undefined;
      }
      if (on && !run) run = { start: t, key };
    }
  }
  pieces.sort(
    (a, b) => a.start - b.start || a.userRef.localeCompare(b.userRef),
  );
  const format = new Map<string, Intl.DateTimeFormat>();
  const asleep = (t: number, z: string, w: WorkingTime) => {
    if (!format.has(z))
      format.set(
        z,
        new Intl.DateTimeFormat('en-US', {
          timeZone: z,
          hourCycle: 'h23',
          hour: '2-digit',
          minute: '2-digit',
        }),
      );
    const parts = Object.fromEntries(
      format
        .get(z)!
        .formatToParts(t)
        .map(p => [p.type, p.value]),
    );
    const m = Number(parts.hour) * 60 + Number(parts.minute);
    const c = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
    const [s, e] = [c(w.sleepStart), c(w.sleepEnd)];
    return s <= e ? m >= s && m < e : m >= s || m < e;
  };
  const results = [];
  for (const piece of pieces) {
    const holder = piece.userRef;
    const overlapping = weeks.filter(
      w => w.end - 28 * DAY < piece.end && w.end > piece.start,
    );
    let reason: 'absent' | 'over-limit' | undefined;
    if (count(away.get(holder)!, piece.start, piece.end) > 0) {
      reason = 'absent';
    } else if (
      overlapping.some(w =>
        over(count(onCall.get(holder)!, w.end - 28 * DAY, w.end)),
      )
    ) {
      reason = 'over-limit';
    }
    if (!reason) continue;
    const eligible = MEMBERS.filter(ref => ref !== holder)
      .filter(ref => count(away.get(ref)!, piece.start, piece.end) === 0)
      .filter(ref => count(onCall.get(ref)!, piece.start, piece.end) === 0)
      .filter(
        ref =>
          !overlapping.some(w =>
            over(
              count(onCall.get(ref)!, w.end - 28 * DAY, w.end) +
                (Math.min(piece.end, w.end) -
                  Math.max(piece.start, w.end - 28 * DAY)) /
                  MINUTE,
            ),
          ),
      )
      .map(ref => {
        let sleeping = 0;
        for (let t = piece.start; t < piece.end; t += MINUTE)
          if (asleep(t, zone.get(ref)!, input.workingTime)) sleeping += 1;
        return {
          userRef: ref,
          minutes: count(onCall.get(ref)!, input.now - 90 * DAY, end),
          awake: 2 * sleeping < (piece.end - piece.start) / MINUTE,
        };
      });
    const anyAwake = eligible.some(c => c.awake);
    const ranked = eligible
      .filter(c => !anyAwake || c.awake)
      .sort(
        (a, b) => a.minutes - b.minutes || a.userRef.localeCompare(b.userRef),
      );
    const proposed = ranked[0]?.userRef;
    if (proposed) {
      for (let t = piece.start; t < piece.end; t += MINUTE) {
        onCall.get(holder)![idx(t)] = 0;
        onCall.get(proposed)![idx(t)] = 1;
      }
    }
    results.push({
      holder,
      from: new Date(piece.start).toISOString(),
      to: new Date(piece.end).toISOString(),
      reason,
      proposed,
      candidates: ranked.map(c => c.userRef),
    });
  }
  return results;
}

const inputArb = fc
  .record({
    nowMinute: fc.integer({ min: 0, max: 7 * 24 * 60 - 1 }),
    zones: fc.array(fc.constantFrom(...ZONES), { minLength: 4, maxLength: 4 }),
    shifts: fc.array(
      fc.record({
        who: fc.integer({ min: 0, max: 3 }),
        startMinute: fc.integer({ min: -40 * 24 * 60, max: 14 * 24 * 60 }),
        minutes: fc.integer({ min: 60, max: 9 * 24 * 60 }),
      }),
      { minLength: 1, maxLength: 10 },
    ),
    absences: fc.array(
      fc.record({
        who: fc.integer({ min: 0, max: 3 }),
        startMinute: fc.integer({ min: 0, max: 13 * 24 * 60 }),
        minutes: fc.integer({ min: 60, max: 5 * 24 * 60 }),
      }),
      { maxLength: 3 },
    ),
    limit: fc.constantFrom(0.5, 1, 1.25),
    sleep: fc.constantFrom(
      ['23:00', '07:00'],
      ['01:00', '09:00'],
      ['22:00', '05:30'],
    ),
  })
  .map(r => {
    const input: RotationOutlookInput & { now: number } = {
      teamRef: TEAM,
      now: FIRST + r.nowMinute * MINUTE,
      weeks: 2,
      members: MEMBERS.map((userRef, i) => ({ userRef, timezone: r.zones[i] })),
      defaultTimezone: 'UTC',
      shifts: r.shifts.map(s => ({
        teamRef: TEAM,
        userRef: MEMBERS[s.who],
        startsAt: FIRST + s.startMinute * MINUTE,
        endsAt: FIRST + (s.startMinute + s.minutes) * MINUTE,
      })),
      absences: r.absences.map(a => ({
        userRef: MEMBERS[a.who],
        startsAt: FIRST + a.startMinute * MINUTE,
        endsAt: FIRST + (a.startMinute + a.minutes) * MINUTE,
      })),
      limits: {
        onCallWeeksPerMonth: r.limit,
        pagesPerShift: 2,
        onCallShare: 0.25,
        toilShare: 0.5,
      },
      workingTime: {
        ...DEFAULT_WORKING_TIME,
        sleepStart: r.sleep[0],
        sleepEnd: r.sleep[1],
      },
    };
    return input;
  });

describe('proposeCover against a minute-by-minute reference', () => {
  it('proposes the same people for the same time, in the same order', () => {
    const seen = { absent: 0, overLimit: 0, proposed: 0, nobody: 0 };
    fc.assert(
      fc.property(inputArb, input => {
        const actual = proposeCover(input).map(p => ({
          holder: p.shift.userRef,
          from: p.shift.from,
          to: p.shift.to,
          reason: p.reason,
          proposed: p.proposed,
          candidates: p.candidates.map(c => c.userRef),
        }));
        expect(actual).toEqual(reference(input));
        for (const p of actual) {
          if (p.reason === 'absent') seen.absent += 1;
          else seen.overLimit += 1;
          if (p.proposed) seen.proposed += 1;
          else seen.nobody += 1;
        }
      }),
      { numRuns: 30 },
    );
    // The runs reached every branch, so agreeing meant something.
    expect(seen.absent).toBeGreaterThan(0);
    expect(seen.overLimit).toBeGreaterThan(0);
    expect(seen.proposed).toBeGreaterThan(0);
    expect(seen.nobody).toBeGreaterThan(0);
  });
});
