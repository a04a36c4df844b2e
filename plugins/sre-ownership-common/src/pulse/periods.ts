const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * How long after a period's answers close its summary is published: room
 * for an answer accepted at the last moment (or on a replica whose clock is
 * a little behind) to be counted before the summary is fixed.
 *
 * @public
 */
export const PULSE_PUBLICATION_DELAY_MS = 60 * 60 * 1000;
/** Periods are counted from a Monday, so that 7- and 28-day periods start on Mondays. */
const PERIOD_EPOCH_MS = Date.UTC(2024, 0, 1);

/**
 * A fixed period of the pulse, `[from, to)` as ISO dates (`YYYY-MM-DD`, UTC
 * midnight). An answer is counted in the period its shift ended in; nothing
 * finer is stored with it.
 *
 * @public
 */
export interface PulsePeriod {
  from: string;
  to: string;
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The period of `periodDays` days that holds `instant` (epoch milliseconds).
 *
 * @public
 */
export function pulsePeriodOf(
  instant: number,
  periodDays: number,
): PulsePeriod {
  const length = periodDays * DAY_MS;
  const start =
    PERIOD_EPOCH_MS + Math.floor((instant - PERIOD_EPOCH_MS) / length) * length;
  return { from: isoDate(start), to: isoDate(start + length) };
}

/**
 * The period just before `period`.
 *
 * @public
 */
export function previousPulsePeriod(period: PulsePeriod): PulsePeriod {
  const from = Date.parse(`${period.from}T00:00:00Z`);
  const to = Date.parse(`${period.to}T00:00:00Z`);
  return { from: isoDate(from - (to - from)), to: period.from };
}

/**
 * The last complete period before `now` and the one before it: the two
 * periods the pulse summary compares. The period in progress is left out,
 * so that a summary does not move with every answer.
 *
 * @public
 */
export function comparedPulsePeriods(
  now: number,
  periodDays: number,
): { current: PulsePeriod; previous: PulsePeriod } {
  const current = previousPulsePeriod(pulsePeriodOf(now, periodDays));
  return { current, previous: previousPulsePeriod(current) };
}

/**
 * When the summary of `period` is published: `answerWithinDays` after the
 * period ends (a shift that ended at its last moment may be answered until
 * then), plus {@link PULSE_PUBLICATION_DELAY_MS}. Epoch milliseconds.
 *
 * @public
 */
export function pulsePublicationTime(
  period: PulsePeriod,
  answerWithinDays: number,
): number {
  return (
    Date.parse(`${period.to}T00:00:00Z`) +
    answerWithinDays * DAY_MS +
    PULSE_PUBLICATION_DELAY_MS
  );
}

/**
 * The latest period whose summary is published by `now`, and the one
 * before it: the two periods a team's pulse compares. A period is shown
 * only once no answer to it can arrive any more, so its summary is the
 * same from the first time it is shown (docs/oncall-pulse.md).
 *
 * @public
 */
export function publishedPulsePeriods(
  now: number,
  periodDays: number,
  answerWithinDays: number,
): { current: PulsePeriod; previous: PulsePeriod } {
  const lastClosing =
    now - answerWithinDays * DAY_MS - PULSE_PUBLICATION_DELAY_MS;
  const current = previousPulsePeriod(pulsePeriodOf(lastClosing, periodDays));
  return { current, previous: previousPulsePeriod(current) };
}
