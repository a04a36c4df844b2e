/**
 * The band splitter against a deliberately simple reference: step through
 * the range one minute at a time and read each minute's wall clock straight
 * from Intl in the person's zone. Random ranges around daylight-saving
 * changes of both hemispheres, in several zones, with global and regional
 * holidays.
 */
import fc from 'fast-check';
import { COMPENSATION_BANDS, CompensationBand, splitByBand } from './bands';
import { DEFAULT_WORKING_TIME, WorkingTime } from './types';

jest.setTimeout(120_000);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Australia/Sydney',
  'Asia/Tokyo',
  'Asia/Kolkata',
];
/** Instants right at daylight-saving changes, north and south. */
const CLOCK_CHANGES = [
  '2026-03-08T07:00:00Z', // New York, spring forward
  '2026-03-29T01:00:00Z', // Berlin, spring forward
  '2026-04-04T16:00:00Z', // Sydney, fall back
  '2026-10-03T16:00:00Z', // Sydney, spring forward
  '2026-10-25T01:00:00Z', // Berlin, fall back
  '2026-11-01T06:00:00Z', // New York, fall back
].map(Date.parse);

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

function referenceBand(
  instant: number,
  zone: string,
  wt: WorkingTime,
): CompensationBand {
  const local = wallClock(instant, zone);
  const regional = (wt.regionalHolidays ?? [])
    .filter(calendar => calendar.timezones.includes(zone))
    .flatMap(calendar => calendar.dates);
  if ([...wt.holidays, ...regional].includes(local.date)) return 'holiday';
  if (local.weekend) return 'weekend';
  return local.minute >= 9 * 60 && local.minute < 17 * 60
    ? 'weekday-business'
    : 'weekday-outside';
}

/** Minutes per band, stepping minute by minute (ranges start on a minute). */
function referenceSplit(
  start: number,
  end: number,
  zone: string,
  wt: WorkingTime,
) {
  const split = Object.fromEntries(COMPENSATION_BANDS.map(b => [b, 0]));
  for (let t = start; t < end; t += MINUTE) {
    split[referenceBand(t, zone, wt)] += Math.min(MINUTE, end - t);
  }
  return split;
}

/** Local dates near a clock change, some of which become holidays. */
const holidayDates = (around: number) =>
  fc.subarray(
    [-2, -1, 0, 1, 2].map(days =>
      new Date(around + days * 24 * HOUR).toISOString().slice(0, 10),
    ),
  );

const scenario = fc
  .record({
    change: fc.constantFrom(...CLOCK_CHANGES),
    zone: fc.constantFrom(...ZONES),
    offsetMinutes: fc.integer({ min: -36 * 60, max: 12 * 60 }),
    lengthMinutes: fc.integer({ min: 0, max: 40 * 60 }),
    tailMs: fc.integer({ min: 0, max: MINUTE - 1 }),
    regionalZone: fc.constantFrom(...ZONES),
  })
  .chain(base =>
    fc.record({
      base: fc.constant(base),
      global: holidayDates(base.change),
      regional: holidayDates(base.change),
    }),
  );

describe('splitByBand against minute stepping', () => {
  it('matches the reference in every zone, across clock changes and holidays', () => {
    fc.assert(
      fc.property(scenario, ({ base, global, regional }) => {
        const start = base.change + base.offsetMinutes * MINUTE;
        const end = start + base.lengthMinutes * MINUTE + base.tailMs;
        const wt: WorkingTime = {
          ...DEFAULT_WORKING_TIME,
          holidays: global,
          regionalHolidays: [
            { name: 'region', timezones: [base.regionalZone], dates: regional },
          ],
        };
        const split = splitByBand({ start, end }, base.zone, wt);
        expect(split).toEqual(referenceSplit(start, end, base.zone, wt));
        const total = Object.values(split).reduce((a, b) => a + b, 0);
        expect(total).toBe(end - start);
      }),
      { numRuns: 60 },
    );
  });
});
