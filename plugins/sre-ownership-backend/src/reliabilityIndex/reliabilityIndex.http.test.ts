import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { anOrganisation } from '../__testUtils__/catalog';
import {
  RESTRICTED_USER,
  startCatalogBackend,
} from '../__testUtils__/catalogBackend';
import { sreOwnershipPlugin } from '../plugin';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

/**
 * The test organisation (with the lifecycle the catalog requires of a
 * Component) plus a search team and a service it owns.
 */
function organisation(): Entity[] {
  return [
    ...anOrganisation().map(entity =>
      entity.kind === 'Component'
        ? { ...entity, spec: { lifecycle: 'production', ...entity.spec } }
        : entity,
    ),
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'search', namespace: 'default' },
      spec: { type: 'team', children: [] },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'search-api',
        namespace: 'default',
        annotations: {
          'sre-ownership.io/model': 'self-managed',
          'sre-ownership.io/tier': 'tier-1',
        },
      },
      spec: { type: 'service', lifecycle: 'production', owner: 'group:search' },
    },
  ];
}
// 4 components, 1 system, 1 domain and 4 groups; users are not indexed.
const INDEXED = 10;

const allowed = mockCredentials.user.header('user:default/jane-doe');
const restricted = mockCredentials.user.header(RESTRICTED_USER);

async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + 60_000;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(`timed out waiting for ${what}: ${last}`);
}

