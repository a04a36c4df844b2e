export * from './types';
export { computeTeamBurden } from './teamBurden';
export { computeServiceHealth } from './serviceHealth';
export { whoIsOnCall } from './onCallNow';
export type { WhoIsOnCallInput } from './onCallNow';
export { isKnownTimezone } from './localTime';
