/** A number with at most `decimals` decimals and no trailing zeros. */
export function formatNumber(value: number, decimals = 2): string {
  return String(Number(value.toFixed(decimals)));
}

/**
 * A figure known to be above `limit`, with `decimals` decimals, or more when
 * rounding would make it read as the limit or below ("2.04", not "2").
 */
export function formatAbove(
  value: number,
  limit: number,
  decimals: number,
): string {
  for (let places = decimals; places < decimals + 3; places++) {
    const text = formatNumber(value, places);
    if (Number(text) > limit) {
      return text;
    }
  }
  return formatNumber(value, decimals + 3);
}

/** A share above `limit` as a percentage, e.g. `0.6` as `60%`. */
export function formatPercentAbove(share: number, limit: number): string {
  return `${formatAbove(share * 100, limit * 100, 0)}%`;
}

/** A share as a percentage, e.g. `0.25` as `25%`. */
export function formatPercent(share: number): string {
  return `${formatNumber(share * 100)}%`;
}

/** `count` followed by the right form of a noun. */
export function countOf(
  count: number,
  singular: string,
  plural: string,
): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** "the last 28 days", or "the last day" for a one-day window. */
export function lastDays(windowDays: number): string {
  return windowDays === 1
    ? 'the last day'
    : `the last ${formatNumber(windowDays)} days`;
}

/** "1 week" or "1.5 weeks". */
export function weeks(count: number): string {
  return `${formatNumber(count)} ${count === 1 ? 'week' : 'weeks'}`;
}
