export { OnCallHealthCard } from './OnCallHealthCard';
