import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { SreOwnershipApi, sreOwnershipApiRef } from '../../api';

/** Loads one overview resource, again when `deps` change. */
export function useOverview<T>(
  load: (api: SreOwnershipApi) => Promise<T>,
  deps: unknown[] = [],
) {
  const api = useApi(sreOwnershipApiRef);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useAsyncRetry(() => load(api), [api, ...deps]);
}
