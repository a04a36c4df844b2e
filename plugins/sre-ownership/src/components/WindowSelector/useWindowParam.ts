import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { WindowChoice, choiceOfKey } from './windowChoices';

/** The query parameter that holds the chosen window, e.g. `?window=month:2026-09`. */
export const WINDOW_PARAM = 'window';

/**
 * The window the viewer chose, kept in the page's address (`?window=`), so
 * that a reload or a shared link shows the same window; undefined until one
 * is chosen, when the backend's configured window applies.
 */
export function useWindowParam(): [
  WindowChoice | undefined,
  (choice: WindowChoice) => void,
] {
  const [params, setParams] = useSearchParams();
  const key = params.get(WINDOW_PARAM);
  const chosen = useMemo(() => (key ? choiceOfKey(key) : undefined), [key]);
  const choose = useCallback(
    (choice: WindowChoice) => {
      setParams(
        current => {
          const next = new URLSearchParams(current);
          next.set(WINDOW_PARAM, choice.key);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [chosen, choose];
}
