/**
 * Which window a burden or health request is about: the last `days` days up
 * to now, or an explicit `[from, to)` (ISO 8601, at most 366 days). Without
 * either, the backend's configured window applies.
 *
 * @public
 */
export interface BurdenWindowQuery {
  days?: number;
  from?: string;
  to?: string;
}

/** The query string of a window, with a leading `?`, or '' for none. */
export function windowQueryString(window: BurdenWindowQuery = {}): string {
  const query = new URLSearchParams();
  if (window.days !== undefined) query.set('days', String(window.days));
  if (window.from !== undefined) query.set('from', window.from);
  if (window.to !== undefined) query.set('to', window.to);
  const text = query.toString();
  return text ? `?${text}` : '';
}
