export * from './types';
export { computeRotationOutlook } from './outlook';
export { projectPageTrend } from './pageTrend';
export type { PageTrend, PageTrendWeek } from './pageTrend';
export { proposeFollowTheSun } from './followTheSun';
export type { FollowTheSunPlan, FollowTheSunSite } from './followTheSun';
export { proposeCover } from './cover';
export type { CoverProposal } from './cover';
