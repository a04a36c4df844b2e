import { DEFAULT_BURDEN_LIMITS, EngineerFigures } from './types';
import { nearLimitMeasures } from './nearLimit';

const figures = (over: Partial<EngineerFigures>): EngineerFigures =>
  ({
    onCallShare: 0,
    onCallWeeksPerMonth: 0,
    pagesPerShift: 0,
    toilShare: 0,
    ...over,
  } as EngineerFigures);

// Limits by default: 1 on-call week a month, 2 pages a shift, 25% on call,
// 50% toil. Near is from 80% of the limit up to it, above zero.
describe('the measures near their limit', () => {
  it.each([
    [{ pagesPerShift: 2 }, ['pagesPerShift']],
    [{ pagesPerShift: 1.6 }, ['pagesPerShift']],
    [{ pagesPerShift: 1.59 }, []],
    [{ toilShare: 0.4 }, ['toilShare']],
    [{ toilShare: 0.39 }, []],
    [
      { onCallWeeksPerMonth: 0.8, onCallShare: 0.2 },
      ['onCallWeeksPerMonth', 'onCallShare'],
    ],
    [{ toilShare: null }, []],
  ] as const)('%j is near in %j', (over, expected) => {
    expect(nearLimitMeasures(figures(over), DEFAULT_BURDEN_LIMITS, [])).toEqual(
      expected,
    );
  });

  it('leaves a measure already over its limit to overLimit', () => {
    expect(
      nearLimitMeasures(
        figures({ pagesPerShift: 2.1, toilShare: 0.45 }),
        DEFAULT_BURDEN_LIMITS,
        ['pagesPerShift'],
      ),
    ).toEqual(['toilShare']);
  });

  it('calls nothing near a zero limit', () => {
    expect(
      nearLimitMeasures(
        figures({}),
        { ...DEFAULT_BURDEN_LIMITS, pagesPerShift: 0 },
        [],
      ),
    ).toEqual([]);
  });
});
