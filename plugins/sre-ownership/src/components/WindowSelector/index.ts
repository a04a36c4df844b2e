export { DEFAULT_WINDOW_DAYS, WindowSelector } from './WindowSelector';
export { BURDEN_WINDOWS, choiceOfKey, daysChoice } from './windowChoices';
export type { WindowChoice } from './windowChoices';
export { WINDOW_PARAM, useWindowParam } from './useWindowParam';
