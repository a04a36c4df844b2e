/**
 * An on-call shift: one engineer carrying one team's pager for a period.
 * Times are ISO 8601 strings with an offset or `Z`.
 *
 * @public
 */
export interface OncallShift {
  /** Where the shift comes from, e.g. `ics`, `api`, `pagerduty`. */
  source: string;
  /** Stable id of the shift in its source; the idempotency key with `source`. */
  externalId: string;
  /** Group entity ref of the rotation. */
  teamRef: string;
  /** User entity ref of the engineer on call. */
  userRef: string;
  /** Name of the schedule in its source. */
  schedule?: string;
  startsAt: string;
  endsAt: string;
}

/**
 * Severities of a page, most severe first.
 *
 * @public
 */
export const PAGE_SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

/**
 * One of {@link PAGE_SEVERITIES}.
 *
 * @public
 */
export type PageSeverity = (typeof PAGE_SEVERITIES)[number];

/**
 * A page: an alert or incident that reached a person.
 *
 * @public
 */
export interface OncallPage {
  source: string;
  externalId: string;
  /** The service the page was about. */
  entityRef?: string;
  /** The Group that was paged. */
  teamRef?: string;
  /** The User who responded. */
  responderRef?: string;
  severity: PageSeverity;
  title?: string;
  triggeredAt: string;
  acknowledgedAt?: string;
  resolvedAt?: string;
}

/**
 * Time an engineer spent on toil.
 *
 * @public
 */
export interface ToilEntry {
  source: string;
  externalId: string;
  teamRef: string;
  userRef: string;
  category?: string;
  startedAt: string;
  minutes: number;
}
