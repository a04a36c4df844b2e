export { ReliabilityOwnershipCard } from './ReliabilityOwnershipCard';
