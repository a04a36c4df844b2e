/**
 * The follow-the-sun search against brute force: sleep minutes per zone and
 * slot read minute by minute straight from Intl, and every split of the day
 * into 1 to 3 spans with every assignment of distinct zones tried in full.
 */
import fc from 'fast-check';
import { canonicalTimezone } from '../burden/localTime';
import { DEFAULT_WORKING_TIME, WorkingTime } from '../burden/types';
import { proposeFollowTheSun } from './followTheSun';

jest.setTimeout(180_000);

const ZONES = [
  'Europe/Berlin',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'Australia/Sydney',
  'Asia/Kathmandu',
  'America/Sao_Paulo',
  'UTC',
];

function sleepingMinutes(
  zone: string,
  dayStart: number,
  working: WorkingTime,
  grid: number,
): number[] {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
  });
  const clock = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  const [start, end] = [clock(working.sleepStart), clock(working.sleepEnd)];
  const slots = new Array((24 * 60) / grid).fill(0);
  for (let m = 0; m < 24 * 60; m++) {
    const parts = Object.fromEntries(
      format
        .formatToParts(dayStart + m * 60_000)
        .map(part => [part.type, part.value]),
    );
    const local = Number(parts.hour) * 60 + Number(parts.minute);
    const asleep =
      start <= end
        ? local >= start && local < end
        : local >= start || local < end;
    if (asleep) slots[Math.floor(m / grid)] += 1;
  }
  return slots;
}

/** Every plan, scored, the best by the documented order. */
function bruteForce(zones: string[], costs: Map<string, number[]>) {
  const slots = costs.get(zones[0])!.length;
  const plans: Array<{ key: (number | string)[]; plan: string }> = [];
  const score = (bounds: number[], assigned: string[]) => {
    let sleep = 0;
    const lengths: number[] = [];
    for (let i = 0; i < assigned.length; i++) {
      let from = 0;
      let to = slots;
      if (bounds.length) {
        from = bounds[i];
        to = i + 1 < bounds.length ? bounds[i + 1] : bounds[0] + slots;
      }
      lengths.push(to - from);
      for (let s = from; s < to; s++)
        sleep += costs.get(assigned[i])![s % slots];
    }
    const spread = Math.max(...lengths) - Math.min(...lengths);
    plans.push({
      key: [sleep, bounds.length, spread, ...bounds, ...assigned],
      plan: JSON.stringify({ bounds, assigned, sleep }),
    });
  };
  for (const zone of zones) score([], [zone]);
  for (let a = 0; a < slots; a++) {
    for (let b = a + 1; b < slots; b++) {
      for (const x of zones)
        for (const y of zones) if (x !== y) score([a, b], [x, y]);
      for (let c = b + 1; c < slots; c++) {
        for (const x of zones)
          for (const y of zones)
            for (const z of zones)
              if (x !== y && y !== z && x !== z) score([a, b, c], [x, y, z]);
      }
    }
  }
  // Sleep, hand-offs, spread as numbers; then bounds; then zone names.
  const compare = (p: (number | string)[], q: (number | string)[]) => {
    for (let i = 0; i < 3; i++)
      if (p[i] !== q[i]) return (p[i] as number) - (q[i] as number);
    const pb = p.slice(3, 3 + (p[1] as number));
    const qb = q.slice(3, 3 + (q[1] as number));
    for (let i = 0; i < pb.length; i++)
      if (pb[i] !== qb[i]) return (pb[i] as number) - (qb[i] as number);
    const pz = p.slice(3 + (p[1] as number)).join('\u0000');
    const qz = q.slice(3 + (q[1] as number)).join('\u0000');
    if (pz === qz) return 0;
    return pz < qz ? -1 : 1;
  };
  plans.sort((p, q) => compare(p.key, q.key));
  return JSON.parse(plans[0].plan) as {
    bounds: number[];
    assigned: string[];
    sleep: number;
  };
}

const hhmm = (slot: number, grid: number) =>
  `${String(Math.floor((slot * grid) / 60) % 24).padStart(2, '0')}:${String(
    (slot * grid) % 60,
  ).padStart(2, '0')}`;

