import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { BurdenWindowQuery } from './burdenWindowQuery';
import { SreOwnershipPulseApi } from './SreOwnershipPulseApi';
import {
  CoverageFilter,
  CoverageGap,
  CoverageSummary,
  OverviewEntityPage,
  SpecialistGapRow,
  TeamRisk,
  TierOverview,
  WhoToCallResult,
  EntitySloStatus,
  EntitySloIncidents,
  EntityRollup,
  SloOverview,
  ResolvedOwnership,
  ServiceOnCallHealth,
  TeamBurden,
  RestTaken,
  TeamRestOwed,
} from '@sre-ownership/plugin-sre-ownership-common';

/**
 * One page of resolved ownership, from {@link SreOwnershipApi.listOwnership}.
 *
 * @public
 */
export interface OwnershipPage {
  items: ResolvedOwnership[];
  totalItems: number;
  nextCursor?: string;
}

/**
 * What a drill-down list asks for.
 *
 * @public
 */
export interface OverviewListOptions {
  gap?: CoverageGap;
  filter?: CoverageFilter;
  sort?: 'name' | 'kind' | 'owner' | 'system' | 'tier';
  order?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

/**
 * Client for the SRE Ownership backend.
 *
 * @public
 */
export interface SreOwnershipApi
  extends SreOwnershipRestApi,
    SreOwnershipPulseApi {
  /** Resolved reliability ownership of one entity, with provenance and problems. */
  getOwnership(entity: CompoundEntityRef): Promise<ResolvedOwnership>;

  /** Resolved ownership of many entities, one page at a time. */
  listOwnership(options?: {
    kind?: string[];
    limit?: number;
    cursor?: string;
  }): Promise<OwnershipPage>;

  /**
   * On-call burden of a team (Group) over the last `days` days or an
   * explicit `from`/`to` window (the configured window by default).
   * `engineers` is absent when the caller lacks `sre-ownership.burden.read`.
   */
  getTeamBurden(
    team: CompoundEntityRef,
    options?: BurdenWindowQuery,
  ): Promise<TeamBurden>;

  /** On-call health of a service over the last `days` days or `from`/`to`. */
  getServiceHealth(
    entity: CompoundEntityRef,
    options?: BurdenWindowQuery,
  ): Promise<ServiceOnCallHealth>;

  /** The SLOs an entity declares, with their status from Prometheus and the SLO guard. */
  getSloStatus(entity: CompoundEntityRef): Promise<EntitySloStatus>;

  /** For each SLO of an entity, the error budget each of its incidents spent. */
  getSloIncidents(entity: CompoundEntityRef): Promise<EntitySloIncidents>;

  /** A System's, Domain's or team's entities with their pages and SLOs. */
  getEntityRollup(entity: CompoundEntityRef): Promise<EntityRollup>;

  /** The SLO tiles of the reliability overview. */
  getSloOverview(): Promise<SloOverview>;

  /** The coverage tiles of the reliability overview. */
  getCoverage(filter?: CoverageFilter): Promise<CoverageSummary>;

  /** The list behind a coverage tile: filtered, sorted, paged. */
  listOverviewEntities(
    options: OverviewListOptions,
  ): Promise<OverviewEntityPage>;

  /** Each tier's rules and who falls short. */
  getTiers(filter?: CoverageFilter): Promise<TierOverview>;

  /** Teams that carry a pager × the four specialist roles. */
  getSpecialistGaps(): Promise<SpecialistGapRow[]>;

  /** Every team that carries a pager, with its burden status and trend. */
  getTeamsAtRisk(): Promise<TeamRisk[]>;

  /**
   * "Who do I call about X?": ranked answers, the best 10 or `limit` (at
   * most 50) of them.
   */
  whoToCall(
    query: string,
    options?: { limit?: number },
  ): Promise<WhoToCallResult>;
}

/**
 * Rest an engineer took on one day, as the team burden card records it.
 *
 * @public
 */
export interface RestTakenRequest {
  userRef: string;
  /** `YYYY-MM-DD` */
  date: string;
  /** Whole minutes, 1 to 1440. */
  minutes: number;
  note?: string;
}

/**
 * The compensation figures of a team as a file to save.
 *
 * @public
 */
export interface CompensationExport {
  filename: string;
  content: Blob;
}

/**
 * Rest owed and compensation (see docs/rest-and-compensation.md).
 *
 * @public
 */
export interface SreOwnershipRestApi {
  /** Rest owed to each engineer of a team over a window, less rest taken. */
  getRestOwed(
    team: CompoundEntityRef,
    options?: BurdenWindowQuery,
  ): Promise<TeamRestOwed>;

  /** Records rest taken; recording the same day again replaces it. */
  recordRestTaken(
    team: CompoundEntityRef,
    request: RestTakenRequest,
  ): Promise<{ taken: RestTaken; created: boolean }>;

  /** The compensation figures of a team over a window, as a CSV or JSON file. */
  exportCompensation(
    team: CompoundEntityRef,
    format: 'csv' | 'json',
    options?: BurdenWindowQuery,
  ): Promise<CompensationExport>;
}

/**
 * API reference for {@link SreOwnershipApi}; created with the core-plugin-api
 * helper so it works in both the new and the legacy frontend system.
 *
 * @public
 */
export const sreOwnershipApiRef = createApiRef<SreOwnershipApi>({
  id: 'plugin.sre-ownership.service',
});
