/**
 * SRE Ownership frontend plugin. The root exports serve the legacy frontend
 * system; the new frontend system plugin is the default export of `./alpha`.
 *
 * @packageDocumentation
 */
export {
  sreOwnershipPlugin,
  EntityReliabilityOwnershipCard,
  EntityEscalationPathCard,
  EntityOnCallHealthCard,
  EntitySloCard,
  EntityRollupCard,
  EntityTeamBurdenCard,
  EntityReliabilityContent,
  ReliabilityOverviewPage,
  OnCallPulsePage,
} from './plugin';
export { reliabilityOverviewRouteRef, onCallPulseRouteRef } from './routes';
export {
  isSreOwnershipApplicable,
  isSreOwnershipAvailable,
  SRE_OWNERSHIP_ENTITY_KINDS,
} from './conditions';
export { sreOwnershipApiRef, SreOwnershipClient } from './api';
export type {
  SreOwnershipApi,
  OwnershipPage,
  BurdenWindowQuery,
  OverviewListOptions,
  SreOwnershipRestApi,
  RestTakenRequest,
  CompensationExport,
  SreOwnershipPulseApi,
} from './api';
export { useResolvedOwnership } from './hooks/useResolvedOwnership';
export type { ResolvedOwnershipState } from './hooks/useResolvedOwnership';
export { useTeamBurden } from './hooks/useTeamBurden';
export type { TeamBurdenState } from './hooks/useTeamBurden';
export { useServiceHealth } from './hooks/useServiceHealth';
export type { ServiceHealthState } from './hooks/useServiceHealth';
export { useSloStatus } from './hooks/useSloStatus';
export type { SloStatusState } from './hooks/useSloStatus';