describe('proposeFollowTheSun', () => {
  it('splits a Berlin and Los Angeles team so neither is on call asleep (worked by hand)', () => {
    // 15 January: Berlin is UTC+1, sleeping 22:00–06:00 UTC; Los Angeles
    // is UTC−8, sleeping 07:00–15:00 UTC. Berlin from 06:00 to 18:00 UTC and
    // Los Angeles from 18:00 to 06:00 has no sleep and an even split; so do
    // 06:30/18:30 and 07:00/19:00, and the earliest hand-off wins.
    const plan = proposeFollowTheSun({
      members: [
        { userRef: 'user:default/jana', timezone: 'Europe/Berlin' },
        { userRef: 'user:default/lee', timezone: 'America/Los_Angeles' },
        { userRef: 'user:default/max', timezone: 'Europe/Berlin' },
      ],
      workingTime: DEFAULT_WORKING_TIME,
      day: '2026-01-15T10:00:00Z',
    });
    expect(plan).toEqual({
      day: '2026-01-15',
      handOffs: 2,
      sleepMinutesPerDay: 0,
      sites: [
        {
          timezone: 'Europe/Berlin',
          members: ['user:default/jana', 'user:default/max'],
          from: '06:00',
          to: '18:00',
          hours: 12,
          sleepMinutes: 0,
        },
        {
          timezone: 'America/Los_Angeles',
          members: ['user:default/lee'],
          from: '18:00',
          to: '06:00',
          hours: 12,
          sleepMinutes: 0,
        },
      ],
    });
  });

  it('keeps one site with no hand-offs when a second site would not save sleep', () => {
    const plan = proposeFollowTheSun({
      members: [
        { userRef: 'user:default/a', timezone: 'Europe/Berlin' },
        { userRef: 'user:default/b', timezone: 'Europe/Paris' },
      ],
      workingTime: DEFAULT_WORKING_TIME,
      day: '2026-01-15T00:00:00Z',
    });
    // Same clock: splitting saves nothing, so one site (Berlin, by name).
    expect(plan?.handOffs).toBe(0);
    expect(plan?.sites.map(s => [s.timezone, s.from, s.to])).toEqual([
      ['Europe/Berlin', '00:00', '00:00'],
    ]);
    expect(plan?.sleepMinutesPerDay).toBe(8 * 60);
  });

  it('finds the plan brute force finds, on the 30-minute grid', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...ZONES), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.constantFrom(
          '2026-01-15T00:00:00Z',
          '2026-03-29T00:00:00Z', // Europe changes clocks
          '2026-04-05T00:00:00Z', // Sydney changes clocks
          '2026-07-01T00:00:00Z',
        ),
        fc.constantFrom(
          ['23:00', '07:00'],
          ['22:30', '06:30'],
          ['01:00', '09:00'],
          ['00:00', '05:45'],
        ),
        (zones, day, [sleepStart, sleepEnd]) => {
          const working = { ...DEFAULT_WORKING_TIME, sleepStart, sleepEnd };
          const dayStart = Date.parse(day);
          // Sites are named by the runtime's canonical zone (Asia/Katmandu).
          const canonical = zones.map(canonicalTimezone);
          const costs = new Map(
            canonical.map(zone => [
              zone,
              sleepingMinutes(zone, dayStart, working, 30),
            ]),
          );
          const expected = bruteForce([...canonical].sort(), costs);
          const plan = proposeFollowTheSun({
            members: zones.map((zone, i) => ({
              userRef: `user:default/p${i}`,
              timezone: zone,
            })),
            workingTime: working,
            day,
          })!;
          expect(plan.sleepMinutesPerDay).toBe(expected.sleep);
          expect(plan.sites.map(site => site.timezone)).toEqual(
            expected.assigned,
          );
          expect(plan.sites.map(site => site.from)).toEqual(
            expected.bounds.length
              ? expected.bounds.map(b => hhmm(b, 30))
              : ['00:00'],
          );
        },
      ),
      { numRuns: 12 },
    );
  });
});
