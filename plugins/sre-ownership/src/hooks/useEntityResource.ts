import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { SreOwnershipApi, sreOwnershipApiRef } from '../api';

/**
 * Loads something about the entity on the current page from the SRE
 * Ownership API, again when `deps` change. Keyed on the entity's ref, not the
 * entity object, so that a refreshed entity with the same identity does not
 * load again.
 */
export function useEntityResource<T>(
  load: (api: SreOwnershipApi, entity: CompoundEntityRef) => Promise<T>,
  deps: unknown[] = [],
) {
  const { entity } = useEntity();
  const api = useApi(sreOwnershipApiRef);
  const entityRef = stringifyEntityRef(entity);
  return useAsyncRetry(
    () => load(api, parseEntityRef(entityRef)),
    [api, entityRef, ...deps],
  );
}
