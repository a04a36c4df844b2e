import fc from 'fast-check';
import { BURN_WINDOWS, BurnWindow } from './burn';
import { EventCounts, computeSloFigures } from './figures';

const DAY = 86_400;

/** The workbook's table, written out literally. */
function referenceSeverity(rate: (w: BurnWindow) => number | null) {
  const atLeast = (w: BurnWindow, factor: number) => (rate(w) ?? -1) >= factor;
  if (
    (atLeast('1h', 14.4) && atLeast('5m', 14.4)) ||
    (atLeast('6h', 6) && atLeast('30m', 6))
  )
    return 'page';
  if (
    (atLeast('1d', 3) && atLeast('2h', 3)) ||
    (atLeast('3d', 1) && atLeast('6h', 1))
  )
    return 'ticket';
  return BURN_WINDOWS.some(w => rate(w) !== null) ? 'ok' : 'unknown';
}

const counts = fc.option(
  fc
    .nat({ max: 1_000_000 })
    .chain(total =>
      fc.record({ bad: fc.nat({ max: total }), total: fc.constant(total) }),
    ),
  { nil: null },
) as fc.Arbitrary<EventCounts | null>;

const input = fc.record({
  target: fc.integer({ min: 1, max: 9999 }).map(n => n / 10_000),
  windowSeconds: fc.integer({ min: 1, max: 90 }).map(days => days * DAY),
  current: counts,
  previous: counts,
  burn: fc.record(
    Object.fromEntries(BURN_WINDOWS.map(w => [w, counts])) as Record<
      BurnWindow,
      fc.Arbitrary<EventCounts | null>
    >,
  ),
});

describe('computeSloFigures (properties)', () => {
  it('agrees with a reference computed from the counts and the workbook table', () => {
    fc.assert(
      fc.property(input, given => {
        const figures = computeSloFigures(given);
        const share = (c: EventCounts | null) =>
          c && c.total > 0 ? c.bad / c.total : null;
        const current = share(given.current);
        expect(figures.attainment).toBe(current === null ? null : 1 - current);
        expect(figures.budget.consumed).toBe(
          current === null ? null : current / (1 - given.target),
        );
        expect(figures.budget.remaining).toBe(
          figures.budget.consumed === null ? null : 1 - figures.budget.consumed,
        );
        expect(
          figures.attainment === null ||
            (figures.attainment >= 0 && figures.attainment <= 1),
        ).toBe(true);
        const rate = (w: BurnWindow) => {
          const s = share(given.burn[w]);
          return s === null ? null : s / (1 - given.target);
        };
        for (const w of BURN_WINDOWS)
          expect(figures.burnRates[w]).toBe(rate(w));
        expect(figures.burn.severity).toBe(referenceSeverity(rate));
      }),
    );
  });

  it('predicts when the remaining budget is gone at the firing rate, 0 once spent, never without a burn', () => {
    fc.assert(
      fc.property(input, given => {
        const figures = computeSloFigures(given);
        const { exhaustedInSeconds, rate } = figures.burn;
        const remaining = figures.budget.remaining;
        let expected: number | null = null;
        if (remaining !== null && remaining <= 0) expected = 0;
        else if (remaining !== null && rate !== null && rate > 0) {
          expected = (remaining * given.windowSeconds) / rate;
        }
        expect(exhaustedInSeconds === null).toBe(expected === null);
        expect(
          Math.abs((exhaustedInSeconds ?? 0) - (expected ?? 0)),
        ).toBeLessThanOrEqual(Math.abs(expected ?? 0) * 1e-12);
      }),
    );
  });
});
