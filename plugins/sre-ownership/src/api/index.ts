export { sreOwnershipApiRef } from './SreOwnershipApi';
export type { SreOwnershipApi } from './SreOwnershipApi';
export { SreOwnershipClient } from './SreOwnershipClient';
