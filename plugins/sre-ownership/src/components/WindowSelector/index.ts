export {
  BURDEN_WINDOWS,
  DEFAULT_WINDOW_DAYS,
  WindowSelector,
} from './WindowSelector';
