import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { OncallShift } from '@sre-ownership/plugin-sre-ownership-common';
import { anOrganisation } from '../__testUtils__/catalog';
import { DatabaseOncallStore } from '../oncall/DatabaseOncallStore';
import { OnCallNowReader } from '../oncall/OnCallNowReader';
import { OwnershipResolver } from './OwnershipResolver';
import { PrincipalEntityCache } from '../catalog/PrincipalEntityCache';
import { registerOwnershipActions } from './ownershipActions';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const NOW = new Date('2026-11-23T12:00:00.000Z');

async function setup(shifts: OncallShift[] = []) {
  const store = await DatabaseOncallStore.create({
    database: mockServices.database({
      knex: await databases.init('SQLITE_3'),
      migrations: { skip: false },
    }),
  });
  await store.ingest({ shifts });
  const catalog = catalogServiceMock({ entities: anOrganisation() });
  const ownership = new OwnershipResolver({
    catalog,
    defaults: { derivedEscalationStepMinutes: 15 },
    cache: new PrincipalEntityCache(),
    onCall: new OnCallNowReader({ store, ttlMs: 0, now: () => NOW }),
  });
  const actionsRegistry = actionsRegistryServiceMock();
  registerOwnershipActions({ actionsRegistry, ownership });
  return actionsRegistry;
}

describe('ownership actions', () => {
  it('answers who owns reliability, in words and with contacts', async () => {
    const { output } = await (
      await setup()
    ).invoke({
      id: 'test:who-owns-reliability',
      input: { entityRef: 'payments-api' },
      credentials: mockCredentials.user(),
    });
    expect(output).toMatchObject({
      entityRef: 'component:default/payments-api',
      model: 'hybrid',
      summary:
        'component:default/payments-api uses the hybrid model (Inherited from domain:default/commerce (sre-ownership.io/model)); reliability is owned by Platform SRE, Mei Lin.',
      reliabilityOwners: [
        { ref: 'group:default/platform-sre', name: 'Platform SRE' },
        {
          ref: 'user:default/mei-lin',
          name: 'Mei Lin',
          email: 'mei.lin@acme.example',
        },
      ],
    });
  });

  it('returns the escalation path and says it was derived', async () => {
    const { output } = await (
      await setup()
    ).invoke({
      id: 'test:get-escalation-path',
      input: { entityRef: 'component:default/payments-api' },
      credentials: mockCredentials.user(),
    });
    expect(output).toMatchObject({
      derived: true,
      levels: [
        {
          level: 1,
          afterMinutes: 0,
          type: 'oncall',
          target: { ref: 'group:default/payments' },
        },
        {
          level: 2,
          afterMinutes: 15,
          type: 'oncall',
          target: { ref: 'group:default/platform-sre' },
        },
        {
          level: 3,
          afterMinutes: 30,
          type: 'user',
          target: { ref: 'user:default/mei-lin' },
        },
      ],
    });
  });

  it('says who is on call now at rotation levels', async () => {
    const registry = await setup([
      {
        source: 'api',
        externalId: 'week-47',
        teamRef: 'group:default/payments',
        userRef: 'user:default/jane-doe',
        startsAt: '2026-11-20T00:00:00.000Z',
        endsAt: '2026-11-24T00:00:00.000Z',
      },
    ]);
    const { output } = await registry.invoke({
      id: 'test:get-escalation-path',
      input: { entityRef: 'payments-api' },
      credentials: mockCredentials.user(),
    });
    expect((output as { levels: unknown[] }).levels[0]).toMatchObject({
      type: 'oncall',
      onCallNow: [
        { userRef: 'user:default/jane-doe', until: '2026-11-24T00:00:00.000Z' },
      ],
    });
  });

  it('names the input field when the entity ref is malformed', async () => {
    await expect(
      (
        await setup()
      ).invoke({
        id: 'test:who-owns-reliability',
        input: { entityRef: 'component:' },
        credentials: mockCredentials.user(),
      }),
    ).rejects.toThrow('entityRef "component:" is not an entity ref');
  });
});
