/**
 * The week-over-week change of pages in words, so that the trend is stated
 * rather than left to be read off the bars.
 *
 * @param change - last full week over the week before, e.g. 0.5 = +50%
 */
export function describeWeekOverWeek(change: number | undefined): string {
  if (change === undefined || Number.isNaN(change)) {
    return 'Not enough weeks yet to compare the last full week with the one before.';
  }
  if (!Number.isFinite(change)) {
    return 'Pages rose in the last full week, from none the week before.';
  }
  const percent = Math.round(Math.abs(change) * 100);
  if (percent === 0) {
    return 'Pages held steady: the last full week had about as many as the week before.';
  }
  const direction = change > 0 ? 'rose' : 'fell';
  return `Pages ${direction} ${percent}% in the last full week compared with the week before.`;
}
