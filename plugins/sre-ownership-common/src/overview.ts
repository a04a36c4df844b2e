import { BurdenStatus, OnCallNow } from './burden/types';
import { OwnershipModel } from './model';
import { Party, ResolvedEscalationLevel } from './resolved';
import { SpecialistRole } from './specialists';

/**
 * The gaps the reliability overview counts, one tile each. See
 * docs/reliability-overview.md for each definition.
 *
 * @public
 */
export const COVERAGE_GAPS = [
  'no-reliability-owner',
  'no-model',
  'missing-ref',
  'no-oncall-source',
  'derived-escalation',
  'nobody-on-call',
  'declaration-problems',
] as const;

/**
 * One kind of coverage gap.
 *
 * @public
 */
export type CoverageGap = (typeof COVERAGE_GAPS)[number];

/**
 * Whether a string names a coverage gap.
 *
 * @public
 */
export function isCoverageGap(value: string): value is CoverageGap {
  return (COVERAGE_GAPS as readonly string[]).includes(value);
}

/**
 * Filters of the coverage tiles and the lists behind them. Every field is
 * optional; values compare case-insensitively.
 *
 * @public
 */
export interface CoverageFilter {
  kind?: string[];
  /** Entity ref of the owner in `spec.owner`, e.g. `group:default/payments`. */
  owner?: string[];
  /** Entity ref of the System. */
  system?: string[];
  /** Entity ref of the Domain, through the System when not on the entity. */
  domain?: string[];
  lifecycle?: string[];
  /** A model, or `none` for entities without one. */
  model?: string[];
  tier?: string[];
}

/**
 * The filters of the coverage tiles, the lists behind them and the tiers,
 * in the order the page and the query string name them.
 *
 * @public
 */
export const COVERAGE_FILTER_KEYS = [
  'kind',
  'owner',
  'system',
  'domain',
  'lifecycle',
  'model',
  'tier',
] as const satisfies readonly (keyof CoverageFilter)[];

/**
 * One filter of the coverage tiles.
 *
 * @public
 */
export type CoverageFilterKey = (typeof COVERAGE_FILTER_KEYS)[number];

/**
 * One entity as the overview lists it.
 *
 * @public
 */
export interface OverviewEntity {
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  owner?: string;
  system?: string;
  domain?: string;
  lifecycle?: string;
  model?: OwnershipModel;
  tier: string;
  gaps: CoverageGap[];
  /** One sentence per gap, saying what is missing and what to declare. */
  reasons: Partial<Record<CoverageGap, string>>;
  /** Why the entity falls short of its tier's rules, as sentences; empty when it meets them. */
  fallsShort: string[];
}

/**
 * The coverage tiles: how many entities have each gap.
 *
 * @public
 */
export interface CoverageSummary {
  /** Entities the caller may read that match the filter. */
  total: number;
  gaps: Record<CoverageGap, number>;
  /** When the index was last refreshed; absent before the first refresh. */
  refreshedAt?: string;
  /**
   * Filter values no entity the caller may read has, per filter: most often a
   * typo. Absent when every value is known.
   */
  unknownValues?: Partial<Record<CoverageFilterKey, string[]>>;
}

/**
 * One page of a drill-down list.
 *
 * @public
 */
export interface OverviewEntityPage {
  items: OverviewEntity[];
  /** Equal to the tile's number for the same gap and filter. */
  totalItems: number;
  offset: number;
  limit: number;
}

/**
 * What one tier requires, from app-config.
 *
 * @public
 */
export interface TierRules {
  /** At least this many declared escalation levels (a derived path does not count). */
  minEscalationLevels?: number;
  /** A backup for every specialist role. */
  specialistBackups?: boolean;
  /** A schedule feed or alert routing. */
  onCallSource?: boolean;
  /** At least one reliability owner that exists in the catalog. */
  reliabilityOwner?: boolean;
  /** A model declared in the catalog, not only the app-config default. */
  modelDeclared?: boolean;
}

/**
 * One tier with what it requires and who falls short.
 *
 * @public
 */
