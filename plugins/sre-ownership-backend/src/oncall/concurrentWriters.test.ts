import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  OncallPage,
  OncallShift,
} from '@sre-ownership/plugin-sre-ownership-common';
import knexFactory, { Knex } from 'knex';
import { DatabaseOncallStore } from './DatabaseOncallStore';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

const RECORDS = 300;
const ROUNDS = 10;

const shifts = (round: number): OncallShift[] =>
  Array.from({ length: RECORDS }, (_, i) => ({
    source: 'api',
    externalId: `shift-${i}`,
    teamRef: 'group:default/payments',
    userRef: `user:default/engineer-${round}`,
    startsAt: '2026-03-02T09:00:00Z',
    endsAt: '2026-03-09T09:00:00Z',
  }));

const pages = (round: number): OncallPage[] =>
  Array.from({ length: RECORDS }, (_, i) => ({
    source: 'alertmanager',
    externalId: `fp-${i}`,
    teamRef: 'group:default/payments',
    severity: 'high',
    title: `round ${round}`,
    triggeredAt: '2026-03-03T02:00:00Z',
  }));

describe('two backend instances writing to one PostgreSQL database', () => {
  let knex: Knex;
  const clients: Knex[] = [];

  beforeAll(async () => {
    knex = await databases.init('POSTGRES_15');
  });

  afterAll(async () => {
    await Promise.all(clients.map(client => client.destroy()));
  });

  const anInstance = async () => {
    const client = knexFactory({
      client: 'pg',
      connection: knex.client.config.connection,
      pool: { min: 0, max: 5 },
    });
    clients.push(client);
    return DatabaseOncallStore.create({
      database: mockServices.database({ knex: client }),
    });
  };

  it('stores overlapping batches sent in opposite orders without an error', async () => {
    const [first, second] = await Promise.all([anInstance(), anInstance()]);
    for (let round = 0; round < ROUNDS; round += 1) {
      // Each instance writes the same keys, one in the reverse order of the
      // other, over and over: without one lock order they deadlock.
      const results = await Promise.allSettled([
        first.ingest({ shifts: shifts(round), pages: pages(round) }),
        second.ingest({
          shifts: shifts(round + 1).reverse(),
          pages: pages(round + 1).reverse(),
        }),
        first.ingest({ pages: pages(round + 2).reverse() }),
        second.ingest({ shifts: shifts(round + 2) }),
      ]);
      expect(results.filter(result => result.status === 'rejected')).toEqual(
        [],
      );
    }
    expect(Number((await knex('oncall_shifts').count({ n: '*' }))[0].n)).toBe(
      RECORDS,
    );
    expect(Number((await knex('oncall_pages').count({ n: '*' }))[0].n)).toBe(
      RECORDS,
    );
  });
});
