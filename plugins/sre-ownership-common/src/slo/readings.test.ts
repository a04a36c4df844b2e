import { countReadings } from './readings';

const slices = (
  sliceTarget: number,
  method: 'Timeslices' | 'RatioTimeslices' = 'Timeslices',
) =>
  method === 'Timeslices'
    ? ({
        method,
        sliceSeconds: 60,
        sliceDuration: '1m',
        sliceTarget,
      } as const)
    : ({ method, sliceSeconds: 60, sliceDuration: '1m' } as const);

describe('countReadings', () => {
  const readings = [
    { good: 95, total: 100 },
    { good: 94, total: 100 },
    null,
    { good: 0, total: 0 },
    { good: 1, total: 1 },
  ];

  it('adds up events for Occurrences, skipping steps without data', () => {
    expect(countReadings(readings, { method: 'Occurrences' })).toEqual({
      bad: 5 + 6 + 0,
      total: 201,
    });
  });

  it('counts a slice good when its ratio reaches the slice target, and leaves empty slices out', () => {
    // 95% reaches 0.95, 94% does not; the null and the 0-of-0 slices are empty.
    expect(countReadings(readings, slices(0.95))).toEqual({
      bad: 1,
      total: 3,
    });
  });

  it('averages the slices for RatioTimeslices', () => {
    const counts = countReadings(readings, slices(0, 'RatioTimeslices'))!;
    expect(counts.total).toBe(3);
    expect(counts.bad).toBeCloseTo(0.05 + 0.06 + 0, 12);
  });

  it('answers null, not zero, when no reading has data', () => {
    expect(countReadings([null, { good: 0, total: 0 }], slices(0.9))).toBe(
      null,
    );
    expect(countReadings([], { method: 'Occurrences' })).toBe(null);
  });
});
