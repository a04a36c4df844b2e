import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import request from 'supertest';
import { startCatalogBackend } from '../__testUtils__/catalogBackend';
import { sreOwnershipPlugin } from '../plugin';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const HOUR = 60 * 60 * 1000;
const jane = mockCredentials.user.header('user:default/jane-doe');

const entity = (
  kind: string,
  name: string,
  spec: JsonObject,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default', annotations },
  spec,
});

/**
 * As in the demo's analytics System: a service owned by one team whose
 * escalation path pages another team's rotation.
 */
const catalog: Entity[] = [
  entity('User', 'diego-alvarez', { memberOf: ['platform-sre'] }),
  entity('User', 'erik-johansson', { memberOf: ['data-platform'] }),
  entity('Group', 'platform-sre', {
    type: 'team',
    children: [],
    members: ['diego-alvarez'],
  }),
  entity('Group', 'data-platform', {
    type: 'team',
    children: [],
    members: ['erik-johansson'],
  }),
  entity(
    'System',
    'analytics',
    { owner: 'group:data-platform' },
    { 'sre-ownership.io/escalation': 'oncall:group:platform-sre' },
  ),
  entity('Component', 'events-pipeline', {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:data-platform',
    system: 'analytics',
  }),
];

describe.each(databases.eachSupportedId())(
  'who is on call for a service (%s)',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startCatalogBackend>>;

    beforeAll(async () => {
      backend = await startCatalogBackend({
        databases,
        databaseId,
        entities: catalog,
        config: {
          sreOwnership: { overview: { refreshFrequency: { seconds: 1 } } },
        },
        features: [sreOwnershipPlugin],
      });
      const stored = await request(backend.server)
        .post('/api/sre-ownership/events')
        .set('Authorization', jane)
        .send({
          shifts: [
            {
              source: 'api',
              externalId: 'diego-now',
              teamRef: 'group:default/platform-sre',
              userRef: 'user:default/diego-alvarez',
              startsAt: new Date(Date.now() - HOUR).toISOString(),
              endsAt: new Date(Date.now() + 24 * HOUR).toISOString(),
            },
          ],
        });
      if (stored.status !== 201) {
        throw new Error(`Could not store the shift: ${stored.text}`);
      }
    });

    afterAll(async () => {
      await backend?.stop?.();
    });

    const get = (path: string) =>
      request(backend.server)
        .get(`/api/sre-ownership${path}`)
        .set('Authorization', jane);

    /** The first defined answer; the catalog processes in the background. */
    async function eventually<T>(
      ask: () => Promise<T | undefined>,
    ): Promise<T> {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const value = await ask();
        if (value !== undefined) return value;
        if (Date.now() > deadline) throw new Error('no answer in time');
        await new Promise(resolve => setTimeout(resolve, 500));
      }
    }

    it('gives one answer on the escalation card, the health card and the search', async () => {
      const service = '/entities/component/default/events-pipeline';
      const ownership = await eventually(async () => {
        const response = await get(`${service}/ownership`);
        return response.status === 200 && response.body.escalation.levels.length
          ? response
          : undefined;
      });
      const fromEscalation = ownership.body.escalation.levels
        .filter((level: { type: string }) => level.type === 'oncall')
        .map((level: { onCall: unknown }) => level.onCall);

      const health = await get(`${service}/oncall-health`);
      expect(health.status).toBe(200);

      // The search reads the index, built once the catalog read settles.
      const fromSearch = await eventually(async () => {
        const { body } = await get('/overview/who-to-call?q=events-pipeline');
        const [answer] = body.answers ?? [];
        return answer?.entityRef === 'component:default/events-pipeline'
          ? answer.onCallNow.map((level: { onCall: unknown }) => level.onCall)
          : undefined;
      });

      const diego = [
        {
          teamRef: 'group:default/platform-sre',
          current: [
            {
              userRef: 'user:default/diego-alvarez',
              until: expect.any(String),
            },
          ],
        },
      ];
      expect(fromEscalation).toEqual(diego);
      // Not the owning Group's (data-platform's) empty rotation.
      expect(health.body.onCall).toEqual(fromEscalation);
      expect(fromSearch).toEqual(fromEscalation);
    });
  },
);
