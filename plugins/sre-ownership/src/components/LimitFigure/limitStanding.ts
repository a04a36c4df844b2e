import { NEAR_LIMIT_FROM } from '@sre-ownership/plugin-sre-ownership-common';

/**
 * Where a figure stands against its sustainable limit: above it, close to it
 * (from 80% of the limit up to the limit itself), or comfortably within it.
 */
export type LimitStanding = 'over' | 'near' | 'within';

/**
 * Compares a figure with a maximum, e.g. 2 pages per 12-hour shift, for the
 * figures whose response carries no verdict yet (a service's on-call
 * health); an engineer's figures show the backend's `overLimit` and
 * `nearLimit`. The threshold is `-common`'s.
 */
export function limitStanding(value: number, limit: number): LimitStanding {
  if (value > limit) return 'over';
  if (value >= limit * NEAR_LIMIT_FROM && value > 0) return 'near';
  return 'within';
}
