import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import { anOrganisation } from '../__testUtils__/catalog';
import { startSreOwnershipServer } from '../__testUtils__/sreOwnershipBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

const STATEMENT_TIMEOUT_MS = 1_000;
/** What a timer, a cancel and a rollback may add to the timeout. */
const SLACK_MS = 1_500;

const aPage = {
  source: 'api',
  externalId: 'p-1',
  entityRef: 'component:default/payments-api',
  teamRef: 'group:default/payments',
  severity: 'high',
  triggeredAt: '2026-03-03T02:00:00Z',
};

describe('a locked event table (POSTGRES_15)', () => {
  let knex: Knex;
  let locker: Knex;

  beforeAll(async () => {
    knex = await databases.init('POSTGRES_15');
    locker = knexFactory({
      client: 'pg',
      connection: knex.client.config.connection,
      pool: { min: 0, max: 1 },
    });
  });

  afterAll(async () => {
    await locker.destroy();
  });

  it('answers deliveries with a 503 and Retry-After within the statement timeout, and readiness says the database is not ready', async () => {
    const server = await startSreOwnershipServer({
      knex,
      entities: anOrganisation(),
      features: [
        mockServices.rootConfig.factory({
          data: { sreOwnership: { database: { statementTimeout: '1s' } } },
        }),
      ],
    });
    const lock = await locker.transaction();
    await lock.raw('LOCK TABLE oncall_pages IN ACCESS EXCLUSIVE MODE');
    try {
      const started = Date.now();
      const deliveries = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          request(server)
            .post('/api/sre-ownership/events')
            .send({ pages: [{ ...aPage, externalId: `p-${i}` }] }),
        ),
      );
      const waited = Date.now() - started;

      expect(deliveries.map(delivery => delivery.status)).toEqual(
        Array(5).fill(503),
      );
      for (const delivery of deliveries) {
        expect(Number(delivery.header['retry-after'])).toBeGreaterThan(0);
        expect(delivery.body.error.message).not.toMatch(/insert|oncall_pages/);
      }
      expect(waited).toBeLessThan(STATEMENT_TIMEOUT_MS + SLACK_MS);

      const health = await request(server).get('/api/sre-ownership/health');
      expect(health.status).toBe(503);
      expect(health.body).toEqual({
        status: 'unavailable',
        unavailable: ['database'],
      });
    } finally {
      await lock.rollback();
    }

    const retried = await request(server)
      .post('/api/sre-ownership/events')
      .send({ pages: [aPage] });
    expect(retried.status).toBe(201);
  });
});
