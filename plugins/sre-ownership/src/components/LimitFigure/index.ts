export { LimitFigure } from './LimitFigure';
export { limitStanding } from './limitStanding';
export type { LimitStanding } from './limitStanding';
