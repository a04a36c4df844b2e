/**
 * The one rule for two reports of the same page (same source and
 * externalId): two records in one batch, a batch and what is stored, or
 * the deliveries that a grouped write combines. Every path calls
 * {@link mergePage}, so a page reads the same whichever way its reports
 * arrived, and never out of time order.
 */
import { OncallPage } from '@sre-ownership/plugin-sre-ownership-common';
import { parseInstant } from './fields';

type Instant = string | undefined;

const millis = (value: Instant) =>
  value === undefined ? undefined : parseInstant(value);

/** The earlier of two times (`a` on a tie); the known one if only one is. */
function earliest(a: Instant, b: Instant): Instant {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return millis(b)! < millis(a)! ? b : a;
}

/** The later of two times (`a` on a tie); the known one if only one is. */
function latest(a: Instant, b: Instant): Instant {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return millis(b)! > millis(a)! ? b : a;
}

/**
 * One page from two valid reports of it, `earlier` the one stored or
 * received first:
 *
 * - `triggeredAt` is the earliest of the two: a report that only learnt of
 *   the page late (a PagerDuty acknowledgement without `created_at`) does
 *   not move its start;
 * - `acknowledgedAt` is the earliest known: the first acknowledgement ends
 *   the wait for a responder;
 * - `resolvedAt` is the latest known, and never before `acknowledgedAt`:
 *   when one report says resolved at 10:10 and another acknowledged at
 *   10:20, the page was open at 10:20, so it counts as resolved at 10:20;
 * - every other field is the later report's where it has one, the earlier
 *   one's otherwise (a late "triggered" cannot erase a responder).
 *
 * Each report already has `triggeredAt` ≤ `acknowledgedAt` ≤ `resolvedAt`,
 * so the result does too. When the reports agree with one another (every
 * acknowledgement before every resolution) the times depend only on which
 * reports arrived, not on their order or grouping.
 */
export function mergePage(earlier: OncallPage, later: OncallPage): OncallPage {
  const merged: OncallPage = { ...earlier };
  for (const [key, value] of Object.entries(later)) {
    if (value !== undefined) {
      (merged as unknown as Record<string, unknown>)[key] = value;
    }
  }
  const acknowledgedAt = earliest(earlier.acknowledgedAt, later.acknowledgedAt);
  const resolved = latest(earlier.resolvedAt, later.resolvedAt);
  const resolvedAt =
    resolved === undefined ? undefined : latest(resolved, acknowledgedAt);
  merged.triggeredAt = earliest(earlier.triggeredAt, later.triggeredAt)!;
  if (acknowledgedAt === undefined) delete merged.acknowledgedAt;
  else merged.acknowledgedAt = acknowledgedAt;
  if (resolvedAt === undefined) delete merged.resolvedAt;
  else merged.resolvedAt = resolvedAt;
  return merged;
}
