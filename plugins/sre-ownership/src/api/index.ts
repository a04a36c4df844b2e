export { sreOwnershipApiRef } from './SreOwnershipApi';
export type {
  SreOwnershipApi,
  OwnershipPage,
  OverviewListOptions,
} from './SreOwnershipApi';
export { SreOwnershipClient } from './SreOwnershipClient';
export type { BurdenWindowQuery } from './burdenWindowQuery';
export type { SreOwnershipPulseApi } from './SreOwnershipPulseApi';
