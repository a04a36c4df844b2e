import { PageSeverity } from '../events';

/**
 * An instant as the burden engine accepts it: an ISO 8601 string (as the
 * API carries it) or epoch milliseconds (as the store reads it, so a
 * request's rows need no parsing and no Date objects).
 *
 * @public
 */
export type BurdenInstant = string | number;

/**
 * The part of an on-call shift the burden engine reads; an `OncallShift` is
 * one.
 *
 * @public
 */
export interface BurdenShift {
  teamRef: string;
  userRef: string;
  startsAt: BurdenInstant;
  endsAt: BurdenInstant;
}

/**
 * The part of a page the burden engine reads; an `OncallPage` is one.
 *
 * @public
 */
export interface BurdenPage {
  teamRef?: string;
  responderRef?: string;
  severity: PageSeverity;
  triggeredAt: BurdenInstant;
  acknowledgedAt?: BurdenInstant;
  resolvedAt?: BurdenInstant;
}

/**
 * The part of a toil entry the burden engine reads; a `ToilEntry` is one.
 *
 * @public
 */
export interface BurdenToil {
  teamRef: string;
  userRef: string;
  startedAt: BurdenInstant;
  minutes: number;
}
