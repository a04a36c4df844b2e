import {
  businessMinutes,
  isOffHours,
  isSleepHours,
  localTime,
  parseClock,
} from './localTime';
import { DEFAULT_WORKING_TIME, WorkingTime } from './types';

const LONDON = 'Europe/London';
const SYDNEY = 'Australia/Sydney';
const at = (iso: string) => Date.parse(iso);
const range = (from: string, to: string) => ({ start: at(from), end: at(to) });
const withHolidays = (...holidays: string[]): WorkingTime => ({
  ...DEFAULT_WORKING_TIME,
  holidays,
});

describe('localTime', () => {
  it.each([
    // London springs forward at 01:00 UTC on 31 March 2024.
    ['2024-03-31T00:59:00Z', LONDON, '2024-03-31', 0, '00:59'],
    ['2024-03-31T01:00:00Z', LONDON, '2024-03-31', 0, '02:00'],
    // London falls back at 01:00 UTC on 27 October 2024: 01:30 happens twice.
    ['2024-10-27T00:30:00Z', LONDON, '2024-10-27', 0, '01:30'],
    ['2024-10-27T01:30:00Z', LONDON, '2024-10-27', 0, '01:30'],
    // Sydney falls back at 16:00 UTC on 6 April 2024.
    ['2024-04-06T15:30:00Z', SYDNEY, '2024-04-07', 0, '02:30'],
    ['2024-04-06T16:30:00Z', SYDNEY, '2024-04-07', 0, '02:30'],
    // Sydney springs forward at 16:00 UTC on 5 October 2024.
    ['2024-10-05T15:30:00Z', SYDNEY, '2024-10-06', 0, '01:30'],
    ['2024-10-05T16:30:00Z', SYDNEY, '2024-10-06', 0, '03:30'],
    ['2024-06-12T02:00:00Z', 'America/New_York', '2024-06-11', 2, '22:00'],
  ])(
    'reads %s in %s as %s (day %d) at %s',
    (iso, zone, date, weekday, clock) => {
      expect(localTime(at(iso), zone)).toEqual({
        date,
        weekday,
        minuteOfDay: parseClock(clock),
      });
    },
  );
});

describe('isOffHours and isSleepHours', () => {
  it.each([
    // Same 08:30 UTC, before and after London moves to BST.
    ['Fri 08:30 GMT', '2024-03-29T08:30:00Z', LONDON, true, false],
    ['Tue 09:30 BST', '2024-04-02T08:30:00Z', LONDON, false, false],
    ['Thu 06:30 GMT', '2024-03-28T06:30:00Z', LONDON, true, true],
    ['Tue 07:30 BST', '2024-04-02T06:30:00Z', LONDON, true, false],
    ['Fri 17:30 BST', '2024-10-25T16:30:00Z', LONDON, true, false],
    ['Tue 16:30 GMT', '2024-10-29T16:30:00Z', LONDON, false, false],
    // Same 22:30 UTC, before and after Sydney leaves daylight time.
    ['Fri 09:30 AEDT', '2024-04-04T22:30:00Z', SYDNEY, false, false],
    ['Tue 08:30 AEST', '2024-04-08T22:30:00Z', SYDNEY, true, false],
    ['Fri 08:30 AEST', '2024-10-03T22:30:00Z', SYDNEY, true, false],
    ['Tue 09:30 AEDT', '2024-10-07T22:30:00Z', SYDNEY, false, false],
    ['Fri 06:30 AEST', '2024-10-03T20:30:00Z', SYDNEY, true, true],
    ['Tue 07:30 AEDT', '2024-10-07T20:30:00Z', SYDNEY, true, false],
    // 02:00 UTC on a Wednesday around the world.
    ['Wed 03:00 BST', '2024-06-12T02:00:00Z', LONDON, true, true],
    ['Wed 12:00 AEST', '2024-06-12T02:00:00Z', SYDNEY, false, false],
    ['Tue 22:00 EDT', '2024-06-12T02:00:00Z', 'America/New_York', true, false],
    ['Wed 07:30 IST', '2024-06-12T02:00:00Z', 'Asia/Kolkata', true, false],
    // Weekends are off-hours all day; sleep hours still apply.
    ['Sat 12:00 BST', '2024-06-15T11:00:00Z', LONDON, true, false],
    ['Sun 23:30 BST', '2024-06-16T22:30:00Z', LONDON, true, true],
    // Edges: business hours and sleep hours are half-open.
    ['Wed 09:00 BST', '2024-06-12T08:00:00Z', LONDON, false, false],
    ['Wed 16:59 BST', '2024-06-12T15:59:00Z', LONDON, false, false],
    ['Wed 17:00 BST', '2024-06-12T16:00:00Z', LONDON, true, false],
    ['Wed 23:00 BST', '2024-06-12T22:00:00Z', LONDON, true, true],
    ['Wed 06:59 BST', '2024-06-12T05:59:00Z', LONDON, true, true],
    ['Wed 07:00 BST', '2024-06-12T06:00:00Z', LONDON, true, false],
  ])('%s: off-hours %s, sleep hours %s', (_, iso, zone, off, sleep) => {
    expect(isOffHours(at(iso), zone, DEFAULT_WORKING_TIME)).toBe(off);
    expect(isSleepHours(at(iso), zone, DEFAULT_WORKING_TIME)).toBe(sleep);
  });

  it('treats a holiday as off-hours all day, by local date', () => {
    // 23:30 UTC on 11 June is 09:30 on Wednesday 12 June in Sydney.
    const instant = at('2024-06-11T23:30:00Z');
    expect(isOffHours(instant, SYDNEY, DEFAULT_WORKING_TIME)).toBe(false);
    expect(isOffHours(instant, SYDNEY, withHolidays('2024-06-12'))).toBe(true);
    expect(isOffHours(instant, SYDNEY, withHolidays('2024-06-11'))).toBe(false);
  });

  it('reads sleep hours that do not wrap midnight', () => {
    const earlySleeper = {
      ...DEFAULT_WORKING_TIME,
      sleepStart: '01:00',
      sleepEnd: '06:00',
    };
    expect(isSleepHours(at('2024-06-12T00:30:00Z'), 'UTC', earlySleeper)).toBe(
      false,
    );
    expect(isSleepHours(at('2024-06-12T01:00:00Z'), 'UTC', earlySleeper)).toBe(
      true,
    );
    expect(isSleepHours(at('2024-06-12T06:00:00Z'), 'UTC', earlySleeper)).toBe(
      false,
    );
  });
});

