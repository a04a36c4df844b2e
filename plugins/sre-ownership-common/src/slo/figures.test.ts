import { BURN_WINDOWS, BurnWindow, classifyBurn } from './burn';
import { describeBurn } from './describe';
import { EventCounts, computeSloFigures } from './figures';

const DAY = 86_400;
const rates = (overrides: Partial<Record<BurnWindow, number | null>> = {}) =>
  ({
    ...Object.fromEntries(BURN_WINDOWS.map(w => [w, 0])),
    ...overrides,
  } as Record<BurnWindow, number | null>);
const counts = (bad: number, total: number): EventCounts => ({ bad, total });
const quietBurn = Object.fromEntries(
  BURN_WINDOWS.map(w => [w, counts(0, 1000)]),
) as Record<BurnWindow, EventCounts>;

describe('computeSloFigures', () => {
  it('computes attainment and budget from counts', () => {
    // 99.9% over 28 days allows 1 failure in 1000; 14 of 20,000 failed.
    const figures = computeSloFigures({
      target: 0.999,
      windowSeconds: 28 * DAY,
      current: counts(14, 20_000),
      previous: counts(30, 20_000),
      burn: quietBurn,
    });
    expect(figures.attainment).toBeCloseTo(0.9993, 12);
    expect(figures.budget.consumed).toBeCloseTo(0.7, 12);
    expect(figures.budget.remaining).toBeCloseTo(0.3, 12);
    expect(figures.budget.totalSeconds).toBeCloseTo(2419.2, 9);
    expect(figures.budget.remainingSeconds).toBeCloseTo(725.76, 9);
    expect(figures.previousConsumed).toBeCloseTo(1.5, 12);
    expect(figures.burn.severity).toBe('ok');
  });

  it('says null, not 0, when a window has no events', () => {
    const figures = computeSloFigures({
      target: 0.99,
      windowSeconds: 7 * DAY,
      current: counts(0, 0),
      previous: null,
      burn: { ...quietBurn, '5m': null, '30m': counts(0, 0) },
    });
    expect(figures.attainment).toBeNull();
    expect(figures.budget).toEqual({
      consumed: null,
      remaining: null,
      totalSeconds: expect.any(Number),
      remainingSeconds: null,
    });
    expect(figures.previousConsumed).toBeNull();
    expect(figures.burnRates['5m']).toBeNull();
    expect(figures.burnRates['30m']).toBeNull();
    expect(figures.burnRates['1h']).toBe(0);
  });
});

describe('classifyBurn', () => {
  it.each([
    [
      'page on 1h and 5m at 14.4x',
      rates({ '1h': 14.4, '5m': 20 }),
      'page',
      '1h',
    ],
    [
      'no page when only the long window burns fast',
      rates({ '1h': 20, '5m': 1 }),
      'ok',
      undefined,
    ],
    ['page on 6h and 30m at 6x', rates({ '6h': 6, '30m': 7 }), 'page', '6h'],
    [
      'ticket on 1d and 2h at 3x',
      rates({ '1d': 3, '2h': 3.5 }),
      'ticket',
      '1d',
    ],
    [
      'ticket on 3d and 6h at 1x',
      rates({ '3d': 1, '6h': 1.2 }),
      'ticket',
      '3d',
    ],
    [
      'ok just under every factor',
      rates({
        '1h': 14.39,
        '5m': 14.39,
        '6h': 5.99,
        '30m': 5.99,
        '1d': 0.99,
        '3d': 0.99,
        '2h': 0.99,
      }),
      'ok',
      undefined,
    ],
    [
      'unknown without events',
      rates(Object.fromEntries(BURN_WINDOWS.map(w => [w, null]))),
      'unknown',
      undefined,
    ],
  ])('%s', (_name, given, severity, long) => {
    const burn = classifyBurn(given, 0.5, 28 * DAY);
    expect(burn.severity).toBe(severity);
    expect(burn.rule?.long).toBe(long);
  });

  it('predicts when the budget is gone at the firing rate', () => {
    // Half of a 28-day budget left, burning 6.2x over 6h: 0.5 * 28 / 6.2 days.
    const burn = classifyBurn(rates({ '6h': 6.2, '30m': 6.5 }), 0.5, 28 * DAY);
    expect(burn.rate).toBe(6.2);
    expect(burn.exhaustedInSeconds).toBeCloseTo((0.5 * 28 * DAY) / 6.2, 6);
    expect(describeBurn(burn)).toBe(
      'burning 6.2x over 6h: budget gone in 2.3 days at this rate',
    );
  });

  it('says when the budget is already spent, or not burning at all', () => {
    expect(describeBurn(classifyBurn(rates({ '1h': 2 }), -0.2, DAY))).toBe(
      'burning 2x: budget already spent',
    );
    expect(describeBurn(classifyBurn(rates(), 1, DAY))).toBe(
      'burning 0x over 1h: no budget spent at this rate',
    );
    expect(
      describeBurn(
        classifyBurn(
          rates(Object.fromEntries(BURN_WINDOWS.map(w => [w, null]))),
          null,
          DAY,
        ),
      ),
    ).toBe('no events in the last 3 days: burn rate unknown');
  });
});
