export { TeamBurdenCard } from './TeamBurdenCard';
