import { BurdenWindowQuery } from '../api/burdenWindowQuery';
import { TeamBurden } from '@sre-ownership/plugin-sre-ownership-common';
import { useEntityResource } from './useEntityResource';

/**
 * The on-call burden of the team (Group) on the current page, and the state
 * of loading it.
 *
 * @public
 */
export interface TeamBurdenState {
  burden?: TeamBurden;
  loading: boolean;
  error?: Error;
  retry: () => void;
}

/**
 * Loads the on-call burden of the Group on the current page over the last
 * `days` days or over an explicit `from`/`to` window (the backend's
 * configured window when absent), with the
 * window before it for comparison. Loads again when the window changes.
 *
 * @public
 */
export function useTeamBurden(window?: BurdenWindowQuery): TeamBurdenState {
  const { value, loading, error, retry } = useEntityResource(
    (api, team) => api.getTeamBurden(team, window ?? {}),
    [window?.days, window?.from, window?.to],
  );
  return { burden: value, loading, error, retry };
}
