export { Figure, FigureList } from './FigureList';
