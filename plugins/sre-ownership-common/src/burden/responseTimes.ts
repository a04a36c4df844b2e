import { PAGE_SEVERITIES } from '../events';
import { AttributedPage } from './attribution';
import { MINUTE_MS } from './intervals';
import { MinutesBySeverity } from './types';

/** Minutes from trigger to `milestone` of the pages that reached it. */
function minutesTo(
  pages: AttributedPage[],
  milestone: 'acknowledgedAt' | 'resolvedAt',
): number[] {
  return pages
    .map(page => (page[milestone] - page.triggeredAt) / MINUTE_MS)
    .filter(value => !Number.isNaN(value));
}

function mean(values: number[]): number | undefined {
  return values.length
    ? values.reduce((a, b) => a + b, 0) / values.length
    : undefined;
}

/**
 * Mean minutes from trigger to `milestone` per severity and over all
 * severities (`all`), over the pages that reached it; absent where no page
 * did.
 */
function meanMinutesTo(
  pages: AttributedPage[],
  milestone: 'acknowledgedAt' | 'resolvedAt',
): MinutesBySeverity {
  const means: MinutesBySeverity = {};
  for (const severity of [...PAGE_SEVERITIES, 'all' as const]) {
    const value = mean(
      minutesTo(
        severity === 'all'
          ? pages
          : pages.filter(page => page.page.severity === severity),
        milestone,
      ),
    );
    if (value !== undefined) means[severity] = value;
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
