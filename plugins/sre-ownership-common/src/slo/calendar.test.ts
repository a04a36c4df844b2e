import { calendarPeriodAt } from './calendar';

const iso = (period: { start: number; end: number }) => [
  new Date(period.start).toISOString(),
  new Date(period.end).toISOString(),
];

describe('calendarPeriodAt', () => {
  it('finds the calendar month in UTC', () => {
    const window = {
      unit: 'month' as const,
      count: 1,
      startTime: '2024-01-01T00:00:00',
      timeZone: 'UTC',
    };
    expect(
      iso(calendarPeriodAt(window, Date.parse('2026-02-14T10:00:00Z'))),
    ).toEqual(['2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z']);
    // A period includes its start and excludes its end.
    expect(
      iso(calendarPeriodAt(window, Date.parse('2026-03-01T00:00:00Z')))[0],
    ).toBe('2026-03-01T00:00:00.000Z');
  });

  it('counts periods on the wall clock of the time zone, across DST', () => {
    const window = {
      unit: 'week' as const,
      count: 1,
      startTime: '2026-03-02T00:00:00',
      timeZone: 'Europe/Berlin',
    };
    // The week of 23-30 March 2026 starts at CET midnight and ends at CEST midnight.
    expect(
      iso(calendarPeriodAt(window, Date.parse('2026-03-26T12:00:00Z'))),
    ).toEqual(['2026-03-22T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
  });

  it('handles quarters and periods before the start time', () => {
    const window = {
      unit: 'quarter' as const,
      count: 1,
      startTime: '2025-01-01T00:00:00',
      timeZone: 'UTC',
    };
    expect(
      iso(calendarPeriodAt(window, Date.parse('2024-11-05T00:00:00Z'))),
    ).toEqual(['2024-10-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z']);
  });
});
