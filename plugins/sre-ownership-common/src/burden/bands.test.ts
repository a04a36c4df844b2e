import { bandAt, splitByBand } from './bands';
import { isOffHours } from './localTime';
import { DEFAULT_WORKING_TIME, WorkingTime } from './types';

const HOUR = 3_600_000;

const range = (from: string, to: string) => ({
  start: Date.parse(from),
  end: Date.parse(to),
});

/** Hours per band, to read the expectations as a person would. */
function hoursByBand(from: string, to: string, zone: string, wt: WorkingTime) {
  const split = splitByBand(range(from, to), zone, wt);
  return Object.fromEntries(
    Object.entries(split).map(([band, ms]) => [band, ms / HOUR]),
  );
}

const withHolidays = (
  holidays: string[],
  regionalHolidays: WorkingTime['regionalHolidays'] = [],
): WorkingTime => ({ ...DEFAULT_WORKING_TIME, holidays, regionalHolidays });

describe('splitByBand', () => {
  it('splits a Tokyo weekday into 8 business hours and 16 outside', () => {
    // Wednesday 2026-03-04, 00:00 to 24:00 JST
    expect(
      hoursByBand(
        '2026-03-03T15:00:00Z',
        '2026-03-04T15:00:00Z',
        'Asia/Tokyo',
        DEFAULT_WORKING_TIME,
      ),
    ).toEqual({
      'weekday-business': 8,
      'weekday-outside': 16,
      weekend: 0,
      holiday: 0,
    });
  });

  it('gives the Sunday Berlin springs forward 23 weekend hours', () => {
    // Sunday 2026-03-29 00:00 CET to Monday 00:00 CEST
    expect(
      hoursByBand(
        '2026-03-28T23:00:00Z',
        '2026-03-29T22:00:00Z',
        'Europe/Berlin',
        DEFAULT_WORKING_TIME,
      ),
    ).toEqual({
      'weekday-business': 0,
      'weekday-outside': 0,
      weekend: 23,
      holiday: 0,
    });
  });

  it('gives the Sunday New York falls back 25 weekend hours', () => {
    // Sunday 2026-11-01 00:00 EDT to Monday 00:00 EST
    expect(
      hoursByBand(
        '2026-11-01T04:00:00Z',
        '2026-11-02T05:00:00Z',
        'America/New_York',
        DEFAULT_WORKING_TIME,
      ),
    ).toMatchObject({ weekend: 25, 'weekday-outside': 0 });
  });

  it('splits a Berlin weekend shift across the autumn change at local hours', () => {
    // Friday 2026-10-23 17:00 CEST to Monday 2026-10-26 09:00 CET: 65 hours
    expect(
      hoursByBand(
        '2026-10-23T15:00:00Z',
        '2026-10-26T08:00:00Z',
        'Europe/Berlin',
        DEFAULT_WORKING_TIME,
      ),
    ).toEqual({
      'weekday-business': 0,
      'weekday-outside': 7 + 9,
      weekend: 24 + 25,
      holiday: 0,
    });
  });

  it('reaches people whose zone is an old name of the zone a calendar names', () => {
    // Republic Day. The time-zone database links Asia/Calcutta to Asia/Kolkata.
    const india = withHolidays(
      [],
      [{ name: 'India', timezones: ['Asia/Kolkata'], dates: ['2026-01-26'] }],
    );
    // Monday 2026-01-26 00:00 to 24:00 in India (IST, +05:30)
    const day = ['2026-01-25T18:30:00Z', '2026-01-26T18:30:00Z'] as const;
    for (const zone of ['Asia/Calcutta', 'Asia/Kolkata']) {
      expect(hoursByBand(...day, zone, india)).toEqual({
        'weekday-business': 0,
        'weekday-outside': 0,
        weekend: 0,
        holiday: 24,
      });
    }
  });

  it('applies a regional holiday only to people in the zones it names', () => {
    const australiaDay = withHolidays(
      [],
      [
        {
          name: 'Australia',
          timezones: ['Australia/Sydney'],
          dates: ['2026-01-26'],
        },
      ],
    );
    // Monday 2026-01-26 00:00 to 24:00 in Sydney (AEDT, +11)
    const day = ['2026-01-25T13:00:00Z', '2026-01-26T13:00:00Z'] as const;
    expect(hoursByBand(...day, 'Australia/Sydney', australiaDay)).toEqual({
      'weekday-business': 0,
      'weekday-outside': 0,
      weekend: 0,
      holiday: 24,
    });
    // The same instants in Tokyo (JST, +9): Sunday 22:00 to Monday 22:00,
    // an ordinary Monday there
    expect(hoursByBand(...day, 'Asia/Tokyo', australiaDay)).toEqual({
      'weekday-business': 8,
      'weekday-outside': 9 + 5,
      weekend: 2,
      holiday: 0,
    });
  });

  it('counts a holiday on a Saturday as holiday, not weekend', () => {
    const wt = withHolidays(['2026-12-26']);
    // Saturday 2026-12-26 in New York, 00:00 to 24:00 EST
    expect(
      hoursByBand(
        '2026-12-26T05:00:00Z',
        '2026-12-27T05:00:00Z',
        'America/New_York',
        wt,
      ),
    ).toMatchObject({ holiday: 24, weekend: 0 });
  });

  it('reads a global holiday in each person’s own calendar', () => {
    const wt = withHolidays(['2026-12-25']);
    // 2026-12-25T12:00Z is Friday 13:00 in Berlin (holiday) and Friday 07:00
    // in New York (holiday); 2026-12-25T23:30Z is already Saturday in Sydney.
    const at = Date.parse('2026-12-25T12:00:00Z');
    expect(bandAt(at, 'Europe/Berlin', wt)).toBe('holiday');
    expect(bandAt(at, 'America/New_York', wt)).toBe('holiday');
    expect(
      bandAt(Date.parse('2026-12-25T23:30:00Z'), 'Australia/Sydney', wt),
    ).toBe('weekend');
    expect(
      bandAt(Date.parse('2026-12-24T22:00:00Z'), 'Australia/Sydney', wt),
    ).toBe('holiday');
  });

  it('is exact to the millisecond and sums to the range', () => {
    const start = Date.parse('2026-03-04T07:59:59.999Z'); // 08:59:59.999 CET
    const split = splitByBand(
      { start, end: start + 2 },
      'Europe/Berlin',
      DEFAULT_WORKING_TIME,
    );
    expect(split).toEqual({
      'weekday-business': 1,
      'weekday-outside': 1,
      weekend: 0,
      holiday: 0,
    });
  });

  it('gives nothing for an empty or reversed range', () => {
    expect(
      Object.values(
        splitByBand({ start: 10, end: 10 }, 'UTC', DEFAULT_WORKING_TIME),
      ),
    ).toEqual([0, 0, 0, 0]);
  });

  it('shares its holidays with the burden figures’ off-hours rule', () => {
    const wt = withHolidays(
      [],
      [
        {
          name: 'Germany',
          timezones: ['Europe/Berlin'],
          dates: ['2026-10-03'],
        },
      ],
    );
    // Saturday 2026-10-03 would be off-hours anyway; Friday 2026-10-02 is not
    const unity = Date.parse('2026-10-03T10:00:00Z');
    expect(bandAt(unity, 'Europe/Berlin', wt)).toBe('holiday');
    expect(isOffHours(unity, 'Europe/Berlin', wt)).toBe(true);
    const wt2 = withHolidays(
      [],
      [
        {
          name: 'Germany',
          timezones: ['Europe/Berlin'],
          dates: ['2026-10-02'],
        },
      ],
    );
    const friday = Date.parse('2026-10-02T10:00:00Z');
    expect(isOffHours(friday, 'Europe/Berlin', wt2)).toBe(true);
    expect(isOffHours(friday, 'Europe/London', wt2)).toBe(false);
  });
});
