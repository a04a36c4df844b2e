import { aClient, payments } from '../__testUtils__/sreOwnershipClient';
import { SreOwnershipClient } from './SreOwnershipClient';

describe('SreOwnershipClient: on-call pulse', () => {
  it('posts the answer as JSON to the invitation', async () => {
    const { client, fetch } = aClient(
      () =>
        new Response(JSON.stringify({ state: 'answered' }), { status: 201 }),
    );
    const answer = {
      scores: { sustainable: 2, sleep: 1, actionable: 4 },
      comment: 'Rough week',
    };
    expect(await client.answerPulse('a/b', answer)).toEqual({
      state: 'answered',
    });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('http://backstage/api/x/pulse/invitations/a%2Fb/answer');
    expect(init).toMatchObject({ method: 'POST' });
    expect(JSON.parse(String(init?.body))).toEqual(answer);
  });

  it('marks the invitation of the answered pulse read in the bell, and only it', async () => {
    const fetch = jest.fn(async (url: string, _init?: RequestInit) => {
      if (url.includes('/pulse/invitations/')) {
        return new Response(JSON.stringify({ state: 'answered' }), {
          status: 201,
        });
      }
      if (url.startsWith('http://backstage/api/notifications/notifications?')) {
        return new Response(
          JSON.stringify({
            notifications: [
              { id: 'n-1', payload: { scope: 'sre-ownership.pulse:inv-1' } },
              { id: 'n-2', payload: { scope: 'sre-ownership.pulse:inv-2' } },
            ],
          }),
        );
      }
      return new Response('[]');
    });
    const client = new SreOwnershipClient({
      discoveryApi: {
        getBaseUrl: async (plugin: string) => `http://backstage/api/${plugin}`,
      },
      fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
    });
    await client.answerPulse('inv-1', {
      scores: { sustainable: 3, sleep: 3, actionable: 3 },
    });
    const [list, update] = fetch.mock.calls.slice(1);
    expect(list[0]).toBe(
      'http://backstage/api/notifications/notifications?topic=sre-ownership.pulse&read=false',
    );
    expect(update[0]).toBe(
      'http://backstage/api/notifications/notifications/update',
    );
    expect(JSON.parse(String(update[1]?.body))).toEqual({
      ids: ['n-1'],
      read: true,
    });
  });

  it('keeps the answer when the notifications backend is missing', async () => {
    const fetch = jest.fn(async (url: string, _init?: RequestInit) =>
      url.includes('/pulse/invitations/')
        ? new Response(JSON.stringify({ state: 'answered' }), { status: 201 })
        : new Response('not found', { status: 404 }),
    );
    const client = new SreOwnershipClient({
      discoveryApi: {
        getBaseUrl: async (plugin: string) => `http://backstage/api/${plugin}`,
      },
      fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
    });
    await expect(
      client.answerPulse('inv-1', {
        scores: { sustainable: 3, sleep: 3, actionable: 3 },
      }),
    ).resolves.toEqual({ state: 'answered' });
  });

  it("reads a team's pulse and comments under the team", async () => {
    const { client, fetch } = aClient(() => new Response('{}'));
    await client.getTeamPulse(payments);
    await client.getTeamPulseComments(payments);
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      'http://backstage/api/x/teams/default/payments/pulse',
      'http://backstage/api/x/teams/default/payments/pulse/comments',
    ]);
  });

  it('throws the refusal of an answer for another shift', async () => {
    const { client } = aClient(
      () =>
        new Response(
          JSON.stringify({
            error: { name: 'NotAllowedError', message: 'not yours' },
          }),
          { status: 403, headers: { 'Content-Type': 'application/json' } },
        ),
    );
    await expect(client.getPulseInvitation('inv-1')).rejects.toMatchObject({
      statusCode: 403,
    });
  });
});
