/**
 * The windows burn rates are measured over, shortest first.
 *
 * @public
 */
export const BURN_WINDOWS = [
  '5m',
  '30m',
  '1h',
  '2h',
  '6h',
  '1d',
  '3d',
] as const;

/**
 * One of {@link BURN_WINDOWS}.
 *
 * @public
 */
export type BurnWindow = (typeof BURN_WINDOWS)[number];

/**
 * Length of each burn window in seconds.
 *
 * @public
 */
export const BURN_WINDOW_SECONDS: Record<BurnWindow, number> = {
  '5m': 300,
  '30m': 1800,
  '1h': 3600,
  '2h': 7200,
  '6h': 21_600,
  '1d': 86_400,
  '3d': 259_200,
};

/**
 * How urgent a burn is: `page` wakes someone, `ticket` is for working
 * hours, `ok` needs nothing; `unknown` when no window had events.
 *
 * @public
 */
export type BurnSeverity = 'page' | 'ticket' | 'ok' | 'unknown';

/**
 * One multi-window, multi-burn-rate alert condition of the SRE workbook
 * ("Alerting on SLOs", table 5-8): both windows burn at `factor` or faster.
 *
 * @public
 */
export interface BurnRule {
  severity: 'page' | 'ticket';
  factor: number;
  long: BurnWindow;
  short: BurnWindow;
}

/**
 * The workbook's recommended conditions, most urgent first: page at 14.4x
 * over 1h and 5m (2% of a 30-day budget in an hour) or 6x over 6h and 30m
 * (5% in six hours); ticket at 3x over 1d and 2h (10% in a day) or 1x over
 * 3d and 6h (10% in three days).
 *
 * @public
 */
export const BURN_RULES: readonly BurnRule[] = [
  { severity: 'page', factor: 14.4, long: '1h', short: '5m' },
  { severity: 'page', factor: 6, long: '6h', short: '30m' },
  { severity: 'ticket', factor: 3, long: '1d', short: '2h' },
  { severity: 'ticket', factor: 1, long: '3d', short: '6h' },
];

/**
 * The burn state of an SLO: which rule fired and the rate it is burning at.
 *
 * @public
 */
export interface BurnState {
  severity: BurnSeverity;
  /** The first rule of {@link BURN_RULES} whose two windows both burn at its factor. */
  rule?: BurnRule;
  /** The rate of the fired rule's long window, or the 1h rate when none fired. */
  rate: number | null;
  /** Seconds until the remaining budget is gone at `rate`; null when never or unknown, 0 when gone. */
  exhaustedInSeconds: number | null;
}

/**
 * Classifies burn rates with {@link BURN_RULES}. A window without events
 * (rate null) satisfies no rule.
 *
 * @public
 */
export function classifyBurn(
  rates: Record<BurnWindow, number | null>,
  budgetRemaining: number | null,
  windowSeconds: number,
): BurnState {
  const rule = BURN_RULES.find(
    r =>
      (rates[r.long] ?? -1) >= r.factor && (rates[r.short] ?? -1) >= r.factor,
  );
  const rate = rule ? rates[rule.long] : rates['1h'];
  const known = BURN_WINDOWS.some(w => rates[w] !== null);
  let exhaustedInSeconds: number | null = null;
  if (budgetRemaining !== null && budgetRemaining <= 0) {
    exhaustedInSeconds = 0;
  } else if (budgetRemaining !== null && rate !== null && rate > 0) {
    exhaustedInSeconds = (budgetRemaining * windowSeconds) / rate;
  }
  let severity: BurnSeverity = known ? 'ok' : 'unknown';
  if (rule) severity = rule.severity;
  return {
    severity,
    ...(rule ? { rule } : {}),
    rate,
    exhaustedInSeconds,
  };
}
