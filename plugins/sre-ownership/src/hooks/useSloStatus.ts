import { EntitySloStatus } from '@sre-ownership/plugin-sre-ownership-common';
import { useEntityResource } from './useEntityResource';

/**
 * The SLO status of the entity on the current page, and the state of
 * loading it.
 *
 * @public
 */
export interface SloStatusState {
  status?: EntitySloStatus;
  loading: boolean;
  error?: Error;
  retry: () => void;
}

/**
 * Loads the SLOs of the entity on the current page with their status from
 * Prometheus and the SLO guard.
 *
 * @public
 */
export function useSloStatus(): SloStatusState {
  const { value, loading, error, retry } = useEntityResource((api, entity) =>
    api.getSloStatus(entity),
  );
  return { status: value, loading, error, retry };
}
