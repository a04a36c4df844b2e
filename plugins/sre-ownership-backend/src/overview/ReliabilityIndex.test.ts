import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { anOrganisation } from '../__testUtils__/catalog';
import {
  RESTRICTED_USER,
  startCatalogBackend,
} from '../__testUtils__/catalogBackend';
import { sreOwnershipPlugin } from '../plugin';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

/**
 * The test organisation (with the lifecycle the catalog requires of a
 * Component) plus a search team and a service it owns.
 */
function organisation(): Entity[] {
  return [
    ...anOrganisation().map(entity =>
      entity.kind === 'Component'
        ? { ...entity, spec: { lifecycle: 'production', ...entity.spec } }
        : entity,
    ),
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'search', namespace: 'default' },
      spec: { type: 'team', children: [] },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'search-api',
        namespace: 'default',
        annotations: { 'sre-ownership.io/model': 'self-managed' },
      },
      spec: { type: 'service', lifecycle: 'production', owner: 'group:search' },
    },
  ];
}
// 4 components, 1 system, 1 domain and 4 groups; users are not indexed.
const INDEXED = 10;

const allowed = mockCredentials.user.header('user:default/jane-doe');
const restricted = mockCredentials.user.header(RESTRICTED_USER);

async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + 60_000;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(`timed out waiting for ${what}: ${last}`);
}

describe.each(databases.eachSupportedId())(
  'the reliability index (%s)',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startCatalogBackend>>;

    beforeAll(async () => {
      backend = await startCatalogBackend({
        databases,
        databaseId,
        entities: organisation(),
        config: {
          sreOwnership: { overview: { refreshFrequency: { seconds: 1 } } },
        },
        features: [sreOwnershipPlugin],
      });
    });

    afterAll(async () => {
      await backend?.stop?.();
    });

    const list = (authorization: string) =>
      request(backend.server)
        .get('/api/sre-ownership/ownership?limit=3')
        .set('Authorization', authorization);

    async function listAll(authorization: string): Promise<string[]> {
      const refs: string[] = [];
      let cursor: string | undefined;
      do {
        const response = await request(backend.server)
          .get(
            `/api/sre-ownership/ownership?limit=3${
              cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
            }`,
          )
          .set('Authorization', authorization);
        expect(response.status).toBe(200);
        refs.push(
          ...response.body.items.map((i: { entityRef: string }) => i.entityRef),
        );
        cursor = response.body.nextCursor;
      } while (cursor);
      return refs;
    }

    it('indexes every entity whose reliability can be owned, and the bulk route pages through it', async () => {
      await eventually('the index to hold every entity', async () => {
        const { body } = await list(allowed);
        return body.totalItems === INDEXED &&
          !body.items.some((i: { entityRef: string }) =>
            i.entityRef.startsWith('user:'),
          )
          ? true
          : undefined;
      });
      const refs = await listAll(allowed);
      expect(refs).toHaveLength(INDEXED);
      expect(new Set(refs).size).toBe(INDEXED);
      expect(refs).toContain('component:default/search-api');
      expect(refs).not.toContain('user:default/jane-doe');
    });

    it('hides what a conditional catalog policy hides, in the bulk and single routes', async () => {
      await eventually('the index', async () => {
        const { body } = await list(allowed);
        return body.totalItems === INDEXED &&
          !body.items.some((i: { entityRef: string }) =>
            i.entityRef.startsWith('user:'),
          )
          ? true
          : undefined;
      });
      const refs = await listAll(restricted);
      expect(refs).toContain('component:default/payments-api');
      expect(refs).not.toContain('component:default/search-api');
      const hidden = await request(backend.server)
        .get(
          '/api/sre-ownership/entities/component/default/search-api/ownership',
        )
        .set('Authorization', restricted);
      expect(hidden.status).toBe(404);
      const shown = await request(backend.server)
        .get(
          '/api/sre-ownership/entities/component/default/search-api/ownership',
        )
        .set('Authorization', allowed);
      expect(shown.status).toBe(200);
      expect(shown.body.model.value).toBe('self-managed');
    });

    it('shows an edited annotation after the next refresh', async () => {
      const edited = organisation().map(entity =>
        entity.metadata.name === 'search-api'
          ? {
              ...entity,
              metadata: {
                ...entity.metadata,
                annotations: { 'sre-ownership.io/model': 'embedded' },
              },
            }
          : entity,
      );
      await backend.publish(edited);
      const model = await eventually(
        'the edit to reach the index',
        async () => {
          const { body } = await request(backend.server)
            .get(
              '/api/sre-ownership/entities/component/default/search-api/ownership',
            )
            .set('Authorization', allowed);
          return body.model?.value === 'embedded' ? body.model : undefined;
        },
      );
      expect(model.source).toMatchObject({
        entityRef: 'component:default/search-api',
        annotation: 'sre-ownership.io/model',
      });
    });
  },
);
