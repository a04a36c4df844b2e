import { EventCounts } from './figures';
import { SloBudgeting, ThresholdOperator } from './types';

/**
 * One reading of an indicator at one instant, covering the step before it
 * (a minute, or one time slice): how many of `total` were good. For a raw
 * ratio `total` is 1 and `good` the share of good events; for a threshold
 * metric `total` is the number of series the query returned and `good`
 * those meeting the threshold.
 *
 * @public
 */
export interface SloReading {
  good: number;
  total: number;
}

/**
 * The PromQL comparison of each threshold operator.
 *
 * @public
 */
export const THRESHOLD_COMPARISONS: Record<ThresholdOperator, string> = {
  lt: '<',
  lte: '<=',
  gt: '>',
  gte: '>=',
};

/**
 * Turns consecutive readings into the events an SLO's figures are computed
 * from; null when no reading has data. `null` readings are steps without
 * data (no series, or a total of 0): empty slices, counted neither good nor
 * bad.
 *
 * - Occurrences: the readings' good and total events are added up.
 * - Timeslices: each reading is a slice; it is good when `good / total`
 *   reaches `sliceTarget`. Events are slices: total is the slices with
 *   data, bad those that are not good.
 * - RatioTimeslices: total is the slices with data, bad the sum of
 *   `1 − good / total` over them, so attainment is the mean of the slices'
 *   ratios.
 *
 * @public
 */
export function countReadings(
  readings: ReadonlyArray<SloReading | null>,
  budgeting: SloBudgeting,
): EventCounts | null {
  const present = readings.filter(
    (r): r is SloReading => r !== null && r.total > 0,
  );
  if (present.length === 0) return null;
  if (budgeting.method === 'Occurrences') {
    return present.reduce(
      (sum, r) => ({
        bad: sum.bad + (r.total - r.good),
        total: sum.total + r.total,
      }),
      { bad: 0, total: 0 },
    );
  }
  const ratios = present.map(r => r.good / r.total);
  const bad =
    budgeting.method === 'Timeslices'
      ? ratios.filter(ratio => ratio < budgeting.sliceTarget).length
      : ratios.reduce((sum, ratio) => sum + (1 - ratio), 0);
  return { bad, total: present.length };
}
