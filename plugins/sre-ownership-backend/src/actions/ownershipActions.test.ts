import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { anOrganisation } from '../__testUtils__/catalog';
import { CatalogSkeleton } from '../service/CatalogSkeleton';
import { OwnershipResolver } from '../service/OwnershipResolver';
import { registerOwnershipActions } from './ownershipActions';

function setup(
  withOnCall?: Parameters<typeof registerOwnershipActions>[0]['withOnCall'],
) {
  const catalog = catalogServiceMock({ entities: anOrganisation() });
  const skeleton = new CatalogSkeleton({
    catalog,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
  });
  const ownership = new OwnershipResolver({
    catalog,
    skeleton,
    defaults: { derivedEscalationStepMinutes: 15 },
  });
  const actionsRegistry = actionsRegistryServiceMock();
  registerOwnershipActions({ actionsRegistry, ownership, withOnCall });
  return actionsRegistry;
}

describe('ownership actions', () => {
  it('answers who owns reliability, in words and with contacts', async () => {
    const { output } = await setup().invoke({
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
    const { output } = await setup().invoke({
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
    const { output } = await setup(async resolved => ({
      ...resolved,
      escalation: {
        ...resolved.escalation,
        levels: resolved.escalation.levels.map(level =>
          level.type === 'oncall'
            ? {
                ...level,
                onCall: {
                  teamRef: level.target.ref,
                  current: [
                    {
                      userRef: 'user:default/jane-doe',
                      until: '2026-11-24T00:00:00.000Z',
                    },
                  ],
                },
              }
            : level,
        ),
      },
    })).invoke({
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
      setup().invoke({
        id: 'test:who-owns-reliability',
        input: { entityRef: 'component:' },
        credentials: mockCredentials.user(),
      }),
    ).rejects.toThrow('entityRef "component:" is not an entity ref');
  });
});
