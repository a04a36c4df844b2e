import { PAGE_SEVERITIES } from '../events';
import { AttributedPage } from './attribution';
import { MINUTE_MS, toInstant } from './intervals';
import { MinutesBySeverity } from './types';

/**
 * Mean minutes from trigger to `milestone` per severity, over the pages that
 * reached it; severities without such a page are absent.
 */
function meanMinutesTo(
  pages: AttributedPage[],
  milestone: 'acknowledgedAt' | 'resolvedAt',
): MinutesBySeverity {
  const means: MinutesBySeverity = {};
  for (const severity of PAGE_SEVERITIES) {
    const minutes = pages
      .filter(page => page.page.severity === severity)
      .map(
        page =>
          (toInstant(page.page[milestone]) - page.triggeredAt) / MINUTE_MS,
      )
      .filter(value => !Number.isNaN(value));
    if (minutes.length) {
      means[severity] = minutes.reduce((a, b) => a + b, 0) / minutes.length;
    }
  }
  return means;
}

/** Mean time to acknowledge, in minutes, per severity. */
export function meanTimeToAcknowledge(
  pages: AttributedPage[],
): MinutesBySeverity {
  return meanMinutesTo(pages, 'acknowledgedAt');
}

/** Mean time to resolve, in minutes, per severity. */
export function meanTimeToResolve(pages: AttributedPage[]): MinutesBySeverity {
  return meanMinutesTo(pages, 'resolvedAt');
}