describe.each(databases.eachSupportedId())(
  'the reliability index (%s)',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startCatalogBackend>>;

    beforeAll(async () => {
      backend = await startCatalogBackend({
        databases,
        databaseId,
        entities: organisation(),
        config: {
          sreOwnership: {
            overview: {
              refreshFrequency: { seconds: 1 },
              tiers: {
                'tier-1': { minEscalationLevels: 2, specialistBackups: true },
                'tier-2': {},
              },
            },
          },
        },
        features: [sreOwnershipPlugin],
      });
    });

    afterAll(async () => {
      await backend?.stop?.();
    });

    const list = (authorization: string) =>
      request(backend.server)
        .get('/api/sre-ownership/ownership?limit=3')
        .set('Authorization', authorization);

    async function listAll(authorization: string): Promise<string[]> {
      const refs: string[] = [];
      let cursor: string | undefined;
      do {
        const response = await request(backend.server)
          .get(
            `/api/sre-ownership/ownership?limit=3${
              cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
            }`,
          )
          .set('Authorization', authorization);
        expect(response.status).toBe(200);
        refs.push(
          ...response.body.items.map((i: { entityRef: string }) => i.entityRef),
        );
        cursor = response.body.nextCursor;
      } while (cursor);
      return refs;
    }

    it('indexes every entity whose reliability can be owned, and the bulk route pages through it', async () => {
      await eventually('the index to hold every entity', async () => {
        const { body } = await list(allowed);
        return body.totalItems === INDEXED &&
          !body.items.some((i: { entityRef: string }) =>
            i.entityRef.startsWith('user:'),
          )
          ? true
          : undefined;
      });
      const refs = await listAll(allowed);
      expect(refs).toHaveLength(INDEXED);
      expect(new Set(refs).size).toBe(INDEXED);
      expect(refs).toContain('component:default/search-api');
      expect(refs).not.toContain('user:default/jane-doe');
    });

    it('hides what a conditional catalog policy hides, in the bulk and single routes', async () => {
      await eventually('the index', async () => {
        const { body } = await list(allowed);
        return body.totalItems === INDEXED &&
          !body.items.some((i: { entityRef: string }) =>
            i.entityRef.startsWith('user:'),
          )
          ? true
          : undefined;
      });
      const refs = await listAll(restricted);
      expect(refs).toContain('component:default/payments-api');
      expect(refs).not.toContain('component:default/search-api');
      const hidden = await request(backend.server)
        .get(
          '/api/sre-ownership/entities/component/default/search-api/ownership',
        )
        .set('Authorization', restricted);
      expect(hidden.status).toBe(404);
      const shown = await request(backend.server)
        .get(
          '/api/sre-ownership/entities/component/default/search-api/ownership',
        )
        .set('Authorization', allowed);
      expect(shown.status).toBe(200);
      expect(shown.body.model.value).toBe('self-managed');
    });

    const get = (path: string, authorization = allowed) =>
      request(backend.server)
        .get(`/api/sre-ownership${path}`)
        .set('Authorization', authorization);

    it('counts each gap on a tile exactly as many entities as the list behind it holds', async () => {
      const { body: tiles } = await get('/overview/coverage');
      expect(tiles.total).toBe(5); // 4 components and the system
      for (const [gap, count] of Object.entries(tiles.gaps)) {
        const { body: page } = await get(
          `/overview/entities?gap=${gap}&limit=2`,
        );
        expect({ gap, total: page.totalItems }).toEqual({ gap, total: count });
        expect(page.items.length).toBe(Math.min(2, count as number));
      }
      const { body: broken } = await get(
        '/overview/entities?gap=missing-ref&kind=component',
      );
      expect(broken.items.map((i: { name: string }) => i.name)).toEqual([
        'legacy-billing',
      ]);
      expect(broken.items[0].reasons['missing-ref']).toContain(
        'user:default/john-smith (SLO guard)',
      );
    });

    it('filters, sorts and pages the lists', async () => {
      const { body: owned } = await get(
        `/overview/entities?owner=${encodeURIComponent(
          'group:default/search',
        )}`,
      );
      expect(owned.items.map((i: { name: string }) => i.name)).toEqual([
        'search-api',
      ]);
      const { body: desc } = await get(
        '/overview/entities?kind=component&sort=name&order=desc&offset=1&limit=2',
      );
      expect(desc.totalItems).toBe(4);
      expect(desc.items.map((i: { name: string }) => i.name)).toEqual([
        'payments-ledger',
        'payments-api',
      ]);
      for (const owner of ['search', 'group:search', 'Group:default/Search']) {
        const { body: short } = await get(
          `/overview/entities?owner=${encodeURIComponent(owner)}`,
        );
        expect({
          owner,
          names: short.items.map((i: { name: string }) => i.name),
        }).toEqual({ owner, names: ['search-api'] });
      }
      const bad = await get('/overview/entities?gap=no-such-gap');
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('gap');
    });

    it('names filter values no entity has, instead of an empty count', async () => {
      const { body: typo } = await get(
        '/overview/coverage?owner=serach&owner=payments&tier=tier-9',
      );
      expect(typo.unknownValues).toEqual({
        owner: ['group:default/serach'],
        tier: ['tier-9'],
      });
      const { body: known } = await get('/overview/coverage?owner=search');
      expect(known.unknownValues).toBeUndefined();
      expect(known.total).toBe(1);
    });

    it('lists who falls short of their tier and why, in sentences', async () => {
      const { body } = await get('/overview/tiers');
      expect(body.defaultTier).toBe('tier-2');
      const [tier1, tier2] = body.tiers;
      expect(tier1).toMatchObject({
        tier: 'tier-1',
        requirements: [
          'a declared escalation path with at least 2 levels',
          'a backup for every specialist role',
        ],
        entities: 1,
      });
      expect(tier1.fallingShort[0].fallsShort).toEqual(
        expect.arrayContaining([
          'Declares no escalation path (the one shown is derived); tier-1 requires one with at least 2 levels.',
          'Nobody holds the SLO guard role; tier-1 requires a primary and a backup for every specialist role.',
        ]),
      );
      expect(tier2).toMatchObject({ tier: 'tier-2', entities: 4 });
      expect(tier2.fallingShort).toEqual([]);
    });

    it('answers who to call, ranked, with the specialist asked for', async () => {
      const { body: byName } = await get(
        '/overview/who-to-call?q=payments-api',
      );
      expect(byName.answers[0]).toMatchObject({
        entityRef: 'component:default/payments-api',
        match: 'name',
      });
      const { body: byRole } = await get(
        `/overview/who-to-call?q=${encodeURIComponent(
          'who is the SLO guard for payments?',
        )}`,
      );
      expect(byRole.role).toBe('slo-guard');
      expect(byRole.scope).toBe('payments');
      const api = byRole.answers.find(
        (a: { entityRef: string }) =>
          a.entityRef === 'component:default/payments-api',
      );
      expect(api.specialist.primary.ref).toBe('user:default/jane-doe');
      expect(api.why).toBe('Its owner is payments.');
      const { body: byPerson } = await get('/overview/who-to-call?q=mei%20lin');
      expect(byPerson.answers.length).toBeGreaterThan(0);
      expect(byPerson.answers[0].match).toBe('person');
      expect(byPerson.answers[0].why).toContain('Mei Lin');
      // Form encoding, as browsers and curl --data-urlencode send a space.
      const formEncoded = await get('/overview/who-to-call?q=mei+lin');
      expect(formEncoded.status).toBe(200);
      expect(formEncoded.body).toEqual(byPerson);
    });

    it("answers a team with who carries the team's own pager now", async () => {
      const hour = 60 * 60 * 1000;
      const stored = await request(backend.server)
        .post('/api/sre-ownership/events')
        .set('Authorization', allowed)
        .send({
          shifts: [
            {
              source: 'api',
              externalId: 'payments-now',
              teamRef: 'group:default/payments',
              userRef: 'user:default/jane-doe',
              startsAt: new Date(Date.now() - hour).toISOString(),
              endsAt: new Date(Date.now() + hour).toISOString(),
            },
          ],
        });
      expect(stored.status).toBe(201);

      const { body } = await get('/overview/who-to-call?q=payments');
      const team = body.answers.find(
        (a: { entityRef: string }) => a.entityRef === 'group:default/payments',
      );
      expect(team.teamOnCall.current).toEqual([
        {
          userRef: 'user:default/jane-doe',
          until: expect.any(String),
        },
      ]);
      const services = body.answers.filter(
        (a: { kind: string }) => a.kind !== 'group',
      );
      expect(services.length).toBeGreaterThan(0);
      expect(services.some((a: object) => 'teamOnCall' in a)).toBe(false);
    });

    it('reports the teams that carry a pager: their burden and specialist gaps', async () => {
      const { body: risk } = await get('/overview/teams-at-risk');
      const payments = risk.teams.find(
        (t: { teamRef: string }) => t.teamRef === 'group:default/payments',
      );
      // Nothing was recorded in the window before: no data, never healthy.
      expect(payments).toMatchObject({
        status: 'healthy',
        previousStatus: 'no-data',
        trend: 'same',
      });
      const { body: gaps } = await get('/overview/specialist-gaps');
      const row = gaps.teams.find(
        (t: { teamRef: string }) => t.teamRef === 'group:default/payments',
      );
      // As the services' cards resolve it: payments-api names its own SLO
      // guard, payments-ledger has none; the System's incident response
      // leaders count for the services in it.
      expect(row.services).toBe(3);
      expect(row.roles['slo-guard']).toMatchObject({
        unfilled: false,
        singlePerson: true,
        primary: { ref: 'user:default/jane-doe' },
        servicesWithout: ['component:default/payments-ledger'],
      });
      expect(row.roles['incident-response-leader']).toMatchObject({
        unfilled: false,
        singlePerson: false,
        primary: { ref: 'user:default/mei-lin' },
        declaredOn: ['system:default/payments-platform'],
      });
      expect(Object.keys(row.roles)).toEqual([
        'educator',
        'slo-guard',
        'infrastructure-architect',
        'incident-response-leader',
      ]);
    });

    it('hides from the tiles, lists and answers what a conditional policy hides', async () => {
      const { body: tiles } = await get('/overview/coverage', restricted);
      expect(tiles.total).toBe(4);
      const { body: all } = await get('/overview/entities', restricted);
      expect(all.items.map((i: { name: string }) => i.name)).not.toContain(
        'search-api',
      );
      const { body: answers } = await get(
        '/overview/who-to-call?q=search-api',
        restricted,
      );
      expect(answers.answers).toEqual([]);
      const { body: mine } = await get('/overview/who-to-call?q=search-api');
      expect(mine.answers[0].entityRef).toBe('component:default/search-api');
    });

    it('shows an edited annotation after the next refresh', async () => {
      const edited = organisation().map(entity =>
        entity.metadata.name === 'search-api'
          ? {
              ...entity,
              metadata: {
                ...entity.metadata,
                annotations: { 'sre-ownership.io/model': 'embedded' },
              },
            }
          : entity,
      );
      await backend.publish(edited);
      const model = await eventually(
        'the edit to reach the index',
        async () => {
          const { body } = await request(backend.server)
            .get(
              '/api/sre-ownership/entities/component/default/search-api/ownership',
            )
            .set('Authorization', allowed);
          return body.model?.value === 'embedded' ? body.model : undefined;
        },
      );
      expect(model.source).toMatchObject({
        entityRef: 'component:default/search-api',
        annotation: 'sre-ownership.io/model',
      });
    });
  },
);
