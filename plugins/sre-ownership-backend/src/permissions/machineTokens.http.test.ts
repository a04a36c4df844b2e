import {
  coreServices,
  createBackendModule,
  createBackendPlugin,
  createServiceFactory,
  AuthService,
} from '@backstage/backend-plugin-api';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { permissionsRegistryServiceFactory } from '@backstage/backend-defaults/permissionsRegistry';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import permissionBackend from '@backstage/plugin-permission-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { JsonObject } from '@backstage/types';
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import { sreOwnershipPlugin } from '../plugin';

// Tokens as an operator configures them in backend.auth.externalAccess, run
// through Backstage's real auth, httpAuth and permission services and a real
// permission backend: Backstage never asks the policy about a service
// principal, so the plugin must hold each token to what it is granted by
// name, whatever its subject and whatever the policy.

const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'team', children: [], members: ['jane'] },
};
const jane: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'jane', namespace: 'default' },
  spec: { memberOf: ['payments'] },
};

const base64url = (value: Buffer | string) =>
  Buffer.from(value).toString('base64url');

/** A compact JWS over `payload`, signed by `signer`. */
function jwt(
  header: JsonObject,
  payload: JsonObject,
  signer: (input: string) => Buffer,
): string {
  const input = `${base64url(JSON.stringify(header))}.${base64url(
    JSON.stringify(payload),
  )}`;
  return `${input}.${base64url(signer(input))}`;
}

const now = () => Math.floor(Date.now() / 1000);
const LEGACY_SECRET = base64url('a legacy shared secret of the backend');
function legacyToken(): string {
  const key = Buffer.from(LEGACY_SECRET, 'base64url');
  const claims = { sub: 'backstage-server', exp: now() + 600 };
  return jwt({ alg: 'HS256' }, claims, (input: string) =>
    createHmac('sha256', key).update(input).digest(),
  );
}

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
function jwksToken(sub: string): string {
  const claims = { sub, iss: 'https://issuer.test', exp: now() + 600 };
  return jwt({ alg: 'RS256', kid: 'k1' }, claims, (input: string) =>
    sign('sha256', Buffer.from(input), rsa.privateKey),
  );
}

