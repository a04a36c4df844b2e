import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  DEFAULT_BURDEN_LIMITS,
  DEFAULT_REST_RULES,
  DEFAULT_WORKING_TIME,
} from '@sre-ownership/plugin-sre-ownership-common';
import { anOrganisation } from '../__testUtils__/catalog';
import { DatabaseOncallStore } from '../oncall/DatabaseOncallStore';
import { BurdenService } from './BurdenService';
import { registerBurdenActions } from './burdenActions';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const HOUR = 3_600_000;
const now = new Date('2026-11-23T12:00:00Z');
const ago = (hours: number) =>
  new Date(now.getTime() - hours * HOUR).toISOString();

async function setup(permission: AuthorizeResult.ALLOW | AuthorizeResult.DENY) {
  const knex = await databases.init('SQLITE_3');
  const store = await DatabaseOncallStore.create({
    database: mockServices.database({ knex, migrations: { skip: false } }),
  });
  await store.ingest({
    shifts: [
      {
        source: 't',
        externalId: 's1',
        teamRef: 'group:default/payments',
        userRef: 'user:default/jane-doe',
        startsAt: ago(28 * 24),
        endsAt: ago(0),
      },
    ],
  });
  const burden = new BurdenService({
    store,
    catalog: catalogServiceMock({ entities: anOrganisation() }),
    permissions: mockServices.permissions({ result: permission }),
    settings: {
      windowDays: 28,
      limits: DEFAULT_BURDEN_LIMITS,
      workingTime: DEFAULT_WORKING_TIME,
      restRules: DEFAULT_REST_RULES,
      defaultTimezone: 'UTC',
    },
    now: () => now,
  });
  const actionsRegistry = actionsRegistryServiceMock();
  registerBurdenActions({ actionsRegistry, burden });
  return actionsRegistry;
}

describe('on-call burden action', () => {
  it('answers with the status, its reasons and the engineers over their limits', async () => {
    const { output } = await (
      await setup(AuthorizeResult.ALLOW)
    ).invoke({
      id: 'test:get-oncall-burden',
      input: { teamRef: 'payments' },
      credentials: mockCredentials.user(),
    });
    expect(output).toMatchObject({
      teamRef: 'group:default/payments',
      status: 'overloaded',
      windowDays: 28,
      requiredRotationSize: 4,
      engineers: [
        expect.objectContaining({
          userRef: 'user:default/jane-doe',
          overLimit: ['onCallWeeksPerMonth', 'onCallShare'],
        }),
      ],
    });
    expect((output as { reasons: string[] }).reasons).toContain(
      'The rotation has 1 engineer; 4 are needed so nobody is on call more than 1 week per month.',
    );
  });

  it('leaves engineers out for callers without sre-ownership.burden.read', async () => {
    const { output } = await (
      await setup(AuthorizeResult.DENY)
    ).invoke({
      id: 'test:get-oncall-burden',
      input: { teamRef: 'group:default/payments', days: 14 },
      credentials: mockCredentials.user(),
    });
    expect(output).toMatchObject({ status: 'overloaded', windowDays: 14 });
    expect(output).not.toHaveProperty('engineers');
  });
});
