import {
  SloIndicator,
  SloQuery,
} from '@sre-ownership/plugin-sre-ownership-common';

const WINDOW_PLACEHOLDER = /\{\{\s*\.window\s*\}\}/g;

/**
 * The PromQL that counts the events of one query over a window (a PromQL
 * duration such as `28d` or `3600s`) ending at the evaluation time. See
 * docs/slos.md for how counter resets and window edges are handled.
 */
export function countOverWindow(query: SloQuery, window: string): string {
  if (query.form === 'template') {
    return `sum(${query.query.replace(WINDOW_PLACEHOLDER, window)})`;
  }
  return `sum(increase(${query.query}[${window}]))`;
}

/** The attainment over a window as one PromQL expression, for the link to Prometheus. */
export function attainmentExpression(
  indicator: SloIndicator,
  window: string,
): string {
  const total = countOverWindow(indicator.total, window);
  if (indicator.good)
    return `${countOverWindow(indicator.good, window)} / ${total}`;
  return `1 - (${countOverWindow(indicator.bad!, window)} / ${total})`;
}
