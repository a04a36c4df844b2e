import { aClient, payments } from '../__testUtils__/sreOwnershipClient';

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
