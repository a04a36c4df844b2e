import { aClient, payments } from '../__testUtils__/sreOwnershipClient';

describe('SreOwnershipClient: rest and compensation', () => {
  it('posts rest taken as JSON to the team', async () => {
    const { client, fetch } = aClient(
      () => new Response(JSON.stringify({ created: true }), { status: 201 }),
    );
    const day = {
      userRef: 'user:default/ana',
      date: '2026-03-12',
      minutes: 60,
    };
    expect(await client.recordRestTaken(payments, day)).toEqual({
      created: true,
    });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(
      'http://backstage/api/x/teams/default/payments/rest-taken',
    );
    expect(init).toMatchObject({ method: 'POST' });
    expect(JSON.parse(String(init?.body))).toEqual(day);
  });

  it('downloads the CSV under the name the backend gives it', async () => {
    const { client, fetch } = aClient(
      () =>
        new Response('team_ref,user_ref\r\n', {
          headers: {
            'Content-Type': 'text/csv',
            'Content-Disposition':
              'attachment; filename="compensation-payments-2026-03-01-2026-04-01.csv"',
          },
        }),
    );
    const file = await client.exportCompensation(payments, 'csv', { days: 7 });
    expect(fetch.mock.calls[0][0]).toBe(
      'http://backstage/api/x/teams/default/payments/compensation?days=7&format=csv',
    );
    expect(file.filename).toBe(
      'compensation-payments-2026-03-01-2026-04-01.csv',
    );
    expect(await file.content.text()).toBe('team_ref,user_ref\r\n');
  });

  it('throws the backend’s refusal', async () => {
    const { client } = aClient(
      () =>
        new Response(
          JSON.stringify({
            error: { name: 'NotAllowedError', message: 'no' },
          }),
          { status: 403, headers: { 'Content-Type': 'application/json' } },
        ),
    );
    await expect(
      client.exportCompensation(payments, 'json'),
    ).rejects.toMatchObject({ statusCode: 403 });
  });
});
