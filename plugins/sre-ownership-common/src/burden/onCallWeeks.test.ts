import { DAY_MS, HOUR_MS } from './intervals';
import { onCallWeeksPerMonth, requiredRotationSize } from './onCallWeeks';
import { DEFAULT_BURDEN_LIMITS } from './types';

describe('onCallWeeksPerMonth', () => {
  it('counts a month as 4 weeks whatever the window', () => {
    expect(onCallWeeksPerMonth(168 * HOUR_MS, 28 * DAY_MS)).toBe(1);
    expect(onCallWeeksPerMonth(168 * HOUR_MS, 7 * DAY_MS)).toBe(4);
    expect(onCallWeeksPerMonth(84 * HOUR_MS, 14 * DAY_MS)).toBe(1);
    expect(onCallWeeksPerMonth(360 * HOUR_MS, 30 * DAY_MS)).toBeCloseTo(2, 12);
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
    [672, 28, 0.3, 14],
    [168, 7, 1, 4],
    [1080, 90, 1, 2],
  ])(
    '%d person-hours over %d days at %d weeks a month need %d engineers',
    (personHours, windowDays, weeks, expected) => {
      expect(
        requiredRotationSize(personHours * HOUR_MS, windowDays * DAY_MS, {
          ...DEFAULT_BURDEN_LIMITS,
          onCallWeeksPerMonth: weeks,
        }),
      ).toBe(expected);
    },
  );

  it('needs 3 people for one millisecond over 1,080 hours in 90 days', () => {
    expect(
      requiredRotationSize(
        1080 * HOUR_MS + 1,
        90 * DAY_MS,
        DEFAULT_BURDEN_LIMITS,
      ),
    ).toBe(3);
  });

  it('needs 9 people, not 4, for two layers over 2,160 hours of coverage in 90 days', () => {
    // A primary and a secondary layer over the same 2,160 hours, plus one
    // override hour: 4,321 person-hours at 540 hours a person.
    expect(
      requiredRotationSize(4321 * HOUR_MS, 90 * DAY_MS, DEFAULT_BURDEN_LIMITS),
    ).toBe(9);
  });

  it('rejects a limit no rotation can meet', () => {
    expect(() =>
      requiredRotationSize(10, 28 * DAY_MS, {
        ...DEFAULT_BURDEN_LIMITS,
        onCallWeeksPerMonth: 0,
      }),
    ).toThrow('limits.onCallWeeksPerMonth must be positive, got 0');
  });
});
