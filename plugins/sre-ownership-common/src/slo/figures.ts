import { BURN_WINDOWS, BurnState, BurnWindow, classifyBurn } from './burn';

/**
 * Events counted over one window; null when the query returned no series.
 *
 * @public
 */
export interface EventCounts {
  /** Bad events: total minus good, or the bad query's count. */
  bad: number;
  total: number;
}

/**
 * The error budget of an SLO over its window.
 *
 * @public
 */
export interface ErrorBudget {
  /** Share of the budget spent: bad events over the events the target allows to fail. May exceed 1. */
  consumed: number | null;
  /** 1 minus consumed; negative once overspent. */
  remaining: number | null;
  /** The whole budget as time at a full outage: (1 - target) x window. */
  totalSeconds: number;
  /** remaining x totalSeconds: how long a full outage the budget still allows. */
  remainingSeconds: number | null;
}

/**
 * The figures of one SLO, computed from event counts.
 *
 * @public
 */
export interface SloFigures {
  /** Good events over all events in the window; null without events. */
  attainment: number | null;
  budget: ErrorBudget;
  /** Budget consumed in the window before this one, for the trend. */
  previousConsumed: number | null;
  /** Error rate over each burn window divided by the allowed one (1 - target). */
  burnRates: Record<BurnWindow, number | null>;
  burn: BurnState;
}

const errorRate = (counts: EventCounts | null) =>
  counts && counts.total > 0 ? counts.bad / counts.total : null;

/**
 * Attainment, error budget, previous consumption and burn state of an SLO
 * with objective `target` over a window of `windowSeconds`. Definitions are
 * in docs/slos.md.
 *
 * @public
 */
export function computeSloFigures(input: {
  target: number;
  windowSeconds: number;
  current: EventCounts | null;
  previous: EventCounts | null;
  burn: Record<BurnWindow, EventCounts | null>;
}): SloFigures {
  const allowed = 1 - input.target;
  const currentRate = errorRate(input.current);
  const previousRate = errorRate(input.previous);
  const consumed = currentRate === null ? null : currentRate / allowed;
  const remaining = consumed === null ? null : 1 - consumed;
  const totalSeconds = allowed * input.windowSeconds;
  const burnRates = Object.fromEntries(
    BURN_WINDOWS.map(window => {
      const rate = errorRate(input.burn[window]);
      return [window, rate === null ? null : rate / allowed];
    }),
  ) as Record<BurnWindow, number | null>;
  return {
    attainment: currentRate === null ? null : 1 - currentRate,
    budget: {
      consumed,
      remaining,
      totalSeconds,
      remainingSeconds: remaining === null ? null : remaining * totalSeconds,
    },
    previousConsumed: previousRate === null ? null : previousRate / allowed,
    burnRates,
    burn: classifyBurn(burnRates, remaining, input.windowSeconds),
  };
}
