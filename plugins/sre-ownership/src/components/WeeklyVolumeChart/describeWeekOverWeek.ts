import {
  WeeklyVolume,
  weekOverWeekTrend,
} from '@sre-ownership/plugin-sre-ownership-common';

/**
 * The trend of the last two whole weeks in words, so that it is stated
 * rather than left to be read off the bars. Partial weeks never count, and
 * two whole weeks without pages are a trend of zeros, not too few weeks.
 */
export function describeWeekOverWeek(weeklyVolume: WeeklyVolume[]): string {
  const trend = weekOverWeekTrend(weeklyVolume);
  switch (trend.kind) {
    case 'too-few-weeks':
      return 'Not enough whole weeks yet to compare the last full week with the one before.';
    case 'no-pages':
      return 'No pages in the last full week or the week before.';
    case 'from-none':
      return `Pages rose in the last full week, to ${trend.last} from none the week before.`;
    default: {
      const percent = Math.round(Math.abs(trend.change) * 100);
      if (percent === 0) {
        return 'Pages held steady: the last full week had about as many as the week before.';
      }
      const direction = trend.change > 0 ? 'rose' : 'fell';
      return `Pages ${direction} ${percent}% in the last full week compared with the week before.`;
    }
  }
}
