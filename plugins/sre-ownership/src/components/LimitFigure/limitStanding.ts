/**
 * Where a figure stands against its sustainable limit: above it, close to it
 * (from 80% of the limit up to the limit itself), or comfortably within it.
 */
export type LimitStanding = 'over' | 'near' | 'within';

/** The share of a limit from which a figure counts as close to it. */
export const NEAR_LIMIT_FROM = 0.8;

/** Compares a figure with a maximum, e.g. 2 pages per 12-hour shift. */
export function limitStanding(value: number, limit: number): LimitStanding {
  if (value > limit) return 'over';
  if (value >= limit * NEAR_LIMIT_FROM && value > 0) return 'near';
  return 'within';
}
