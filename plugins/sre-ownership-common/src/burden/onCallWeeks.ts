import { BurdenLimits } from './types';

const WEEK_HOURS = 168;
/** A month is counted as 4 weeks. */
const DAYS_PER_MONTH = 28;
/** Keeps 672.0000001 hours of floating-point noise from asking for 5 of 4. */
const EPSILON = 1e-9;

/**
 * On-call weeks per month: `(onCallHours / 168) * (28 / windowDays)`, a
 * month being counted as 4 weeks (28 days) whatever the window length.
 */
export function onCallWeeksPerMonth(
  onCallHours: number,
  windowDays: number,
): number {
  return (onCallHours / WEEK_HOURS) * (DAYS_PER_MONTH / windowDays);
}

/**
 * Engineers needed so that nobody is on call more than
 * `limits.onCallWeeksPerMonth` weeks per month for the given coverage:
 * `ceil(coverageHours / (limit * 168 * windowDays / 28))`, at least 1 when
 * there is coverage and 0 without.
 *
 * @throws RangeError when the weeks-per-month limit is not positive, as no
 * rotation could then cover any time.
 */
export function requiredRotationSize(
  coverageHours: number,
  windowDays: number,
  limits: BurdenLimits,
): number {
  if (!(limits.onCallWeeksPerMonth > 0)) {
    throw new RangeError(
      `limits.onCallWeeksPerMonth must be positive, got ${limits.onCallWeeksPerMonth}`,
    );
  }
  if (coverageHours <= 0) {
    return 0;
  }
  const hoursPerEngineer =
    (limits.onCallWeeksPerMonth * WEEK_HOURS * windowDays) / DAYS_PER_MONTH;
  return Math.max(1, Math.ceil(coverageHours / hoursPerEngineer - EPSILON));
}
