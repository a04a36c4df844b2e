import {
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { permissionsRegistryServiceFactory } from '@backstage/backend-defaults/permissionsRegistry';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import permissionBackend from '@backstage/plugin-permission-backend';
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
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { sreOwnershipPulseCommentsReadPermission } from '@sre-ownership/plugin-sre-ownership-common';
import request from 'supertest';
import { sreOwnershipPlugin } from '../plugin';
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

const userInfoFactory = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials: any) {
      const userEntityRef = credentials.principal.userEntityRef;
      return { userEntityRef, ownershipEntityRefs: [userEntityRef] };
    },
  }),
});

// As in permissions/teamPermissions.test.ts: the permission backend calls
// the plugin's apply-conditions endpoint as itself, as the real one does.
const authFactory = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const auth = mockServices.auth({ pluginId: plugin.getId() });
    if (plugin.getId() !== 'permission') return auth;
    return Object.assign(Object.create(auth), {
      getPluginRequestToken: async (options: { targetPluginId: string }) =>
        auth.getPluginRequestToken({
          ...options,
          onBehalfOf: await auth.getOwnServiceCredentials(),
        }),
    });
  },
});

describe('pulse comments under a real permission policy', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        sreOwnershipPlugin,
        permissionBackend,
        createBackendModule({
          pluginId: 'permission',
          moduleId: 'managers-read-comments',
          register(reg) {
            reg.registerInit({
              deps: { policy: policyExtensionPoint },
              async init({ policy }) {
                policy.setPolicy(new ManagersReadCommentsPolicy());
              },
            });
          },
        }),
        permissionsServiceFactory,
        permissionsRegistryServiceFactory,
        userInfoFactory,
        authFactory,
        mockServices.rootConfig.factory({
          data: { permission: { enabled: true } },
        }),
        catalogServiceMock.factory({
          entities: [
            payments,
            entity('User', 'jane-doe'),
            entity('User', 'ada-head'),
          ],
        }),
      ],
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
