import { BurdenLimits, BurdenMeasure, EngineerFigures } from './types';

/**
 * The share of a limit from which a figure counts as close to it: a figure
 * at 80% of its limit or more, and above zero, is near it.
 *
 * @public
 */
export const NEAR_LIMIT_FROM = 0.8;

const MEASURES: BurdenMeasure[] = [
  'onCallWeeksPerMonth',
  'pagesPerShift',
  'onCallShare',
  'toilShare',
];

/**
 * The measures of one engineer's window that are close to their limit but
 * not above it (`overLimit` names those), in a fixed order. An undefined
 * figure is never near.
 */
export function nearLimitMeasures(
  figures: EngineerFigures,
  limits: BurdenLimits,
  overLimit: BurdenMeasure[],
): BurdenMeasure[] {
  return MEASURES.filter(measure => {
    const value = figures[measure];
    return (
      !overLimit.includes(measure) &&
      value !== null &&
      value > 0 &&
      value >= limits[measure] * NEAR_LIMIT_FROM
    );
  });
}
