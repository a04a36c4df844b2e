export { TeamPulseSection } from './TeamPulseSection';
