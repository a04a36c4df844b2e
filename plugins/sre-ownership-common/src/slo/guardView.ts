import { PageSeverity } from '../events';
import { BurnSeverity } from './burn';
import { SloStatus, SloStatusError } from './status';

/**
 * One SLO as the catalog-wide lists show it, from the latest scheduled
 * evaluation.
 *
 * @public
 */
export interface SloListItem {
  entityRef: string;
  /** The entity's title, when it has one. */
  entityTitle?: string;
  sloName: string;
  displayName: string;
  target: number;
  /** As declared, e.g. `7d rolling` or `1M calendar`. */
  window: string;
  /** `unknown` when no window had events or the SLO could not be measured (see `error`). */
  burn: BurnSeverity;
  /** The burn rate of the fired rule's long window, or the 1h rate; null without events. */
  burnRate: number | null;
  /** Share of the error budget left; negative when overspent, null without events. */
  budgetRemaining: number | null;
  summary?: string;
  /** Why the SLO has no figures. */
  error?: string;
  /** When it was measured, ISO 8601. */
  evaluatedAt: string;
}

/** Order of burn severities, worst first. */
const BURN_ORDER: Record<BurnSeverity, number> = {
  page: 0,
  ticket: 1,
  unknown: 2,
  ok: 3,
};

/**
 * Worst burn first: page, ticket, then unknown (no data is not good news),
 * then ok; within one state the faster burn, then the smaller budget left,
 * then by entity and SLO name.
 *
 * @public
 */
export function compareSloBurn(a: SloListItem, b: SloListItem): number {
  return (
    BURN_ORDER[a.burn] - BURN_ORDER[b.burn] ||
    (b.burnRate ?? -Infinity) - (a.burnRate ?? -Infinity) ||
    (a.budgetRemaining ?? Infinity) - (b.budgetRemaining ?? Infinity) ||
    a.entityRef.localeCompare(b.entityRef) ||
    a.sloName.localeCompare(b.sloName)
  );
}

/**
 * The list item of a measured SLO status.
 *
 * @public
 */
export function sloListItem(
  entityRef: string,
  status: SloStatus,
  evaluatedAt: string,
  entityTitle?: string,
): SloListItem {
  const { slo, figures } = status;
  return {
    entityRef,
    ...(entityTitle ? { entityTitle } : {}),
    sloName: slo.name,
    displayName: slo.displayName,
    target: slo.target,
    window: `${slo.window.duration} ${slo.window.kind}`,
    burn: figures?.burn.severity ?? 'unknown',
    burnRate: figures?.burn.rate ?? null,
    budgetRemaining: figures?.budget.remaining ?? null,
    ...(status.summary ? { summary: status.summary } : {}),
    ...(status.error ? { error: status.error.message } : {}),
    evaluatedAt,
  };
}

/**
 * A capped list: the first items and how many there are in all.
 *
 * @public
 */
export interface CappedList<T> {
  total: number;
  items: T[];
}

/**
 * An entity named in an SLO list, with a link target.
 *
 * @public
 */
export interface SloEntityRef {
  entityRef: string;
  title?: string;
  tier?: string;
}

/**
 * The SLO guard's view of the catalog, computed from the latest scheduled
 * evaluation and the reliability index (docs/slos.md, "Across the catalog").
 *
 * @public
 */
export interface SloOverview {
  /** When the last evaluation finished; absent before the first. */
  evaluatedAt?: string;
  /** SLOs the caller may read, measured or not. */
  total: number;
  /** SLOs with less than this share of their budget left are listed under `lowBudget`. */
  budgetThreshold: number;
  /** Tiers whose services should declare an SLO. */
  requiredTiers: string[];
  /** SLOs in a page-level burn now, worst first. */
  paging: CappedList<SloListItem>;
  /** SLOs in a ticket-level burn now, worst first. */
  ticketing: CappedList<SloListItem>;
  /** SLOs with less budget left than `budgetThreshold`, least first. */
  lowBudget: CappedList<SloListItem>;
  /** SLOs without figures: Prometheus unreachable, a query refused, or no events. */
  unmeasured: CappedList<SloListItem>;
  /** Services (Components) of a required tier that declare no SLO. */
  withoutSlo: CappedList<SloEntityRef>;
  /** People and teams named SLO guard of entities of which none declares an SLO. */
  guardsWithoutSlo: CappedList<{
    guard: { ref: string; displayName: string };
    entities: SloEntityRef[];
  }>;
}

/**
 * The error budget one incident (a page about the entity) spent.
 *
 * @public
 */
export interface SloIncidentBudget {
  /** The page's id at its source, e.g. a PagerDuty incident number. */
  id: string;
  source: string;
  title?: string;
  severity: PageSeverity;
  triggeredAt: string;
  /** Absent while it is still open. */
  resolvedAt?: string;
  /** The part of the incident counted: its open time inside the SLO window. */
  counted: { start: string; end: string };
  /** Bad events between `counted.start` and `counted.end`; null when Prometheus had no series. */
  badEvents: number | null;
  /** Bad events as a share of the window's error budget; null when the window has no events. */
  budgetShare: number | null;
  /** The same as minutes of full outage: budgetShare × the budget as time. */
  outageMinutes: number | null;
}

/**
 * The budget an SLO spent during each incident of its entity in its window.
 *
 * @public
 */
export interface SloIncidentAttribution {
  sloName: string;
  displayName: string;
  /** The SLO window measured, ISO 8601. */
  window: { start: string; end: string };
  /** Every incident overlapping the window, most budget first. */
  incidents: SloIncidentBudget[];
  /** Share of the budget spent while at least one incident was open (overlaps counted once). */
  duringIncidents: number | null;
  /** Share spent while no incident was open: consumed minus duringIncidents. */
  outsideIncidents: number | null;
  /** Share of the budget spent over the whole window. */
  consumed: number | null;
  error?: SloStatusError;
  /** Why incidents are not attributed for this SLO, e.g. time-slice budgeting. */
  note?: string;
}

/**
 * An entity's SLOs with the budget each incident spent.
 *
 * @public
 */
export interface EntitySloIncidents {
  entityRef: string;
  evaluatedAt: string;
  slos: SloIncidentAttribution[];
}

/**
 * A System's or Domain's entities with their pages, on-call load and SLOs
 * (docs/slos.md, "Roll-ups").
 *
 * @public
 */
export interface EntityRollup {
  entityRef: string;
  /** The burden window the pages are counted over. */
  window: { from: string; to: string; days: number };
  /** Every entity rolled up: the entity itself and those that belong to it. */
  entities: RollupEntity[];
  /** Sums over `entities` of what could be read. */
  totals: {
    pages: number;
    previousPages: number;
    offHoursPages: number;
  };
  /** Every SLO of `entities`, worst burn first. */
  slos: SloListItem[];
  /** When the SLOs were last evaluated; absent before the first evaluation. */
  slosEvaluatedAt?: string;
}

/**
 * One entity of a roll-up.
 *
 * @public
 */
export interface RollupEntity {
  entityRef: string;
  kind: string;
  title?: string;
  /** The System it belongs to (for a Domain's roll-up). */
  system?: string;
  pages: number;
  previousPages: number;
  /** Pages outside the paged engineer's business hours. */
  offHoursPages: number;
  /** Who is on call for it now (user entity refs). */
  onCallNow: string[];
  slos: number;
  /** Its worst SLO burn; absent without SLOs. */
  worstBurn?: BurnSeverity;
}
