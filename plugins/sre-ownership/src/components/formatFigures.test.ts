import {
  formatMinutes,
  formatMoment,
  formatWorkingDays,
  WORKING_DAY_HOURS,
} from './formatFigures';

describe('formatMinutes', () => {
  it('reads short durations in hours and minutes', () => {
    expect(formatMinutes(0.5)).toBe('30s');
    expect(formatMinutes(12)).toBe('12m');
    expect(formatMinutes(200)).toBe('3h 20m');
    expect(formatMinutes(23 * 60 + 59)).toBe('23h 59m');
  });

  it('reads a day or more in hours, never in days', () => {
    expect(formatMinutes(191 * 60)).toBe('191 h');
    expect(formatMinutes(7 * 24 * 60 + 23 * 60)).toBe('191 h');
    expect(formatMinutes(24 * 60 + 30)).toBe('24.5 h');
  });
});

describe('formatWorkingDays', () => {
  it('names the basis of a working day', () => {
    expect(WORKING_DAY_HOURS).toBe(8);
    expect(formatWorkingDays(191 * 60)).toBe('≈ 24 working days of 8 h');
    expect(formatWorkingDays(16 * 60)).toBe('2 working days of 8 h');
    expect(formatWorkingDays(8 * 60)).toBe('1 working day of 8 h');
  });

  it('says nothing for less than a working day', () => {
    expect(formatWorkingDays(7 * 60)).toBeUndefined();
  });
});

describe('formatMoment', () => {
  const now = new Date('2026-12-06T10:00:00');

  it('gives the weekday and time within a day', () => {
    expect(
      formatMoment(new Date('2026-12-07T09:00:00').toISOString(), now),
    ).toBe('Mon 09:00');
  });

  it('adds the date when more than a day away', () => {
    expect(
      formatMoment(new Date('2026-12-14T09:00:00').toISOString(), now),
    ).toBe('Mon 14 Dec 09:00');
  });

  it('adds the year when it is not this one', () => {
    expect(
      formatMoment(new Date('2027-01-04T09:00:00').toISOString(), now),
    ).toBe('Mon 4 Jan 2027 09:00');
  });
});
