import { SreOwnershipClient } from '../api/SreOwnershipClient';

/** The payments team, as a client call names it. */
export const payments = {
  kind: 'group',
  namespace: 'default',
  name: 'payments',
};

/**
 * A client whose every request is answered by `respond`, with the fetch mock
 * to read the requests from; its base URL is http://backstage/api/x.
 */
export function aClient(respond: () => Response) {
  const fetch = jest.fn(async (_url: string, _init?: RequestInit) => respond());
  const client = new SreOwnershipClient({
    discoveryApi: { getBaseUrl: async () => 'http://backstage/api/x' },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}
