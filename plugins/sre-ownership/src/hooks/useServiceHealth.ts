import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ServiceOnCallHealth } from '@sre-ownership/plugin-sre-ownership-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { sreOwnershipApiRef } from '../api';

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
 * `days` days (the backend's configured window when absent), with the window before it for comparison and who is on call
 * now. Loads again when `days` changes.
 *
 * @public
 */
export function useServiceHealth(days?: number): ServiceHealthState {
  const { entity } = useEntity();
  const api = useApi(sreOwnershipApiRef);
  // Keyed on the ref, not the entity object, so that a refreshed entity with
  // the same identity does not load again.
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getServiceHealth(parseEntityRef(entityRef), { days }),
    [api, entityRef, days],
  );
  return { health: value, loading, error, retry };
}
