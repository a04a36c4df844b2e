import { TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { startSreOwnershipServer } from '../__testUtils__/sreOwnershipBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

/** Alpha has one member, Sydney, whose relation the catalog writes in lower case. */
const catalog: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'alpha', namespace: 'edge3' },
    spec: { type: 'team', children: [] },
    relations: [{ type: 'hasMember', targetRef: 'user:edge3/sydney' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name: 'sydney',
      namespace: 'edge3',
      annotations: { 'sre-ownership.io/timezone': 'Australia/Sydney' },
    },
    spec: {},
  },
];

describe.each(databases.eachSupportedId())(
  'refs that differ only in letter case (%s)',
  databaseId => {
    it('are one team and one person, as Backstage compares them', async () => {
      const server = await startSreOwnershipServer({
        knex: await databases.init(databaseId),
        entities: catalog,
      });
      const stored = await request(server)
        .post('/api/sre-ownership/events')
        .send({
          shifts: [
            {
              source: 'case',
              externalId: 's-1',
              teamRef: 'group:edge3/ALPHA',
              userRef: 'user:edge3/Sydney',
              startsAt: '2026-10-05T00:00:00Z',
              endsAt: '2026-10-06T00:00:00Z',
            },
          ],
          pages: [
            {
              source: 'case',
              externalId: 'p-1',
              teamRef: 'Group:EDGE3/alpha',
              responderRef: 'User:edge3/SYDNEY',
              severity: 'high',
              triggeredAt: '2026-10-05T10:00:00Z',
              acknowledgedAt: '2026-10-05T10:05:00Z',
            },
          ],
        });
      expect(stored.body.error).toBeUndefined();
      expect(stored.status).toBe(201);
      const burden = await request(server)
        .get('/api/sre-ownership/teams/edge3/alpha/burden')
        .query({ from: '2026-10-01T00:00:00Z', to: '2026-11-01T00:00:00Z' });
      expect(burden.status).toBe(200);
      expect(burden.body.engineers).toHaveLength(1);
      expect(burden.body.engineers[0]).toMatchObject({
        userRef: 'user:edge3/sydney',
        member: true,
        timezone: 'Australia/Sydney',
      });
      expect(burden.body.current).toMatchObject({ pages: 1 });
    });
  },
);
