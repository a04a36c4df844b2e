import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import request from 'supertest';
import { anOrganisation } from '../__testUtils__/catalog';
import { DatabaseOncallStore } from '../oncall/DatabaseOncallStore';
import { startSreOwnershipServer } from '../__testUtils__/sreOwnershipBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const HOUR = 3_600_000;
const ago = (hours: number) =>
  new Date(Date.now() - hours * HOUR).toISOString();

/** The demo organisation, with the member relations the catalog would add. */
function organisation() {
  return anOrganisation().map(entity =>
    entity.metadata.name === 'payments' && entity.kind === 'Group'
      ? {
          ...entity,
          relations: ['jane-doe', 'mei-lin'].map(name => ({
            type: 'hasMember',
            targetRef: `user:default/${name}`,
          })),
        }
      : entity,
  );
}

describe.each(databases.eachSupportedId())(
  'team burden and on-call health (%s)',
  databaseId => {
    let knex: Knex;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      const store = await DatabaseOncallStore.create({
        database: mockServices.database({ knex, migrations: { skip: false } }),
      });
      // Jane carried the pager for the last two weeks and is on call now; Mei before.
      await store.ingest({
        shifts: [
          {
            source: 'test',
            externalId: 's1',
            teamRef: 'group:default/payments',
            userRef: 'user:default/mei-lin',
            startsAt: ago(28 * 24),
            endsAt: ago(14 * 24),
          },
          {
            source: 'test',
            externalId: 's2',
            teamRef: 'group:default/payments',
            userRef: 'user:default/jane-doe',
            startsAt: ago(14 * 24),
            endsAt: ago(-24),
          },
        ],
        pages: Array.from({ length: 30 }, (_, i) => ({
          source: 'test',
          externalId: `p${i}`,
          entityRef: 'component:default/payments-api',
          teamRef: 'group:default/payments',
          responderRef: 'user:default/jane-doe',
          severity: 'high' as const,
          triggeredAt: ago(2 + i * 8),
          acknowledgedAt: ago(2 + i * 8 - 0.1),
          resolvedAt: ago(2 + i * 8 - 0.5),
        })),
      });
    });

    async function startBackend(
      permission:
        | AuthorizeResult.ALLOW
        | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
    ) {
      return startSreOwnershipServer({
        knex,
        entities: organisation(),
        permission,
      });
    }

    it('reports the team status, reasons and per-engineer figures', async () => {
      const response = await request(await startBackend()).get(
        '/api/sre-ownership/teams/default/payments/burden?days=28',
      );
      expect(response.status).toBe(200);
      expect(response.body.teamRef).toBe('group:default/payments');
      expect(response.body.window.days).toBe(28);
      expect(response.body.current.pages).toBe(30);
      expect(response.body.status).toBe('overloaded');
      expect(response.body.reasons.length).toBeGreaterThan(0);
      const jane = response.body.engineers.find(
        (e: { userRef: string }) => e.userRef === 'user:default/jane-doe',
      );
      expect(jane.current.pages).toBe(30);
      expect(jane.overLimit).toContain('onCallWeeksPerMonth');
      // The card shows the backend's verdict: every engineer carries both
      // lists, and a measure over its limit is never also called near it.
      for (const engineer of response.body.engineers) {
        expect(Array.isArray(engineer.nearLimit)).toBe(true);
        for (const measure of engineer.nearLimit) {
          expect(engineer.overLimit).not.toContain(measure);
        }
      }
    });

    it('hides per-engineer figures from callers without sre-ownership.burden.read', async () => {
      const response = await request(
        await startBackend(AuthorizeResult.DENY),
      ).get('/api/sre-ownership/teams/default/payments/burden');
      expect(response.status).toBe(200);
      expect(response.body.status).toBe('overloaded');
      expect(response.body).not.toHaveProperty('engineers');
    });

    it('names the bad parameter and the missing team', async () => {
      const server = await startBackend();
      const badWindow = await request(server).get(
        '/api/sre-ownership/teams/default/payments/burden?days=0',
      );
      expect(badWindow.status).toBe(400);
      expect(badWindow.body.error.message).toContain('days');
      const missing = await request(server).get(
        '/api/sre-ownership/teams/default/nobody/burden',
      );
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toBe(
        'No Group group:default/nobody in the catalog',
      );
    });

    it("reports a service's page volume and who is on call for it: each rotation its escalation path pages", async () => {
      const response = await request(await startBackend()).get(
        '/api/sre-ownership/entities/component/default/payments-api/oncall-health',
      );
      expect(response.status).toBe(200);
      expect(response.body.current.pages).toBe(30);
      // Hybrid: its derived path pages the team's rotation, then the
      // platform team's, which nobody carries now.
      expect(response.body.onCall).toEqual([
        expect.objectContaining({
          teamRef: 'group:default/payments',
          current: [
            expect.objectContaining({ userRef: 'user:default/jane-doe' }),
          ],
        }),
        { teamRef: 'group:default/platform-sre', current: [] },
      ]);
    });

    it('shows who is on call now on on-call levels of the escalation path', async () => {
      const response = await request(await startBackend()).get(
        '/api/sre-ownership/entities/component/default/payments-api/ownership',
      );
      const first = response.body.escalation.levels[0];
      expect(first).toMatchObject({
        type: 'oncall',
        target: { ref: 'group:default/payments' },
      });
      expect(first.onCall.current).toEqual([
        expect.objectContaining({ userRef: 'user:default/jane-doe' }),
      ]);
    });
  },
);