/** A JSON Web Key Set on loopback with the one signing key. */
async function startJwks(): Promise<Server> {
  const jwk = {
    ...rsa.publicKey.export({ format: 'jwk' }),
    kid: 'k1',
    alg: 'RS256',
    use: 'sig',
  };
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const restrictedTo = (permission?: string, action?: string) => ({
  accessRestrictions: [
    {
      plugin: 'sre-ownership',
      ...(permission ? { permission } : {}),
      ...(action ? { permissionAttribute: { action } } : {}),
    },
  ],
});
const staticToken = (
  token: string,
  subject: string,
  extra: JsonObject = {},
) => ({
  type: 'static',
  options: { token, subject },
  ...extra,
});

/** Every token shape Backstage accepts, keyed by what the test calls it. */
function externalAccess(jwksUrl: string) {
  return [
    staticToken('static-unrestricted-token', 'reporting-tool'),
    staticToken('static-plugin-only-token', 'plugin-scoped', restrictedTo()),
    staticToken(
      'static-create-attribute-token',
      'create-anything',
      restrictedTo(undefined, 'create'),
    ),
    staticToken('static-impersonating-token', 'plugin:catalog'),
    staticToken(
      'static-events-token',
      'importer',
      restrictedTo('sre-ownership.events.create'),
    ),
    staticToken(
      'static-people-token',
      'hr-system',
      restrictedTo('sre-ownership.burden.read'),
    ),
    {
      type: 'legacy',
      options: { secret: LEGACY_SECRET, subject: 'legacy-caller' },
      ...restrictedTo('sre-ownership.alerts.receive'),
    },
    {
      type: 'jwks',
      options: { url: jwksUrl, issuer: 'https://issuer.test' },
      ...restrictedTo('sre-ownership.alerts.receive'),
    },
  ];
}

const aPage = {
  source: 'api',
  externalId: 'machine-1',
  teamRef: 'group:default/payments',
  severity: 'high',
  triggeredAt: '2026-03-03T02:00:00Z',
};
const anAlert = {
  version: '4',
  status: 'firing',
  alerts: [
    {
      status: 'firing',
      labels: { alertname: 'Down', team: 'payments' },
      startsAt: '2026-03-03T02:00:00Z',
    },
  ],
};

/** Each permissioned route, and how a grant or a refusal shows on it. */
const routes = {
  'POST /events': (agent: request.Agent, auth: string) =>
    agent
      .post('/api/sre-ownership/events')
      .set('authorization', auth)
      .send({ pages: [aPage] }),
  'POST /webhooks/alertmanager': (agent: request.Agent, auth: string) =>
    agent
      .post('/api/sre-ownership/webhooks/alertmanager')
      .set('authorization', auth)
      .send(anAlert),
  'GET rest-owed': (agent: request.Agent, auth: string) =>
    agent
      .get('/api/sre-ownership/teams/default/payments/rest-owed')
      .set('authorization', auth),
  'GET compensation': (agent: request.Agent, auth: string) =>
    agent
      .get('/api/sre-ownership/teams/default/payments/compensation')
      .set('authorization', auth),
  'GET pulse comments': (agent: request.Agent, auth: string) =>
    agent
      .get('/api/sre-ownership/teams/default/payments/pulse/comments')
      .set('authorization', auth),
  'POST rest-taken': (agent: request.Agent, auth: string) =>
    agent
      .post('/api/sre-ownership/teams/default/payments/rest-taken')
      .set('authorization', auth)
      .send({ userRef: 'user:default/jane', date: '2026-03-04', minutes: 60 }),
};
type RouteName = keyof typeof routes;
const PERMISSION_OF: Record<RouteName, string> = {
  'POST /events': 'sre-ownership.events.create',
  'POST /webhooks/alertmanager': 'sre-ownership.alerts.receive',
  'GET rest-owed': 'sre-ownership.burden.read',
  'GET compensation': 'sre-ownership.burden.read',
  'GET pulse comments': 'sre-ownership.pulse.comments.read',
  'POST rest-taken': 'sre-ownership.rest.record',
};

/** A backend plugin of the same backend, to call with its own token. */
let otherPluginAuth: AuthService | undefined;
const otherPlugin = createBackendPlugin({
  pluginId: 'reports',
  register(env) {
    env.registerInit({
      deps: { auth: coreServices.auth },
      async init({ auth }) {
        otherPluginAuth = auth;
      },
    });
  },
});

async function startBackend(
  decision: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
  jwksUrl: string,
  knex: Knex,
) {
  const { server } = await startTestBackend({
    features: [
      sreOwnershipPlugin,
      otherPlugin,
      permissionBackend,
      createBackendModule({
        pluginId: 'permission',
        moduleId: 'fixed-policy',
        register(reg) {
          reg.registerInit({
            deps: { policy: policyExtensionPoint },
            async init({ policy }) {
              policy.setPolicy({ handle: async () => ({ result: decision }) });
            },
          });
        },
      }),
      authServiceFactory,
      httpAuthServiceFactory,
      permissionsServiceFactory,
      permissionsRegistryServiceFactory,
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          backend: { auth: { externalAccess: externalAccess(jwksUrl) } },
        },
      }),
      catalogServiceMock.factory({ entities: [team, jane] }),
      // The plugin on the database under test; Backstage's own plugins each
      // on an in-memory one, as the default test backend gives them.
      createServiceFactory({
        service: coreServices.database,
        deps: { plugin: coreServices.pluginMetadata },
        factory: ({ plugin }) =>
          mockServices.database({
            knex:
              plugin.getId() === 'sre-ownership'
                ? knex
                : knexFactory({
                    client: 'better-sqlite3',
                    connection: ':memory:',
                    useNullAsDefault: true,
                  }),
          }),
      }),
    ],
  });
  return server;
}

