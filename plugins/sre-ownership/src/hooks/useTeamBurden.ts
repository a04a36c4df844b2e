import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { TeamBurden } from '@sre-ownership/plugin-sre-ownership-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { sreOwnershipApiRef } from '../api';

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
 * `days` days (the backend's configured window when absent), with the window before it for comparison. Loads again when
 * `days` changes.
 *
 * @public
 */
export function useTeamBurden(days?: number): TeamBurdenState {
  const { entity } = useEntity();
  const api = useApi(sreOwnershipApiRef);
  // Keyed on the ref, not the entity object, so that a refreshed entity with
  // the same identity does not load again.
  const teamRef = stringifyEntityRef(entity);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getTeamBurden(parseEntityRef(teamRef), { days }),
    [api, teamRef, days],
  );
  return { burden: value, loading, error, retry };
}
