/** How far back the shifts of one on-call period are looked for. */
export const PERIOD_LOOKBACK_MS = 62 * 24 * 60 * 60 * 1000;

/** A span of on-call time in epoch milliseconds. */
export interface ShiftSpan {
  startedAt: number;
  endedAt: number;
}

/**
 * The continuous on-call period a shift belongs to: the shift merged with
 * every shift of the same engineer and team that overlaps or touches it,
 * transitively (a week cut into daily shifts is one period). `ended` is
 * false when a shift carries the period on past the shift's end, so that
 * only the shift ending the period invites to the pulse.
 */
export function onCallPeriodOf(
  shift: ShiftSpan,
  spans: ShiftSpan[],
): { startedAt: number; endedAt: number; ended: boolean } {
  const ended = !spans.some(
    span => span.startedAt <= shift.endedAt && span.endedAt > shift.endedAt,
  );
  // Walk back through the shifts that reach the period's start.
  const reaching = (start: number) =>
    spans.filter(span => span.startedAt < start && span.endedAt >= start);
  let startedAt = shift.startedAt;
  for (
    let earlier = reaching(startedAt);
    earlier.length;
    earlier = reaching(startedAt)
  ) {
    startedAt = Math.min(...earlier.map(span => span.startedAt));
  }
  return { startedAt, endedAt: shift.endedAt, ended };
}
