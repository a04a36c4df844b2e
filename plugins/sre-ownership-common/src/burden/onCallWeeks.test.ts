import { onCallWeeksPerMonth, requiredRotationSize } from './onCallWeeks';
import { DEFAULT_BURDEN_LIMITS } from './types';

describe('onCallWeeksPerMonth', () => {
  it('counts a month as 4 weeks whatever the window', () => {
    expect(onCallWeeksPerMonth(168, 28)).toBe(1);
    expect(onCallWeeksPerMonth(168, 7)).toBe(4);
    expect(onCallWeeksPerMonth(84, 14)).toBe(1);
    expect(onCallWeeksPerMonth(360, 30)).toBeCloseTo(2, 12);
  });
});

describe('requiredRotationSize', () => {
  it.each([
    [0, 28, 1, 0],
    [1, 28, 1, 1],
    [168, 28, 1, 1],
    [169, 28, 1, 2],
    [672, 28, 1, 4],
    [672, 28, 2, 2],
    [672, 28, 0.5, 8],
    [168, 7, 1, 4],
    [672.0000000001, 28, 1, 4],
  ])(
    '%d hours of coverage over %d days at %d weeks a month need %d engineers',
    (coverageHours, windowDays, weeks, expected) => {
      expect(
        requiredRotationSize(coverageHours, windowDays, {
          ...DEFAULT_BURDEN_LIMITS,
          onCallWeeksPerMonth: weeks,
        }),
      ).toBe(expected);
    },
  );

  it('rejects a limit no rotation can meet', () => {
    expect(() =>
      requiredRotationSize(10, 28, {
        ...DEFAULT_BURDEN_LIMITS,
        onCallWeeksPerMonth: 0,
      }),
    ).toThrow('limits.onCallWeeksPerMonth must be positive, got 0');
  });
});
