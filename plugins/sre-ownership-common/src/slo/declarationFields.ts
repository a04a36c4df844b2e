/** A YAML mapping as parsed. */
export type Json = Record<string, unknown>;

/** Whether a parsed YAML value is a mapping. */
export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Where a declaration sits, and how to report a problem in it. */
export interface DocumentContext {
  report(field: string, message: string): void;
}

/**
 * "is missing" when the key is absent, otherwise "is" and the value as
 * written, so a user can tell a forgotten key from a wrong one.
 */
export function state(owner: unknown, key: string): string {
  if (!isObject(owner) || !(key in owner)) return 'is missing';
  return `is ${JSON.stringify(owner[key])}`;
}

/** Lower-case letters, digits and dashes: what an SLO may be named. */
export const SLO_NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

const WINDOW_PLACEHOLDER = /\{\{\s*\.window\s*\}\}/;
/**
 * A bare series selector. It only picks the cheaper exact PromQL for a
 * plain counter (`increase(<selector>[W])` rather than a subquery); it
 * refuses nothing: Prometheus itself validates every query.
 */
const SERIES_SELECTOR =
  /^(?:[a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[^{}]*\})?|\{[^{}]+\})$/;

/** How a query is measured: see `SloQuery.form`. */
export function queryForm(
  query: string,
): 'selector' | 'template' | 'expression' {
  if (WINDOW_PLACEHOLDER.test(query)) return 'template';
  return SERIES_SELECTOR.test(query) ? 'selector' : 'expression';
}

/**
 * A percentage as a share, without the binary rounding of a plain division
 * (99.9 / 100 is 0.9990000000000001).
 */
export const shareOfPercent = (percent: number) =>
  Number((percent / 100).toPrecision(12));