const bearer = (token: string) => `Bearer ${token}`;

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const cases = databases
  .eachSupportedId()
  .flatMap(([databaseId]) => [
    [databaseId, 'allows everything', AuthorizeResult.ALLOW] as const,
    [databaseId, 'denies everything', AuthorizeResult.DENY] as const,
  ]);

describe.each(cases)(
  'on %s, machine tokens under a policy that %s',
  (databaseId, _name, decision) => {
    let jwks: Server;
    let agent: request.Agent;

    beforeAll(async () => {
      jwks = await startJwks();
      const { port } = jwks.address() as AddressInfo;
      agent = request.agent(
        await startBackend(
          decision,
          `http://127.0.0.1:${port}/jwks`,
          await databases.init(databaseId),
        ),
      );
    });
    afterAll(() => new Promise(resolve => jwks.close(resolve)));

    const refusedEverywhere = [
      ['an unrestricted static token', 'static-unrestricted-token'],
      [
        'a static token restricted to the plugin only',
        'static-plugin-only-token',
      ],
      [
        'a static token granted the create action only',
        'static-create-attribute-token',
      ],
      [
        'a static token whose subject claims to be a plugin',
        'static-impersonating-token',
      ],
    ] as const;

    it.each(refusedEverywhere)(
      'refuses %s on every permissioned route',
      async (_what, token) => {
        for (const [route, call] of Object.entries(routes)) {
          const response = await call(agent, bearer(token));
          expect({ route, status: response.status }).toEqual({
            route,
            status: 403,
          });
          expect(response.body.error.message).toContain(
            PERMISSION_OF[route as RouteName],
          );
        }
      },
    );

    it.each<[string, () => string, RouteName[]]>([
      [
        'a static token granted sre-ownership.events.create',
        () => 'static-events-token',
        ['POST /events'],
      ],
      [
        'a static token granted sre-ownership.burden.read',
        () => 'static-people-token',
        ['GET rest-owed', 'GET compensation'],
      ],
      [
        'a legacy token granted sre-ownership.alerts.receive',
        legacyToken,
        ['POST /webhooks/alertmanager'],
      ],
      [
        'a JWKS token granted sre-ownership.alerts.receive',
        () => jwksToken('alert-relay'),
        ['POST /webhooks/alertmanager'],
      ],
    ])('lets %s do that and nothing else', async (_what, token, granted) => {
      const statuses: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const [route, call] of Object.entries(routes)) {
        statuses[route] = (await call(agent, bearer(token()))).status;
        const allowed = route.startsWith('POST') ? 201 : 200;
        expected[route] = granted.includes(route as RouteName) ? allowed : 403;
      }
      expect(statuses).toEqual(expected);
    });

    it("gives a machine a team's figures without its engineers unless granted sre-ownership.burden.read", async () => {
      const path = '/api/sre-ownership/teams/default/payments/burden';
      const unnamed = await agent
        .get(path)
        .set('authorization', bearer('static-unrestricted-token'));
      expect(unnamed.status).toBe(200);
      expect(unnamed.body).not.toHaveProperty('engineers');
      const named = await agent
        .get(path)
        .set('authorization', bearer('static-people-token'));
      expect(named.status).toBe(200);
      expect(named.body).toHaveProperty('engineers');
    });

    it("lets another backend plugin's own token through, as Backstage does", async () => {
      const { token } = await otherPluginAuth!.getPluginRequestToken({
        onBehalfOf: await otherPluginAuth!.getOwnServiceCredentials(),
        targetPluginId: 'sre-ownership',
      });
      const response = await routes['POST /events'](agent, bearer(token));
      expect(response.status).toBe(201);
    });

    it('answers a caller with no token, or a token it does not know, with 401', async () => {
      const none = await agent.get(
        '/api/sre-ownership/teams/default/payments/rest-owed',
      );
      expect(none.status).toBe(401);
      const unknown = await routes['POST /events'](
        agent,
        bearer('not-a-configured-token'),
      );
      expect(unknown.status).toBe(401);
    });
  },
);
