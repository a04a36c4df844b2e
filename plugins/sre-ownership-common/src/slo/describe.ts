import { BurnState } from './burn';
import {
  SloBudgeting,
  SloFormat,
  SloIndicator,
  ThresholdOperator,
} from './types';

/**
 * A length of time in the largest unit that keeps it readable:
 * "45 minutes", "7.5 hours", "4.5 days".
 *
 * @public
 */
export function formatSloDuration(seconds: number): string {
  const round = (value: number) => Number(value.toFixed(1)).toString();
  if (seconds < 90) return `${Math.round(seconds)} seconds`;
  if (seconds < 90 * 60) return `${round(seconds / 60)} minutes`;
  if (seconds < 36 * 3600) return `${round(seconds / 3600)} hours`;
  return `${round(seconds / 86_400)} days`;
}

/**
 * The burn state in words, e.g. "burning 6.2x: budget gone in 4.5 days at
 * this rate".
 *
 * @public
 */
export function describeBurn(burn: BurnState): string {
  if (burn.severity === 'unknown' || burn.rate === null) {
    return 'no events in the last 3 days: burn rate unknown';
  }
  const rate = `${Number(burn.rate.toFixed(1))}x`;
  if (burn.exhaustedInSeconds === 0) {
    return `burning ${rate}: budget already spent`;
  }
  const when =
    burn.exhaustedInSeconds === null
      ? 'no budget spent at this rate'
      : `budget gone in ${formatSloDuration(
          burn.exhaustedInSeconds,
        )} at this rate`;
  const over = burn.rule ? ` over ${burn.rule.long}` : ' over 1h';
  return `burning ${rate}${over}: ${when}`;
}

/**
 * How an SLO counts its budget, in words: "Occurrences", "Timeslices: 1m
 * slices, each good at 95% or more", "RatioTimeslices: mean of 1m slices".
 *
 * @public
 */
export function describeSloBudgeting(budgeting: SloBudgeting): string {
  switch (budgeting.method) {
    case 'Timeslices':
      return `Timeslices: ${
        budgeting.sliceDuration
      } slices, each good at ${Number(
        (budgeting.sliceTarget * 100).toFixed(3),
      )}% or more`;
    case 'RatioTimeslices':
      return `RatioTimeslices: mean of ${budgeting.sliceDuration} slices`;
    default:
      return 'Occurrences';
  }
}

const SYMBOLS: Record<ThresholdOperator, string> = {
  lt: '<',
  lte: '≤',
  gt: '>',
  gte: '≥',
};

/**
 * What a reading of the indicator must show to be good, for a threshold
 * metric, e.g. `search-latency < 0.3`; undefined for ratios.
 *
 * @public
 */
export function describeSloThreshold(
  indicator: SloIndicator,
): string | undefined {
  if (indicator.metric !== 'threshold') return undefined;
  return `${indicator.name} ${SYMBOLS[indicator.op]} ${indicator.value}`;
}

/**
 * The format an SLO was declared in, as people call it.
 *
 * @public
 */
export const SLO_FORMAT_NAMES: Record<SloFormat, string> = {
  openslo: 'OpenSLO v1',
  sloth: 'Sloth',
};