export interface TierReport {
  tier: string;
  /** The rules in words, e.g. "a declared escalation path with at least 2 levels". */
  requirements: string[];
  /** Entities in the tier (that the caller may read). */
  entities: number;
  fallingShort: OverviewEntity[];
  /** Entities falling short beyond those listed. */
  moreFallingShort: number;
}

/**
 * Rules by tier.
 *
 * @public
 */
export interface TierOverview {
  defaultTier: string;
  tiers: TierReport[];
}

/**
 * One team's holders of one specialist role.
 *
 * @public
 */
export interface SpecialistCell {
  primary?: Party;
  backups: Party[];
  /** Nobody holds the role. */
  unfilled: boolean;
  /** Exactly one person holds the role. */
  singlePerson: boolean;
  /** The primary is also listed as a backup. */
  samePrimaryAndBackup: boolean;
  /**
   * Holders over a burden limit in the current window; null when the caller
   * may not read per-person figures or the team has no on-call data.
   */
  overLimit: string[] | null;
  /**
   * Where the holders are declared: the team's services, their System,
   * Domain or owning Group, by the inheritance the entity cards use.
   */
  declaredOn?: string[];
  /** The team's services that resolve to nobody in the role. */
  servicesWithout?: string[];
}

/**
 * One row of the specialist gaps matrix: a team's holders of each role, by
 * the same inheritance as the entity cards (see docs/reliability-overview.md).
 *
 * @public
 */
export interface SpecialistGapRow {
  teamRef: string;
  displayName: string;
  /**
   * How many of the team's services (Components it owns) the roles are
   * resolved from; 0 when it owns none and its Group's own roles count.
   */
  services: number;
  roles: Record<SpecialistRole, SpecialistCell>;
}

/**
 * Direction of a team's burden status against the previous window.
 *
 * @public
 */
export type BurdenTrend = 'worse' | 'better' | 'same';

/**
 * One team in the teams-at-risk list.
 *
 * @public
 */
export interface TeamRisk {
  teamRef: string;
  displayName: string;
  status: BurdenStatus;
  topReason?: string;
  previousStatus: BurdenStatus;
  trend: BurdenTrend;
}

/**
 * Why a search answer matched, strongest first.
 *
 * @public
 */
export type MatchKind = 'name' | 'person' | 'tag' | 'description';

/**
 * One "who do I call?" answer.
 *
 * @public
 */
export interface WhoToCallAnswer {
  entityRef: string;
  kind: string;
  title: string;
  description?: string;
  match: MatchKind;
  /** Why this answer matched, as a sentence. */
  why: string;
  reliabilityOwners: Party[];
  /** The escalation path, with who is on call now at `oncall` levels. */
  escalation: ResolvedEscalationLevel[];
  /** Who carries the pager now, level by level. */
  onCallNow: Array<{ level: number; teamRef: string; onCall: OnCallNow }>;
  /**
   * For a team (a Group answer): who carries the team's own pager now. A
   * team's rotation is whom to call about the team; its escalation levels,
   * if any, are those of the Group entity.
   */
  teamOnCall?: OnCallNow;
  /** The specialist asked for, when the query named a role. */
  specialist?: {
    role: SpecialistRole;
    primary?: Party;
    backups: Party[];
  };
  /** Where to reach the first people to call, e-mail or chat. */
  contacts: Party[];
}

/**
 * Whom an answer says is on call now: a team's own rotation, or else each
 * `oncall` level of the escalation path, with its level.
 *
 * @public
 */
export function onCallRotations(
  answer: Pick<WhoToCallAnswer, 'teamOnCall' | 'onCallNow'>,
): Array<{ level?: number; onCall: OnCallNow }> {
  return answer.teamOnCall
    ? [{ onCall: answer.teamOnCall }]
    : answer.onCallNow.map(({ level, onCall }) => ({ level, onCall }));
}

/**
 * The ranked answers to a free-text query.
 *
 * @public
 */
export interface WhoToCallResult {
  query: string;
  /** The specialist role the query named, if any. */
  role?: SpecialistRole;
  /** The query without the role words. */
  scope: string;
  answers: WhoToCallAnswer[];
  totalMatches: number;
}
