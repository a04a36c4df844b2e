import { ceiling, fractionOf, times } from './exact';
import { BurdenLimits } from './types';

/** A month is counted as 4 weeks, so weeks per month = 4 × share of the window. */
const WEEKS_PER_MONTH = 4;

/**
 * On-call weeks per month: `4 × onCallMs / windowMs`, a month being counted
 * as 4 weeks (28 days) whatever the window length. Equal to
 * `(onCallHours / 168) × (28 / windowDays)`.
 */
export function onCallWeeksPerMonth(
  onCallMs: number,
  windowMs: number,
): number {
  return (WEEKS_PER_MONTH * onCallMs) / windowMs;
}

/**
 * Engineers needed so that nobody is on call more than
 * `limits.onCallWeeksPerMonth` weeks per month for `personMs` of on-call
 * time (each engineer's own union of shifts, summed over the rotation):
 * `ceil(personHours / (168 × limit × windowDays / 28))`, computed exactly
 * from integer milliseconds. 0 without on-call time.
 *
 * @throws RangeError when the weeks-per-month limit is not positive, as no
 * rotation could then cover any time.
 */
export function requiredRotationSize(
  personMs: number,
  windowMs: number,
  limits: BurdenLimits,
): number {
  if (!(limits.onCallWeeksPerMonth > 0)) {
    throw new RangeError(
      `limits.onCallWeeksPerMonth must be positive, got ${limits.onCallWeeksPerMonth}`,
    );
  }
  if (personMs <= 0 || windowMs <= 0) {
    return 0;
  }
  // personMs / (limit × windowMs / 4) = 4 × personMs / (limit × windowMs)
  const limit = fractionOf(limits.onCallWeeksPerMonth);
  const needed = times(
    { numerator: BigInt(WEEKS_PER_MONTH * personMs), denominator: 1n },
    { numerator: limit.denominator, denominator: limit.numerator },
    { numerator: 1n, denominator: BigInt(windowMs) },
  );
  return ceiling(needed);
}
