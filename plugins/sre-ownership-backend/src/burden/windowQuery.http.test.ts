import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { aTeam } from '../__testUtils__/catalog';
import { startSreOwnershipServer } from '../__testUtils__/sreOwnershipBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'the window of a burden request, as HTTP clients write it (%s)',
  databaseId => {
    let server: Parameters<typeof request>[0];

    beforeAll(async () => {
      server = await startSreOwnershipServer({
        knex: await databases.init(databaseId),
        entities: [aTeam('payments')],
      });
    });

    const burden = (query: string) =>
      request(server).get(
        `/api/sre-ownership/teams/default/payments/burden?${query}`,
      );

    it('reads a raw ":" in a time, as curl and the docs write it', async () => {
      const answer = await burden(
        'from=2026-04-01T00:00:00Z&to=2026-04-08T00:00:00Z',
      );
      expect(answer.status).toBe(200);
      expect(answer.body.window).toMatchObject({ days: 7 });
    });

    it.each([
      ['from', 'from=2026-02-30T00:00:00Z&to=2026-03-10T00:00:00Z'],
      ['from', 'from=2026-03-01T24:00:00Z&to=2026-03-10T00:00:00Z'],
      ['to', 'from=2026-09-01T00:00:00Z&to=2026-09-31T00:00:00Z'],
    ])(
      'refuses a day or hour that does not exist, naming %s',
      async (field, query) => {
        const answer = await burden(query);
        expect(answer.status).toBe(400);
        expect(answer.body.error.message).toMatch(new RegExp(`^${field}: `));
      },
    );

    it('says that a raw + in an offset reads as a space', async () => {
      const answer = await burden(
        'from=2026-04-01T00:00:00+02:00&to=2026-04-08T00:00:00Z',
      );
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toContain('%2B02:00');
    });
  },
);
