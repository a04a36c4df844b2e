import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { sreOwnershipApiRef } from '../../api';

/** Loads the caller's pulse invitation, and the state of loading it. */
export function usePulseInvitation(id: string) {
  const api = useApi(sreOwnershipApiRef);
  return useAsyncRetry(() => api.getPulseInvitation(id), [api, id]);
}
