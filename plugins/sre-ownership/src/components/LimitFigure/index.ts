export { LimitFigure } from './LimitFigure';
export type { LimitStanding } from './LimitFigure';
