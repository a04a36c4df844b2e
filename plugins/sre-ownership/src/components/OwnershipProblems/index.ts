export { OwnershipProblems } from './OwnershipProblems';
