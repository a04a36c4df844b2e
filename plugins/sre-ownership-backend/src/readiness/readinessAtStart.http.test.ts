import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { anOrganisation } from '../__testUtils__/catalog';
import { startSreOwnershipServer } from '../__testUtils__/sreOwnershipBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/**
 * A root lifecycle whose startup hooks run only when `start` is called: the
 * backend's start-up is over when every plugin has started, and never when
 * one (auth, permission, catalog) has failed.
 */
function heldRootLifecycle() {
  const hooks: Array<() => void | Promise<void>> = [];
  return {
    start: async () => {
      for (const hook of hooks) await hook();
    },
    factory: createServiceFactory({
      service: coreServices.rootLifecycle,
      deps: {},
      factory: () => ({
        addStartupHook: (hook: () => void | Promise<void>) => {
          hooks.push(hook);
        },
        addBeforeShutdownHook: () => {},
        addShutdownHook: () => {},
        startup: async () => {},
        shutdown: async () => {},
      }),
    }),
  };
}

describe('readiness at start-up', () => {
  it('says not ready until the whole backend has started, not only this plugin', async () => {
    const knex = await databases.init('SQLITE_3');
    const backend = heldRootLifecycle();
    const server = await startSreOwnershipServer({
      knex,
      entities: anOrganisation(),
      features: [backend.factory],
    });

    // This plugin has started; the backend as a whole has not.
    const early = await request(server).get('/api/sre-ownership/health');
    expect(early.status).toBe(503);
    expect(early.body).toEqual({
      status: 'unavailable',
      unavailable: ['start-up'],
    });

    await backend.start();
    const started = await request(server).get('/api/sre-ownership/health');
    expect(started.status).toBe(200);
    expect(started.body).toEqual({ status: 'ok' });
  });
});
