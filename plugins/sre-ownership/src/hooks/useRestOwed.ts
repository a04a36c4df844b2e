import { TeamRestOwed } from '@sre-ownership/plugin-sre-ownership-common';
import { BurdenWindowQuery } from '../api/burdenWindowQuery';
import { useEntityResource } from './useEntityResource';

/**
 * The rest owed to the engineers of the team (Group) on the current page
 * over the window (the backend's configured window when absent), the state
 * of loading it, and `retry` to load it again after recording rest taken.
 */
export function useRestOwed(window?: BurdenWindowQuery) {
  const { value, loading, error, retry } = useEntityResource<TeamRestOwed>(
    (api, team) => api.getRestOwed(team, window ?? {}),
    [window?.days, window?.from, window?.to],
  );
  return { restOwed: value, loading, error, retry };
}
