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
import { sreOwnershipPulseCommentsReadPermission } from '@sre-ownership/plugin-sre-ownership-common';
import request from 'supertest';
import { startBackendWithPolicy } from '../__testUtils__/permissionPolicyBackend';
import {
  createSreOwnershipTeamConditionalDecision,
  sreOwnershipTeamConditions,
} from '../permissions/teamRules';

jest.setTimeout(60_000);

/** docs/permissions.md: a team's pulse comments for its managers only. */
class ManagersReadCommentsPolicy implements PermissionPolicy {
  async handle(
    query: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (
      isPermission(query.permission, sreOwnershipPulseCommentsReadPermission)
    ) {
      if (!user) return { result: AuthorizeResult.DENY };
      return createSreOwnershipTeamConditionalDecision(
        query.permission,
        sreOwnershipTeamConditions.isTeamManager({
          claims: user.info.ownershipEntityRefs,
        }),
      );
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

const entity = (kind: string, name: string, extra: object = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: {},
  ...extra,
});

const payments = entity('Group', 'payments', {
  metadata: {
    name: 'payments',
    namespace: 'default',
    annotations: { 'sre-ownership.io/managers': 'user:ada-head' },
  },
  spec: { type: 'team', children: [] },
  relations: [{ type: 'hasMember', targetRef: 'user:default/jane-doe' }],
});

describe('pulse comments under a real permission policy', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    backend = await startBackendWithPolicy({
      policy: new ManagersReadCommentsPolicy(),
      policyModuleId: 'managers-read-comments',
      entities: [
        payments,
        entity('User', 'jane-doe'),
        entity('User', 'ada-head'),
      ],
      claimsOf: userEntityRef => [userEntityRef],
    });
  });

  afterAll(() => backend.stop());

  const commentsAs = (userRef: string) =>
    request(backend.server)
      .get('/api/sre-ownership/teams/default/payments/pulse/comments')
      .set('Authorization', mockCredentials.user.header(userRef));

  it("lets the team's manager read its comments", async () => {
    const response = await commentsAs('user:default/ada-head');
    expect(response.status).toBe(200);
    expect(response.body.comments).toEqual([]);
  });

  it('refuses a member who does not manage the team, naming the permission', async () => {
    const response = await commentsAs('user:default/jane-doe');
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(
      /sre-ownership.pulse.comments.read/,
    );
  });

  it("shows the team's averages to the member all the same", async () => {
    const response = await request(backend.server)
      .get('/api/sre-ownership/teams/default/payments/pulse')
      .set(
        'Authorization',
        mockCredentials.user.header('user:default/jane-doe'),
      );
    expect(response.status).toBe(200);
    expect(response.body.current.answers).toBe(0);
  });
});
