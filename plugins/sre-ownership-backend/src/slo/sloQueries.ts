import {
  SloDeclaration,
  SloIndicator,
  SloQuery,
  THRESHOLD_COMPARISONS,
} from '@sre-ownership/plugin-sre-ownership-common';

const WINDOW_PLACEHOLDER = /\{\{\s*\.window\s*\}\}/g;

/** The query with `{{.window}}` replaced by `window`, a PromQL duration. */
export const withWindow = (query: SloQuery, window: string) =>
  query.query.replace(WINDOW_PLACEHOLDER, window);

/**
 * Resolution of the subquery that counts a counter written as an
 * expression (`sum(http_requests_total{...})`) over a window.
 */
const SUBQUERY_STEP = '1m';

/**
 * The PromQL that counts the events of one counter query over a window (a
 * PromQL duration such as `28d` or `3600s`) ending at the evaluation time.
 * See docs/slos.md for how counter resets and window edges are handled.
 */
export function countOverWindow(query: SloQuery, window: string): string {
  switch (query.form) {
    case 'template':
      return `sum(${withWindow(query, window)})`;
    case 'selector':
      return `sum(increase(${query.query}[${window}]))`;
    default:
      return `sum(increase((${query.query})[${window}:${SUBQUERY_STEP}]))`;
  }
}

/**
 * Whether an SLO is measured from readings taken every step (a minute, or
 * one time slice) rather than from instant queries over whole windows:
 * time-slice budgeting, threshold metrics, ratios of gauges, and raw
 * ratios without `{{.window}}`.
 */
export function measuredByReadings(slo: SloDeclaration): boolean {
  const { indicator } = slo;
  if (slo.budgeting.method !== 'Occurrences') return true;
  if (indicator.metric === 'threshold') return true;
  if (indicator.metric === 'raw') return indicator.ratio.form !== 'template';
  return !indicator.counter;
}

/**
 * The queries of one reading over `step` (a PromQL duration), evaluated at
 * the reading's end. `counted` counts good events (bad ones when
 * `countsBad`); `total` all events. A raw ratio has no `total`: `counted`
 * is the share itself.
 */
export interface ReadingQueries {
  counted: string;
  countsBad: boolean;
  total?: string;
}

/** The PromQL of one reading of `indicator` over `step`; docs/slos.md. */
export function readingQueries(
  indicator: SloIndicator,
  step: string,
): ReadingQueries {
  switch (indicator.metric) {
    case 'threshold': {
      const query = withWindow(indicator.query, step);
      return {
        counted: `count((${query}) ${THRESHOLD_COMPARISONS[indicator.op]} ${
          indicator.value
        })`,
        countsBad: false,
        total: `count(${query})`,
      };
    }
    case 'raw':
      return {
        counted: `avg(${withWindow(indicator.ratio, step)})`,
        countsBad: indicator.rawType === 'failure',
      };
    default: {
      const counted = (indicator.good ?? indicator.bad)!;
      const read = (query: SloQuery) =>
        indicator.counter
          ? countOverWindow(query, step)
          : `sum(${withWindow(query, step)})`;
      return {
        counted: read(counted),
        countsBad: !indicator.good,
        total: read(indicator.total),
      };
    }
  }
}

/** The attainment over a window as one PromQL expression, for the link to Prometheus. */
export function attainmentExpression(
  slo: SloDeclaration,
  window: string,
  step: string,
): string {
  const { indicator } = slo;
  if (!measuredByReadings(slo)) {
    if (indicator.metric === 'raw') {
      const ratio = withWindow(indicator.ratio, window);
      return indicator.rawType === 'failure' ? `1 - (${ratio})` : ratio;
    }
    if (indicator.metric === 'ratio') {
      const total = countOverWindow(indicator.total, window);
      if (indicator.good)
        return `${countOverWindow(indicator.good, window)} / ${total}`;
      return `1 - (${countOverWindow(indicator.bad!, window)} / ${total})`;
    }
  }
  // Readings: the good share of each reading, to graph over the window.
  const reading = readingQueries(indicator, step);
  const share = reading.total
    ? `${reading.counted} / ${reading.total}`
    : reading.counted;
  return reading.countsBad ? `1 - (${share})` : share;
}

/** Every query of an indicator, to check with Prometheus. */
export function queriesOf(indicator: SloIndicator): SloQuery[] {
  switch (indicator.metric) {
    case 'threshold':
      return [indicator.query];
    case 'raw':
      return [indicator.ratio];
    default:
      return [(indicator.good ?? indicator.bad)!, indicator.total];
  }
}
