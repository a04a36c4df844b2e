import {
  weeklyVolume,
  weekOverWeekChange,
  weekOverWeekTrend,
  weekStartOf,
} from './weeklyVolume';

const at = (iso: string) => Date.parse(iso);

describe('weekStartOf', () => {
  it.each([
    ['2024-04-22T00:00:00Z', '2024-04-22T00:00:00.000Z'],
    ['2024-04-28T23:59:59Z', '2024-04-22T00:00:00.000Z'],
    ['2024-04-24T13:00:00+10:00', '2024-04-22T00:00:00.000Z'],
    ['2024-04-29T09:00:00+10:00', '2024-04-22T00:00:00.000Z'],
  ])('puts %s in the week of %s', (instant, monday) => {
    expect(new Date(weekStartOf(at(instant))).toISOString()).toBe(monday);
  });
});

describe('weeklyVolume and weekOverWeekChange', () => {
  const span = {
    start: at('2024-03-28T12:00:00Z'),
    end: at('2024-04-25T12:00:00Z'),
  };
  const pages = [
    '2024-03-27T12:00:00Z', // before the span
    '2024-03-29T12:00:00Z',
    '2024-04-08T12:00:00Z',
    '2024-04-14T23:59:00Z',
    '2024-04-15T00:00:00Z',
    '2024-04-16T12:00:00Z',
    '2024-04-21T12:00:00Z',
    '2024-04-22T12:00:00Z',
    '2024-04-25T12:00:00Z', // at the end of the span, excluded
  ].map(at);

  it('lists every week touching the span, empty ones included, and marks the weeks it cuts', () => {
    expect(weeklyVolume(pages, span)).toEqual([
      // From Thursday 12:00 to the end of Sunday: 3.5 days.
      {
        weekStart: '2024-03-25T00:00:00.000Z',
        pages: 1,
        partial: true,
        hours: 84,
      },
      { weekStart: '2024-04-01T00:00:00.000Z', pages: 0 },
      { weekStart: '2024-04-08T00:00:00.000Z', pages: 2 },
      { weekStart: '2024-04-15T00:00:00.000Z', pages: 3 },
      // Monday to Thursday 12:00.
      {
        weekStart: '2024-04-22T00:00:00.000Z',
        pages: 1,
        partial: true,
        hours: 84,
      },
    ]);
  });

  it('marks a week of which the span holds 25 minutes as partial, not as a week without pages', () => {
    const [first] = weeklyVolume([], {
      start: at('2024-03-31T23:35:00Z'),
      end: at('2024-04-25T12:00:00Z'),
    });
    expect(first).toEqual({
      weekStart: '2024-03-25T00:00:00.000Z',
      pages: 0,
      partial: true,
      hours: 0.4,
    });
  });

  it('compares the last full week with the week before, ignoring the week in progress', () => {
    expect(weekOverWeekChange(weeklyVolume(pages, span), span)).toBe(0.5);
  });

  it('counts the week ending exactly now as full', () => {
    const volume = weeklyVolume(pages, span);
    expect(
      weekOverWeekChange(volume, { ...span, end: at('2024-04-29T00:00:00Z') }),
    ).toBe((1 - 3) / 3);
  });

  it('has no change when the week before had no pages', () => {
    const volume = weeklyVolume(pages, span);
    expect(
      weekOverWeekChange(volume, { ...span, end: at('2024-04-15T00:00:00Z') }),
    ).toBe(undefined);
  });

  it('does not compare with a week cut by the start of the data', () => {
    // A 7-day window ending on a Wednesday: its first week has only the days
    // inside the data, which would read as a rise.
    const short = {
      start: at('2024-04-10T12:00:00Z'),
      end: at('2024-04-24T12:00:00Z'),
    };
    const daily = Array.from(
      { length: 14 * 24 },
      (_, hour) => short.start + hour * 3_600_000,
    );
    expect(weekOverWeekChange(weeklyVolume(daily, short), short)).toBe(
      undefined,
    );
    const longer = { ...short, start: at('2024-04-01T00:00:00Z') };
    const steady = Array.from(
      { length: 23 * 24 + 12 },
      (_, hour) => longer.start + hour * 3_600_000,
    );
    expect(weekOverWeekChange(weeklyVolume(steady, longer), longer)).toBe(0);
  });
});

describe('weekOverWeekTrend', () => {
  const weeks = (...counts: number[]) =>
    counts.map((count, index) => ({
      weekStart: new Date(
        at('2024-04-01T00:00:00Z') + index * 7 * 86_400_000,
      ).toISOString(),
      pages: count,
    }));

  it('calls nine weeks without pages a trend of zeros, not too few weeks', () => {
    expect(weekOverWeekTrend(weeks(0, 0, 0, 0, 0, 0, 0, 0, 0))).toEqual({
      kind: 'no-pages',
    });
  });

  it('needs two whole weeks, leaving partial ones out', () => {
    const [first, second] = weeks(0, 4);
    expect(weekOverWeekTrend([{ ...first, partial: true }, second])).toEqual({
      kind: 'too-few-weeks',
    });
    expect(weekOverWeekTrend(weeks(2, 3))).toEqual({
      kind: 'change',
      change: 0.5,
    });
    expect(weekOverWeekTrend(weeks(0, 3))).toEqual({
      kind: 'from-none',
      last: 3,
    });
  });
});
