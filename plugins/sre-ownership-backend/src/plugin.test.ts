import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { sreOwnershipPlugin } from './plugin';

const paymentsApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    namespace: 'default',
    annotations: {
      'sre-ownership.io/model': 'hybrid',
      'sre-ownership.io/platform-team': 'group:platform-sre',
    },
  },
  spec: { type: 'service', owner: 'group:payments' },
};

async function startBackend() {
  const { server } = await startTestBackend({
    features: [
      sreOwnershipPlugin,
      catalogServiceMock.factory({ entities: [paymentsApi] }),
    ],
  });
  return server;
}

describe('sre-ownership backend', () => {
  it('answers the health check without credentials', async () => {
    const server = await startBackend();
    await request(server)
      .get('/api/sre-ownership/health')
      .set('Authorization', mockCredentials.none.header())
      .expect(200, { status: 'ok' });
  });

  it('returns the ownership an entity declares in its own annotations', async () => {
    const server = await startBackend();
    const response = await request(server).get(
      '/api/sre-ownership/entities/component/default/payments-api/ownership',
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      entityRef: 'component:default/payments-api',
      model: 'hybrid',
      platformTeam: 'group:default/platform-sre',
      embeddedSres: [],
      problems: [],
    });
  });

  it('refuses unauthenticated callers', async () => {
    const server = await startBackend();
    const response = await request(server)
      .get(
        '/api/sre-ownership/entities/component/default/payments-api/ownership',
      )
      .set('Authorization', mockCredentials.none.header());
    expect(response.status).toBe(401);
  });

  it('says which entity is missing', async () => {
    const server = await startBackend();
    const response = await request(server).get(
      '/api/sre-ownership/entities/component/default/nope/ownership',
    );
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe(
      'No entity component:default/nope in the catalog',
    );
  });
});
