import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { BurdenWindowQuery } from './burdenWindowQuery';
import {
  EntitySloStatus,
  ResolvedOwnership,
  ServiceOnCallHealth,
  TeamBurden,
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
 * Client for the SRE Ownership backend.
 *
 * @public
 */
export interface SreOwnershipApi {
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
