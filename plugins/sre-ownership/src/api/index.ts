export { sreOwnershipApiRef } from './SreOwnershipApi';
export type {
  SreOwnershipApi,
  OwnershipPage,
  OverviewListOptions,
  SreOwnershipRestApi,
  RestTakenRequest,
  CompensationExport,
} from './SreOwnershipApi';
export { SreOwnershipClient } from './SreOwnershipClient';
export type { BurdenWindowQuery } from './burdenWindowQuery';
export type { SreOwnershipPulseApi } from './SreOwnershipPulseApi';
