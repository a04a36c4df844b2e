export { DEFAULT_WINDOW_DAYS, WindowSelector } from './WindowSelector';
export { BURDEN_WINDOWS, daysChoice } from './windowChoices';
export type { WindowChoice } from './windowChoices';
