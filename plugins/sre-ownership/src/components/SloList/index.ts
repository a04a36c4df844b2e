export { SloList, formatBudgetLeft } from './SloList';
