export { OnCallPulsePage } from './OnCallPulsePage';
