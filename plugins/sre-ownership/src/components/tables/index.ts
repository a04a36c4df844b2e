export { ColumnPicker } from './ColumnPicker';
export { FittedTable } from './FittedTable';
export { scrollShadows, wholeWordCells, wrapOnWords } from './tableStyles';
