import { Entity } from '@backstage/catalog-model';
import { SRE_OWNERSHIP_ANNOTATIONS as KEYS } from './annotations';
import { OwnershipModel } from './model';
import { EntityLookup } from './inheritance';
import { OwnershipDefaults, resolveOwnership } from './resolve';
import { InheritanceRelation, Party, ValueSource } from './resolved';
import { ResponsibilityProvider } from './responsibilities';
import {
  CHAIN_REFS,
  ChainLevel,
  SreDeclarations,
  aComponent,
  aGroup,
  aServiceChain,
  aUser,
  lazyCatalog,
  lookupOf,
} from './__testUtils__/fixtures';

const LEVELS: ChainLevel[] = ['self', 'system', 'domain', 'owner', 'parent'];
const RELATION: Record<ChainLevel, InheritanceRelation> = {
  self: 'self',
  system: 'system',
  domain: 'domain',
  owner: 'owner',
  parent: 'parent-group',
};

/** The source of a value declared at `level` of the chain under `annotation`. */
function declaredAt(level: ChainLevel, annotation: string): ValueSource {
  return {
    type: 'entity',
    entityRef: CHAIN_REFS[level],
    annotation,
    relation: RELATION[level],
  };
}

const platformSre = aGroup({
  name: 'platform-sre',
  displayName: 'Platform SRE',
});
const checkoutSre = aGroup({ name: 'checkout-sre' });
const ana = aUser({ name: 'ana', displayName: 'Ana Alves' });
const bo = aUser({ name: 'bo' });
const meiLin = aUser({ name: 'mei-lin', displayName: 'Mei Lin' });
const people = [platformSre, checkoutSre, ana, bo, meiLin];

const PLATFORM_SRE = 'group:default/platform-sre';

/** Resolves `checkout` in a catalog of its chain plus `people` (plus `extra`). */
function resolveChain(
  declarations: Partial<Record<ChainLevel, SreDeclarations>>,
  defaults: OwnershipDefaults = {},
  options: { owner?: string; extra?: Entity[]; without?: string[] } = {},
) {
  const { service, chain } = aServiceChain(declarations, {
    owner: options.owner,
  });
  const catalog = [...chain, ...people, ...(options.extra ?? [])].filter(
    entity => !options.without?.includes(entity.metadata.name),
  );
  return resolveOwnership({
    entity: service,
    lookup: lookupOf(catalog),
    defaults,
  });
}

const refs = (parties: Party[] | undefined) => parties?.map(p => p.ref);

