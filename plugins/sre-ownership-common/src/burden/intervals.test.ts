import {
  clipIntervals,
  intervalAt,
  mergeIntervals,
  overlapDuration,
  totalDuration,
} from './intervals';

describe('mergeIntervals', () => {
  it('merges overlapping, duplicate and touching intervals and drops empty ones', () => {
    expect(
      mergeIntervals([
        { start: 20, end: 30 },
        { start: 0, end: 10 },
        { start: 5, end: 15 },
        { start: 0, end: 10 },
        { start: 30, end: 35 },
        { start: 40, end: 40 },
        { start: NaN, end: 50 },
      ]),
    ).toEqual([
      { start: 0, end: 15 },
      { start: 20, end: 35 },
    ]);
  });

  it('does not change its input', () => {
    const input = [
      { start: 0, end: 10 },
      { start: 5, end: 15 },
    ];
    mergeIntervals(input);
    expect(input[0]).toEqual({ start: 0, end: 10 });
  });
});

describe('clipIntervals and durations', () => {
  const merged = [
    { start: 0, end: 15 },
    { start: 20, end: 35 },
  ];

  it('keeps only the parts inside the range', () => {
    expect(clipIntervals(merged, { start: 10, end: 25 })).toEqual([
      { start: 10, end: 15 },
      { start: 20, end: 25 },
    ]);
    expect(totalDuration(clipIntervals(merged, { start: 10, end: 25 }))).toBe(
      10,
    );
  });

  it('measures how much of a range the intervals cover', () => {
    expect(overlapDuration({ start: 12, end: 22 }, merged)).toBe(5);
    expect(overlapDuration({ start: 15, end: 20 }, merged)).toBe(0);
  });

  it('finds the interval containing an instant, end excluded', () => {
    expect(intervalAt(merged, 20)).toEqual({ start: 20, end: 35 });
    expect(intervalAt(merged, 15)).toBeUndefined();
  });
});
