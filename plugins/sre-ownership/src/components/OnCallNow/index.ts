export { OnCallNowSummary } from './OnCallNowSummary';
