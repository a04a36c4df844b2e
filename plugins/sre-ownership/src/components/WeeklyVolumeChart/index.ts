export { WeeklyVolumeChart } from './WeeklyVolumeChart';
export { describeWeekOverWeek } from './describeWeekOverWeek';
