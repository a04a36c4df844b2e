export { ResponseTimesTable } from './ResponseTimesTable';
export type { ResponseTimes } from './ResponseTimesTable';