describe('resolveOwnership', () => {
  describe('inheritance order and provenance', () => {
    const MODEL_AT: Record<ChainLevel, OwnershipModel> = {
      self: 'platform',
      system: 'embedded',
      domain: 'hybrid',
      owner: 'self-managed',
      parent: 'embedded',
    };
    const PROVIDER_AT: Record<ChainLevel, ResponsibilityProvider> = {
      self: 'product',
      system: 'platform',
      domain: 'shared',
      owner: 'embedded',
      parent: 'product',
    };
    /** Every level from `nearest` outwards declares every key, each its own value. */
    const declaringFrom = (nearest: number) =>
      Object.fromEntries(
        LEVELS.slice(nearest).map(level => [
          level,
          {
            model: MODEL_AT[level],
            platformTeam: `${level}-platform`,
            embeddedSres: `${level}-sre`,
            incidentResponseLeader: `${level}-leader`,
            responsibilities: `runbooks=${PROVIDER_AT[level]}`,
            escalation: `user:${level}-pager`,
          },
        ]),
      );
    const defaults: OwnershipDefaults = {
      model: 'hybrid',
      platformTeam: 'group:default/config-platform',
      responsibilities: {
        platform: { runbooks: 'embedded' },
        embedded: { runbooks: 'platform' },
        hybrid: { runbooks: 'platform' },
        'self-managed': { runbooks: 'shared' },
      },
    };

    it.each(LEVELS.map((level, index) => [level, index] as const))(
      'takes every key from %s when that is the nearest declaration',
      (level, index) => {
        const resolved = resolveChain(declaringFrom(index), defaults);

        expect(resolved.model).toEqual({
          value: MODEL_AT[level],
          source: declaredAt(level, KEYS.model),
        });
        expect(resolved.platformTeam?.value.ref).toBe(
          `group:default/${level}-platform`,
        );
        expect(resolved.platformTeam?.source).toEqual(
          declaredAt(level, KEYS.platformTeam),
        );
        expect(refs(resolved.embeddedSres?.value)).toEqual([
          `user:default/${level}-sre`,
        ]);
        expect(resolved.embeddedSres?.source).toEqual(
          declaredAt(level, KEYS.embeddedSres),
        );
        const leader = resolved.specialists.find(
          s => s.role === 'incident-response-leader',
        );
        expect(leader?.primary?.ref).toBe(`user:default/${level}-leader`);
        expect(leader?.source).toEqual(
          declaredAt(level, KEYS.incidentResponseLeader),
        );
        expect(
          resolved.responsibilities.find(r => r.area === 'runbooks'),
        ).toMatchObject({
          provider: PROVIDER_AT[level],
          source: declaredAt(level, KEYS.responsibilities),
        });
        expect(resolved.escalation.derived).toBe(false);
        expect(resolved.escalation.source).toEqual(
          declaredAt(level, KEYS.escalation),
        );
        expect(resolved.escalation.levels[0].target.ref).toBe(
          `user:default/${level}-pager`,
        );
      },
    );

    it('falls back to the config defaults when nothing in the chain declares a value', () => {
      const resolved = resolveChain({}, defaults);
      expect(resolved.model).toEqual({
        value: 'hybrid',
        source: { type: 'config', key: 'sreOwnership.defaults.model' },
      });
      expect(resolved.platformTeam).toEqual({
        value: {
          ref: 'group:default/config-platform',
          kind: 'group',
          displayName: 'config-platform',
          exists: false,
        },
        source: { type: 'config', key: 'sreOwnership.defaults.platformTeam' },
      });
      expect(
        resolved.responsibilities.find(r => r.area === 'runbooks'),
      ).toEqual({
        area: 'runbooks',
        provider: 'platform',
        providers: [resolved.platformTeam!.value],
        source: {
          type: 'config',
          key: 'sreOwnership.responsibilities.hybrid.runbooks',
        },
      });
      expect(resolved.embeddedSres).toBeUndefined();
      expect(resolved.escalation.derived).toBe(true);
    });

    it('leaves values unset with neither declarations nor defaults', () => {
      const resolved = resolveChain({});
      expect(resolved).not.toHaveProperty('model');
      expect(resolved).not.toHaveProperty('platformTeam');
      expect(resolved).not.toHaveProperty('embeddedSres');
      expect(resolved.reliabilityOwners).toEqual([]);
      expect(resolved.responsibilities).toEqual([]);
      expect(resolved.problems).toEqual([]);
    });

    it('lists the entities it inherited from, nearest first', () => {
      const resolved = resolveChain({});
      expect(resolved.entityRef).toBe(CHAIN_REFS.self);
      expect(resolved.inheritedFrom).toEqual(
        LEVELS.map(level => ({
          entityRef: CHAIN_REFS[level],
          relation: RELATION[level],
        })),
      );
    });

    it('resolves each key from its own nearest declaration', () => {
      const resolved = resolveChain({
        self: { model: 'embedded' },
        domain: { platformTeam: 'platform-sre', sloGuard: 'ana, bo' },
        parent: { educator: 'bo', embeddedSres: 'mei-lin' },
      });
      expect(resolved.model?.source).toEqual(declaredAt('self', KEYS.model));
      expect(resolved.platformTeam?.source).toEqual(
        declaredAt('domain', KEYS.platformTeam),
      );
      expect(resolved.embeddedSres?.source).toEqual(
        declaredAt('parent', KEYS.embeddedSres),
      );
      const sources = Object.fromEntries(
        resolved.specialists.map(s => [s.role, s.source]),
      );
      expect(sources).toEqual({
        educator: declaredAt('parent', KEYS.educator),
        'slo-guard': declaredAt('domain', KEYS.sloGuard),
        'infrastructure-architect': undefined,
        'incident-response-leader': undefined,
      });
    });

    it('lets a nearer declaration override a conflicting one without reporting a problem', () => {
      const resolved = resolveChain({
        self: { model: 'embedded', embeddedSres: 'mei-lin' },
        system: { model: 'platform', embeddedSres: 'ana, bo' },
      });
      expect(resolved.model?.value).toBe('embedded');
      expect(refs(resolved.embeddedSres?.value)).toEqual([
        'user:default/mei-lin',
      ]);
      expect(resolved.problems).toEqual([]);
    });

    it('inherits past an invalid declaration and reports it against the entity that made it', () => {
      const resolved = resolveChain({
        self: { model: 'centralised', platformTeam: 'user:ana' },
        system: { model: 'platform', platformTeam: 'platform-sre' },
      });
      expect(resolved.model).toEqual({
        value: 'platform',
        source: declaredAt('system', KEYS.model),
      });
      expect(resolved.platformTeam?.source).toEqual(
        declaredAt('system', KEYS.platformTeam),
      );
      expect(
        resolved.problems.map(p => [p.entityRef, p.annotation, p.value]),
      ).toEqual([
        [CHAIN_REFS.self, KEYS.model, 'centralised'],
        [CHAIN_REFS.self, KEYS.platformTeam, 'user:ana'],
      ]);
    });

    it('returns declaration problems of every entity in the chain', () => {
      const resolved = resolveChain({
        domain: { timezone: 'Atlantis/Capital' },
        parent: { email: 'nobody' },
      });
      expect(resolved.problems.map(p => [p.entityRef, p.annotation])).toEqual([
        [CHAIN_REFS.domain, KEYS.timezone],
        [CHAIN_REFS.parent, KEYS.email],
      ]);
    });
  });

  describe('parties', () => {
    it('describes a person from the catalog with their contacts, annotations first', () => {
      const eve = aUser({
        name: 'eve',
        displayName: 'Eve Ng',
        email: 'eve@corp.example',
        picture: 'https://example.com/eve.png',
        sre: {
          email: 'eve-pager@example.com',
          chatChannel: '@eve',
          timezone: 'Asia/Tokyo',
        },
      });
      const resolved = resolveChain(
        { self: { educator: 'eve' } },
        {},
        { extra: [eve] },
      );
      expect(resolved.specialists[0].primary).toEqual({
        ref: 'user:default/eve',
        kind: 'user',
        displayName: 'Eve Ng',
        exists: true,
        email: 'eve-pager@example.com',
        chatChannel: '@eve',
        picture: 'https://example.com/eve.png',
        timezone: 'Asia/Tokyo',
      });
    });

    it('falls back to the profile e-mail, then the title, then the name', () => {
      const titled = aUser({
        name: 'fin',
        title: 'Fin Flores',
        email: 'fin@example.com',
      });
      const resolved = resolveChain(
        { self: { educator: 'fin, bo' } },
        {},
        { extra: [titled] },
      );
      expect(resolved.specialists[0].primary).toEqual({
        ref: 'user:default/fin',
        kind: 'user',
        displayName: 'Fin Flores',
        exists: true,
        email: 'fin@example.com',
      });
      expect(resolved.specialists[0].backups).toEqual([
        {
          ref: 'user:default/bo',
          kind: 'user',
          displayName: 'bo',
          exists: true,
        },
      ]);
    });

    it('describes the owning team as the product team', () => {
      expect(resolveChain({}).productTeam).toEqual({
        ref: CHAIN_REFS.owner,
        kind: 'group',
        displayName: 'Payments',
        exists: true,
      });
    });

    it('marks an owner missing from the catalog as not existing', () => {
      expect(
        resolveChain({}, {}, { without: ['payments'] }).productTeam,
      ).toEqual({
        ref: CHAIN_REFS.owner,
        kind: 'group',
        displayName: 'payments',
        exists: false,
      });
    });

    it('reports each missing ref against the entity and annotation that named it', () => {
      const resolved = resolveChain({
        self: { model: 'hybrid' },
        system: {
          platformTeam: 'ghost-team',
          embeddedSres: 'mei-lin, ops/ghost',
          sloGuard: 'ana, casper',
          escalation: 'user:ana\ngroup:ghost-team after 10m',
        },
      });
      const missing = (ref: string, annotation: string) => ({
        entityRef: CHAIN_REFS.system,
        annotation,
        value: ref,
        severity: 'error',
        message: `${ref} is not in the catalog, or you are not allowed to see it; check the name and namespace`,
      });
      expect(resolved.problems).toEqual([
        missing('group:default/ghost-team', KEYS.platformTeam),
        missing('user:ops/ghost', KEYS.embeddedSres),
        missing('user:default/casper', KEYS.sloGuard),
        missing('group:default/ghost-team', KEYS.escalation),
      ]);
      expect(resolved.platformTeam?.value).toEqual({
        ref: 'group:default/ghost-team',
        kind: 'group',
        displayName: 'ghost-team',
        exists: false,
      });
      expect(
        resolved.embeddedSres?.value.map(p => [p.displayName, p.exists]),
      ).toEqual([
        ['Mei Lin', true],
        ['ops/ghost', false],
      ]);
    });
  });

  describe('reliability owners', () => {
    const declaring = (model: OwnershipModel): SreDeclarations => ({
      model,
      platformTeam: 'platform-sre',
      embeddedSres: 'mei-lin, group:checkout-sre',
    });

    it.each<[OwnershipModel, string[]]>([
      ['platform', [PLATFORM_SRE]],
      ['embedded', ['user:default/mei-lin', 'group:default/checkout-sre']],
      [
        'hybrid',
        [PLATFORM_SRE, 'user:default/mei-lin', 'group:default/checkout-sre'],
      ],
      ['self-managed', [CHAIN_REFS.owner]],
    ])('under the %s model are %j', (model, owners) => {
      expect(
        refs(resolveChain({ self: declaring(model) }).reliabilityOwners),
      ).toEqual(owners);
    });

    it('lists a team once when it is both the platform team and embedded', () => {
      const resolved = resolveChain({
        self: {
          model: 'hybrid',
          platformTeam: 'platform-sre',
          embeddedSres: 'group:platform-sre, mei-lin',
        },
      });
      expect(refs(resolved.reliabilityOwners)).toEqual([
        PLATFORM_SRE,
        'user:default/mei-lin',
      ]);
    });

    it('is nobody when the model is unknown', () => {
      const resolved = resolveChain({
        self: { platformTeam: 'platform-sre', embeddedSres: 'mei-lin' },
      });
      expect(resolved.reliabilityOwners).toEqual([]);
    });
  });

  describe('specialists', () => {
    const specialist = (declarations: SreDeclarations, extra: Entity[] = []) =>
      resolveChain({ self: declarations }, {}, { extra }).specialists;

    it('lists every role in order and marks the undeclared ones unfilled', () => {
      expect(specialist({})).toEqual([
        { role: 'educator', backups: [], gap: 'unfilled' },
        { role: 'slo-guard', backups: [], gap: 'unfilled' },
        { role: 'infrastructure-architect', backups: [], gap: 'unfilled' },
        { role: 'incident-response-leader', backups: [], gap: 'unfilled' },
      ]);
    });

    it('marks a role held by one person a single point of failure', () => {
      const [educator] = specialist({ educator: 'ana' });
      expect(educator).toEqual({
        role: 'educator',
        primary: {
          ref: 'user:default/ana',
          kind: 'user',
          displayName: 'Ana Alves',
          exists: true,
        },
        backups: [],
        source: declaredAt('self', KEYS.educator),
        gap: 'single-point-of-failure',
      });
    });

    it('reports no gap for a role with a primary and a backup', () => {
      const [educator] = specialist({ educator: 'ana, bo' });
      expect(educator.primary?.ref).toBe('user:default/ana');
      expect(refs(educator.backups)).toEqual(['user:default/bo']);
      expect(educator).not.toHaveProperty('gap');
    });

    it('counts a person listed twice once', () => {
      const [educator] = specialist({ educator: 'ana, user:default/ana' });
      expect(educator.backups).toEqual([]);
      expect(educator.gap).toBe('single-point-of-failure');
    });

    it('does not count people missing from the catalog', () => {
      const [educator, sloGuard, architect] = specialist({
        educator: 'ana, ghost',
        sloGuard: 'ghost, bo',
        infrastructureArchitect: 'ghost, phantom',
      });
      expect(educator.gap).toBe('single-point-of-failure');
      expect(sloGuard.gap).toBe('single-point-of-failure');
      expect(sloGuard.primary).toMatchObject({
        ref: 'user:default/ghost',
        exists: false,
      });
      expect(architect.gap).toBe('unfilled');
      expect(architect.primary?.exists).toBe(false);
    });
  });

  describe('responsibilities', () => {
    const hybridTeams: SreDeclarations = {
      model: 'hybrid',
      platformTeam: 'platform-sre',
      embeddedSres: 'mei-lin',
    };

    it('uses the built-in matrix of the model, with who provides each area', () => {
      const resolved = resolveChain({ self: hybridTeams });
      expect(
        resolved.responsibilities.map(r => [
          r.area,
          r.provider,
          refs(r.providers),
        ]),
      ).toEqual([
        ['monitoring', 'platform', [PLATFORM_SRE]],
        ['deployment-pipelines', 'platform', [PLATFORM_SRE]],
        ['incident-tooling', 'platform', [PLATFORM_SRE]],
        ['slo-definition', 'embedded', ['user:default/mei-lin']],
        ['on-call', 'embedded', ['user:default/mei-lin']],
        ['capacity', 'shared', [PLATFORM_SRE, 'user:default/mei-lin']],
        ['postmortems', 'shared', [PLATFORM_SRE, 'user:default/mei-lin']],
        ['runbooks', 'embedded', ['user:default/mei-lin']],
      ]);
      expect(resolved.responsibilities[0].source).toEqual({
        type: 'default',
        description: 'built-in hybrid matrix',
      });
    });

    it.each<[OwnershipModel, ResponsibilityProvider, string[]]>([
      ['platform', 'platform', [PLATFORM_SRE]],
      ['embedded', 'embedded', ['user:default/mei-lin']],
      ['self-managed', 'product', [CHAIN_REFS.owner]],
    ])(
      'gives every area to one provider under the %s model',
      (model, provider, providers) => {
        const resolved = resolveChain({ self: { ...hybridTeams, model } });
        expect(resolved.responsibilities).toHaveLength(8);
        for (const cell of resolved.responsibilities) {
          expect(cell.provider).toBe(provider);
          expect(refs(cell.providers)).toEqual(providers);
        }
      },
    );

    it('takes each cell from the entity chain, then config, then the built-in matrix', () => {
      const resolved = resolveChain(
        {
          self: { ...hybridTeams, responsibilities: 'runbooks=product' },
          system: { responsibilities: 'runbooks=platform, capacity=embedded' },
        },
        {
          responsibilities: {
            hybrid: {
              runbooks: 'shared',
              capacity: 'product',
              postmortems: 'product',
            },
            platform: { monitoring: 'product' },
          },
        },
      );
      const cell = (area: string) =>
        resolved.responsibilities.find(r => r.area === area)!;
      expect(cell('runbooks')).toEqual({
        area: 'runbooks',
        provider: 'product',
        providers: [resolved.productTeam],
        source: declaredAt('self', KEYS.responsibilities),
      });
      expect(cell('capacity')).toMatchObject({
        provider: 'embedded',
        source: declaredAt('system', KEYS.responsibilities),
      });
      expect(cell('postmortems')).toMatchObject({
        provider: 'product',
        source: {
          type: 'config',
          key: 'sreOwnership.responsibilities.hybrid.postmortems',
        },
      });
      expect(cell('monitoring')).toMatchObject({
        provider: 'platform',
        source: { type: 'default', description: 'built-in hybrid matrix' },
      });
    });

    it('names no provider for an area whose provider is not declared', () => {
      const resolved = resolveChain({ self: { model: 'embedded' } });
      expect(resolved.responsibilities[0]).toMatchObject({
        area: 'monitoring',
        provider: 'embedded',
        providers: [],
      });
    });

    it('is empty while the model is unknown, even with declared cells', () => {
      const resolved = resolveChain({
        self: { responsibilities: 'runbooks=product' },
      });
      expect(resolved.responsibilities).toEqual([]);
    });
  });
});

