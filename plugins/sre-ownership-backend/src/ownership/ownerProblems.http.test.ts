import { TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { anOrganisation } from '../__testUtils__/catalog';
import { startSreOwnershipServer } from '../__testUtils__/sreOwnershipBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const ownedBy = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', owner },
});

describe('the ownership route names why an owner gives no on-call', () => {
  let server: Parameters<typeof request>[0];

  beforeAll(async () => {
    server = await startSreOwnershipServer({
      knex: await databases.init('SQLITE_3'),
      entities: [
        ...anOrganisation(),
        ownedBy('orphan', 'group:ghosts'),
        ownedBy('solo', 'user:jane-doe'),
      ],
    });
  });

  const problemsOf = async (name: string) => {
    const answer = await request(server).get(
      `/api/sre-ownership/entities/component/default/${name}/ownership`,
    );
    expect(answer.status).toBe(200);
    return answer.body.problems;
  };

  it('names an owner Group that is not in the catalog', async () => {
    expect(await problemsOf('orphan')).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/orphan',
        annotation: 'spec.owner',
        value: 'group:default/ghosts',
        severity: 'error',
      }),
    ]);
  });

  it('says a User owner gives no on-call, and what to do', async () => {
    expect(await problemsOf('solo')).toEqual([
      expect.objectContaining({
        annotation: 'spec.owner',
        value: 'user:default/jane-doe',
        message: expect.stringContaining('derived from a Group'),
        severity: 'warning',
      }),
    ]);
  });
});
