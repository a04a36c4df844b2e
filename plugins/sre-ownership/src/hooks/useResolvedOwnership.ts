import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ResolvedOwnership } from '@sre-ownership/plugin-sre-ownership-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { sreOwnershipApiRef } from '../api';

/**
 * The resolved reliability ownership of the entity on the current page, and
 * the state of loading it.
 *
 * @public
 */
export interface ResolvedOwnershipState {
  ownership?: ResolvedOwnership;
  loading: boolean;
  error?: Error;
  retry: () => void;
}

/**
 * Loads the resolved reliability ownership (with provenance and problems) of
 * the entity on the current page. Every SRE Ownership card uses it.
 *
 * @public
 */
export function useResolvedOwnership(): ResolvedOwnershipState {
  const { entity } = useEntity();
  const api = useApi(sreOwnershipApiRef);
  const entityRef = stringifyEntityRef(entity);
  // Keyed on the ref, not the entity object, so that a refreshed entity with
  // the same identity does not load again.
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getOwnership(parseEntityRef(entityRef)),
    [api, entityRef],
  );
  return { ownership: value, loading, error, retry };
}