describe('businessMinutes', () => {
  const springWeek = range('2024-03-25T00:00:00Z', '2024-04-01T00:00:00Z');

  it('counts five full working days in London across the spring DST change', () => {
    expect(businessMinutes(springWeek, LONDON, DEFAULT_WORKING_TIME)).toBe(
      5 * 480,
    );
  });

  it('leaves out holidays', () => {
    expect(
      businessMinutes(springWeek, LONDON, withHolidays('2024-03-29')),
    ).toBe(4 * 480);
  });

  it('cuts the first day at the local start of the range', () => {
    // Monday 12:00 GMT: 12:00 to 17:00 remain.
    const fromNoon = range('2024-03-25T12:00:00Z', '2024-04-01T00:00:00Z');
    expect(businessMinutes(fromNoon, LONDON, DEFAULT_WORKING_TIME)).toBe(
      300 + 4 * 480,
    );
  });

  it('cuts both edge days in Sydney, where the UTC week starts at 11:00', () => {
    // Mon 25 Mar 11:00 AEDT .. Mon 1 Apr 11:00 AEDT: 360 + 4 x 480 + 120.
    expect(businessMinutes(springWeek, SYDNEY, DEFAULT_WORKING_TIME)).toBe(
      2400,
    );
    // Mon 1 Apr 11:00 AEDT .. Mon 8 Apr 10:00 AEST: the last day loses an hour.
    const dstWeek = range('2024-04-01T00:00:00Z', '2024-04-08T00:00:00Z');
    expect(businessMinutes(dstWeek, SYDNEY, DEFAULT_WORKING_TIME)).toBe(
      360 + 4 * 480 + 60,
    );
  });

  it('follows configured business hours', () => {
    const shortDays = {
      ...DEFAULT_WORKING_TIME,
      businessStart: '10:00',
      businessEnd: '15:30',
    };
    expect(businessMinutes(springWeek, 'UTC', shortDays)).toBe(5 * 330);
  });

  it('is zero for an empty range or a weekend', () => {
    expect(
      businessMinutes(
        range('2024-04-29T00:00:00Z', '2024-04-29T00:00:00Z'),
        'UTC',
        DEFAULT_WORKING_TIME,
      ),
    ).toBe(0);
    expect(
      businessMinutes(
        range('2024-03-30T00:00:00Z', '2024-04-01T00:00:00Z'),
        'UTC',
        DEFAULT_WORKING_TIME,
      ),
    ).toBe(0);
  });
});
