import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { sreOwnershipBurdenReadPermission } from '@sre-ownership/plugin-sre-ownership-common';
import request from 'supertest';
import { startBackendWithPolicy } from '../__testUtils__/permissionPolicyBackend';
import {
  createSreOwnershipTeamConditionalDecision,
  sreOwnershipTeamConditions,
} from './teamRules';

jest.setTimeout(60_000);

/** The sample policy of docs/permissions.md. */
class TeamPeoplePolicy implements PermissionPolicy {
  async handle(
    query: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (isPermission(query.permission, sreOwnershipBurdenReadPermission)) {
      if (!user) return { result: AuthorizeResult.DENY };
      const claims = user.info.ownershipEntityRefs;
      return createSreOwnershipTeamConditionalDecision(query.permission, {
        anyOf: [
          sreOwnershipTeamConditions.isTeamMember({ claims }),
          sreOwnershipTeamConditions.isTeamManager({ claims }),
        ],
      });
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

const user = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: {},
});

const payments: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name: 'payments',
    namespace: 'default',
    annotations: { 'sre-ownership.io/managers': 'user:ada-head, group:leads' },
  },
  spec: { type: 'team', children: [] },
  relations: [{ type: 'hasMember', targetRef: 'user:default/jane-doe' }],
};

/** Ownership claims as a sign-in resolver would set them. */
const CLAIMS: Record<string, string[]> = {
  'user:default/jane-doe': ['user:default/jane-doe'],
  'user:default/mei-lin': ['user:default/mei-lin', 'group:default/payments'],
  'user:default/ada-head': ['user:default/ada-head'],
  'user:default/lee-lead': ['user:default/lee-lead', 'group:default/leads'],
  'user:default/erik-johansson': [
    'user:default/erik-johansson',
    'group:default/data',
  ],
};

describe('per-person figures under a real permission policy', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    backend = await startBackendWithPolicy({
      policy: new TeamPeoplePolicy(),
      policyModuleId: 'team-people-policy',
      entities: [
        payments,
        ...[
          'jane-doe',
          'mei-lin',
          'ada-head',
          'lee-lead',
          'erik-johansson',
        ].map(user),
      ],
      claimsOf: userEntityRef => CLAIMS[userEntityRef],
    });
  });

  afterAll(() => backend.stop());

  async function burdenAs(userRef: string) {
    const response = await request(backend.server)
      .get('/api/sre-ownership/teams/default/payments/burden')
      .set('Authorization', mockCredentials.user.header(userRef));
    expect(`${response.status} ${JSON.stringify(response.body)}`).toMatch(
      /^200 /,
    );
    return response.body;
  }

  it.each([
    ['a member listed on the Group', 'user:default/jane-doe'],
    ['a member by their ownership claims', 'user:default/mei-lin'],
    ['a manager named in sre-ownership.io/managers', 'user:default/ada-head'],
    ['a member of a managing group', 'user:default/lee-lead'],
  ])('shows per-person figures to %s', async (_who, userRef) => {
    expect(await burdenAs(userRef)).toHaveProperty('engineers');
  });

  it('shows only the team figures to someone from another team', async () => {
    const burden = await burdenAs('user:default/erik-johansson');
    expect(burden).not.toHaveProperty('engineers');
    expect(burden.status).toBeDefined();
  });
});