/**
 * The refs resolution asks `lookup` about that it does not know yet: how the
 * backend finds what to read from the catalog next.
 */
function collectWantedRefs(options: {
  entity: Entity;
  lookup: EntityLookup;
  defaults: OwnershipDefaults;
}): string[] {
  const wanted = new Set<string>();
  resolveOwnership({
    ...options,
    lookup: ref => {
      const found = options.lookup(ref);
      if (found === undefined) wanted.add(ref);
      return found;
    },
  });
  return [...wanted];
}

describe('resolveOwnership asks its lookup about every ref it needs', () => {
  const eve = aUser({ name: 'eve' });
  const { service, chain } = aServiceChain({
    self: { educator: 'ana', escalation: 'user:eve\nuser:ghost after 5m' },
    system: { embeddedSres: 'mei-lin' },
    domain: { sloGuard: 'bo' },
    owner: { platformTeam: 'platform-sre' },
    parent: { incidentResponseLeader: 'eve' },
  });
  const catalog = [...chain, ...people, eve];
  const defaults: OwnershipDefaults = {
    platformTeam: 'group:default/config-platform',
  };

  it('first asks for the System, the owner, the default platform team and the refs the entity names', () => {
    const lazy = lazyCatalog(catalog);
    expect(
      collectWantedRefs({
        entity: service,
        lookup: lazy.lookup,
        defaults,
      }).sort(),
    ).toEqual(
      [
        CHAIN_REFS.system,
        CHAIN_REFS.owner,
        'group:default/config-platform',
        'user:default/ana',
        'user:default/eve',
        'user:default/ghost',
      ].sort(),
    );
  });

  it('converges over repeated calls, never asking twice, and then resolves as with the whole catalog', () => {
    const lazy = lazyCatalog(catalog);
    for (let round = 0; round < 10; round++) {
      const wanted = collectWantedRefs({
        entity: service,
        lookup: lazy.lookup,
        defaults,
      });
      if (wanted.length === 0) break;
      lazy.fetch(wanted);
    }
    expect(lazy.fetchedRefs.map(batch => [...batch].sort())).toEqual([
      [
        'group:default/config-platform',
        CHAIN_REFS.owner,
        CHAIN_REFS.system,
        'user:default/ana',
        'user:default/eve',
        'user:default/ghost',
      ],
      [
        CHAIN_REFS.domain,
        CHAIN_REFS.parent,
        PLATFORM_SRE,
        'user:default/mei-lin',
      ],
      ['user:default/bo'],
    ]);
    expect(
      resolveOwnership({ entity: service, lookup: lazy.lookup, defaults }),
    ).toEqual(
      resolveOwnership({
        entity: service,
        lookup: lookupOf(catalog),
        defaults,
      }),
    );
  });

  it('does not ask again for refs known not to exist', () => {
    const lazy = lazyCatalog([]);
    lazy.fetch(
      collectWantedRefs({ entity: service, lookup: lazy.lookup, defaults }),
    );
    expect(
      collectWantedRefs({ entity: service, lookup: lazy.lookup, defaults }),
    ).toEqual([]);
  });

  it('does not ask for the targets of an escalation path it will not use', () => {
    const broken = aComponent({
      sre: { escalation: 'user:ana\nuser:bo after 0m' },
    });
    expect(
      collectWantedRefs({
        entity: broken,
        lookup: lazyCatalog([]).lookup,
        defaults: {},
      }),
    ).toEqual([]);
  });

  it('asks for nothing once everything is known', () => {
    expect(
      collectWantedRefs({
        entity: service,
        lookup: lookupOf(catalog),
        defaults,
      }),
    ).toEqual([]);
  });
});

describe('resolveOwnership names why an owner gives no on-call', () => {
  it('names an owner Group that is not in the catalog', () => {
    const resolved = resolveOwnership({
      entity: aComponent({ owner: 'group:ghosts' }),
      lookup: lookupOf([]),
      defaults: {},
    });
    expect(resolved.problems).toEqual([
      {
        entityRef: 'component:default/checkout',
        annotation: 'spec.owner',
        value: 'group:default/ghosts',
        message: expect.stringContaining('is not in the catalog'),
        severity: 'error',
      },
    ]);
  });

  it('says that a User owner gives no on-call, and what to do', () => {
    const resolved = resolveOwnership({
      entity: aComponent({ owner: 'user:ana' }),
      lookup: lookupOf([ana]),
      defaults: {},
    });
    expect(resolved.problems).toEqual([
      expect.objectContaining({
        annotation: 'spec.owner',
        value: 'user:default/ana',
        message: expect.stringMatching(
          /derived from a Group.*set spec\.owner to the team's Group/,
        ),
        severity: 'warning',
      }),
    ]);
  });
});
