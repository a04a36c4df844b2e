import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { anOrganisation } from './__testUtils__/catalog';
import { sreOwnershipPlugin } from './plugin';

async function startBackend() {
  const { server } = await startTestBackend({
    features: [
      sreOwnershipPlugin,
      catalogServiceMock.factory({ entities: anOrganisation() }),
    ],
  });
  return server;
}

const ownershipOf = (name: string) =>
  `/api/sre-ownership/entities/component/default/${name}/ownership`;

describe('sre-ownership backend', () => {
  it('answers the health check without credentials', async () => {
    const server = await startBackend();
    const response = await request(server)
      .get('/api/sre-ownership/health')
      .set('Authorization', mockCredentials.none.header());
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('reports not ready while the catalog cannot be read', async () => {
    const catalog = catalogServiceMock.mock({
      getEntities: async () => {
        throw new Error('Request failed with 404 Not Found');
      },
    });
    const { server } = await startTestBackend({
      features: [sreOwnershipPlugin, catalog.factory],
    });
    const response = await request(server)
      .get('/api/sre-ownership/health')
      .set('Authorization', mockCredentials.none.header());
    expect(response.status).toBe(503);
    expect(response.body).toEqual({
      status: 'unavailable',
      unavailable: ['catalog'],
    });
  });

  it('resolves ownership through system and domain, with the source of each value', async () => {
    const server = await startBackend();
    const response = await request(server).get(ownershipOf('payments-api'));
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body.model).toEqual({
      value: 'hybrid',
      source: {
        type: 'entity',
        entityRef: 'domain:default/commerce',
        annotation: 'sre-ownership.io/model',
        relation: 'domain',
      },
    });
    expect(
      body.reliabilityOwners.map((p: { displayName: string }) => p.displayName),
    ).toEqual(['Platform SRE', 'Mei Lin']);
    const sloGuard = body.specialists.find(
      (s: { role: string }) => s.role === 'slo-guard',
    );
    expect(sloGuard).toMatchObject({
      primary: { ref: 'user:default/jane-doe', exists: true },
      gap: 'single-point-of-failure',
    });
    expect(body.escalation.derived).toBe(true);
    expect(
      body.escalation.levels.map(
        (l: { target: { ref: string } }) => l.target.ref,
      ),
    ).toEqual([
      'group:default/payments',
      'group:default/platform-sre',
      'user:default/mei-lin',
    ]);
    expect(body.problems).toEqual([]);
  });

  it('reports broken declarations and missing people instead of failing', async () => {
    const server = await startBackend();
    const response = await request(server).get(ownershipOf('legacy-billing'));
    expect(response.status).toBe(200);
    expect(response.body.problems).toEqual([
      expect.objectContaining({
        annotation: 'sre-ownership.io/model',
        value: 'embeded',
        severity: 'error',
      }),
      expect.objectContaining({
        annotation: 'sre-ownership.io/slo-guard',
        value: 'user:default/john-smith',
        message: expect.stringContaining('is not in the catalog'),
      }),
    ]);
  });

  it('refuses unauthenticated callers', async () => {
    const server = await startBackend();
    for (const path of [
      ownershipOf('payments-api'),
      '/api/sre-ownership/ownership',
    ]) {
      const response = await request(server)
        .get(path)
        .set('Authorization', mockCredentials.none.header());
      expect(response.status).toBe(401);
    }
  });

  it('says which entity is missing', async () => {
    const server = await startBackend();
    const response = await request(server).get(ownershipOf('nope'));
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe(
      'No entity component:default/nope in the catalog',
    );
  });

  it('pages through many entities', async () => {
    const server = await startBackend();
    const first = await request(server).get(
      '/api/sre-ownership/ownership?kind=component&limit=2',
    );
    expect(first.status).toBe(200);
    expect(first.body.totalItems).toBe(3);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await request(server).get(
      `/api/sre-ownership/ownership?cursor=${encodeURIComponent(
        first.body.nextCursor,
      )}&limit=2`,
    );
    expect(second.body.items).toHaveLength(1);
    const names = [...first.body.items, ...second.body.items].map(
      (i: { entityRef: string }) => i.entityRef,
    );
    expect(names.sort()).toEqual([
      'component:default/legacy-billing',
      'component:default/payments-api',
      'component:default/payments-ledger',
    ]);
  });

  it.each([
    ['limit=lots', 'limit'],
    ['limit=0', 'limit'],
    ['limit=5000', 'limit'],
  ])('rejects ?%s with a 400 that names the %s field', async (query, field) => {
    const server = await startBackend();
    const response = await request(server).get(
      `/api/sre-ownership/ownership?${query}`,
    );
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('InputError');
    expect(response.body.error.message).toContain(field);
  });
});
