import { ResolvedOwnership } from '@sre-ownership/plugin-sre-ownership-common';
import { useEntityResource } from './useEntityResource';

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
  const { value, loading, error, retry } = useEntityResource(
    (api, entity) => api.getOwnership(entity),
    [],
  );
  return { ownership: value, loading, error, retry };
}
