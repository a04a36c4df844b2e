import { SreOwnershipClient } from './SreOwnershipClient';

const paymentsApi = {
  kind: 'component',
  namespace: 'default',
  name: 'payments-api',
};

function aClient(respond: (url: string) => Response) {
  const fetch = jest.fn(async (url: string) => respond(url));
  const client = new SreOwnershipClient({
    discoveryApi: {
      getBaseUrl: async () => 'http://backstage/api/sre-ownership',
    },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

describe('SreOwnershipClient', () => {
  it('asks once when two cards want the same ownership at the same time', async () => {
    const { client, fetch } = aClient(() =>
      json({ entityRef: 'component:default/payments-api' }),
    );
    const [a, b] = await Promise.all([
      client.getOwnership(paymentsApi),
      client.getOwnership(paymentsApi),
    ]);
    expect(a).toEqual(b);
    expect(fetch).toHaveBeenCalledTimes(1);
    await client.getOwnership(paymentsApi);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('encodes refs and the window in the URL', async () => {
    const { client, fetch } = aClient(() => json({}));
    await client.getServiceHealth(
      { kind: 'component', namespace: 'default', name: 'a b' },
      { days: 7 },
    );
    await client.getTeamBurden({
      kind: 'group',
      namespace: 'default',
      name: 'payments',
    });
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      'http://backstage/api/sre-ownership/entities/component/default/a%20b/oncall-health?days=7',
      'http://backstage/api/sre-ownership/teams/default/payments/burden',
    ]);
  });

  it('percent-encodes overview queries and filters, as the backend requires', async () => {
    const { client, fetch } = aClient(() =>
      json({ query: '', scope: '', answers: [], totalMatches: 0 }),
    );
    await client.whoToCall('SLO guard payments?');
    await client.listOverviewEntities({
      gap: 'no-model',
      filter: { owner: ['group:default/payments'], kind: ['component', 'api'] },
      limit: 25,
    });
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      'http://backstage/api/sre-ownership/overview/who-to-call?q=SLO%20guard%20payments%3F',
      'http://backstage/api/sre-ownership/overview/entities?owner=group%3Adefault%2Fpayments&kind=component&kind=api&gap=no-model&limit=25',
    ]);
  });

  it("throws the backend's error", async () => {
    const { client } = aClient(() =>
      json(
        {
          error: {
            name: 'NotFoundError',
            message: 'No entity component:default/x in the catalog',
          },
        },
        404,
      ),
    );
    await expect(
      client.getOwnership({ ...paymentsApi, name: 'x' }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 404,
    });
  });
});
