export { ReliabilityContent } from './ReliabilityContent';
