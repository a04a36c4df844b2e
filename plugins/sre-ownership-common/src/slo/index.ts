export * from './types';
export * from './burn';
export * from './figures';
export * from './describe';
export { parseOpenSlo } from './parseOpenSlo';
export { calendarPeriodAt } from './calendar';
export { promqlDuration } from './durations';
export { locateSloFile } from './sources';
export type { SloFileLocation } from './sources';
