import { ResolvedSpecialist } from '../resolved';
import { SloFigures } from './figures';
import { SloDeclaration, SloProblem } from './types';

/**
 * Why an SLO has no figures: no Prometheus is configured, its DataSource
 * names an instance app-config does not list, Prometheus did not answer, or
 * refused one of its queries.
 *
 * @public
 */
export interface SloStatusError {
  kind: 'not-configured' | 'unknown-instance' | 'unavailable' | 'query-failed';
  message: string;
}

/**
 * The status of one SLO, read from Prometheus.
 *
 * @public
 */
export interface SloStatus {
  slo: SloDeclaration;
  /** The Prometheus instance asked. */
  prometheus?: string;
  /** The window measured, ISO 8601; for a calendar window, from its start to now. */
  window: { start: string; end: string };
  /** Absent when `error` is set. */
  figures?: SloFigures;
  /** The burn state in words, e.g. "burning 6.2x over 6h: budget gone in 2.3 days at this rate". */
  summary?: string;
  /** Things to know about the figures, e.g. a query that returned no series. */
  notes: string[];
  /** The attainment query in the Prometheus UI, when the instance has a URL for people. */
  queryUrl?: string;
  error?: SloStatusError;
}

/**
 * The SLOs of an entity with their status, the problems in their
 * declarations, and the SLO guard who defends them.
 *
 * @public
 */
export interface EntitySloStatus {
  entityRef: string;
  /** When the figures were computed, ISO 8601. */
  evaluatedAt: string;
  slos: SloStatus[];
  problems: SloProblem[];
  /** The entity's resolved SLO guard role, primary and backups. */
  guard?: ResolvedSpecialist;
  /** Whether any Prometheus instance is configured. */
  prometheusConfigured: boolean;
}
