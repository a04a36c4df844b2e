import { BurdenWindowQuery } from '../api/burdenWindowQuery';
import { ServiceOnCallHealth } from '@sre-ownership/plugin-sre-ownership-common';
import { useEntityResource } from './useEntityResource';

/**
 * The on-call health of the service on the current page, and the state of
 * loading it.
 *
 * @public
 */
export interface ServiceHealthState {
  health?: ServiceOnCallHealth;
  loading: boolean;
  error?: Error;
  retry: () => void;
}

/**
 * Loads the on-call health of the entity on the current page over the last
 * `days` days or over an explicit `from`/`to` window (the backend's
 * configured window when absent), with the
 * window before it for comparison and who is on call now. Loads again when
 * the window changes.
 *
 * @public
 */
export function useServiceHealth(
  window?: BurdenWindowQuery,
): ServiceHealthState {
  const { value, loading, error, retry } = useEntityResource(
    (api, entity) => api.getServiceHealth(entity, window ?? {}),
    [window?.days, window?.from, window?.to],
  );
  return { health: value, loading, error, retry };
}
