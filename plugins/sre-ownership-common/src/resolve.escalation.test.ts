import { Entity } from '@backstage/catalog-model';
import { SRE_OWNERSHIP_ANNOTATIONS as KEYS } from './annotations';
import { OwnershipModel } from './model';
import { OwnershipDefaults, resolveOwnership } from './resolve';
import { ResolvedEscalationPath } from './resolved';
import {
  CHAIN_REFS,
  ChainLevel,
  SreDeclarations,
  aComponent,
  aGroup,
  aServiceChain,
  aUser,
  lookupOf,
} from './__testUtils__/fixtures';

const platformSre = aGroup({
  name: 'platform-sre',
  displayName: 'Platform SRE',
});
const eve = aUser({ name: 'eve', displayName: 'Eve Ng' });
const ana = aUser({ name: 'ana' });

const PLATFORM = {
  ref: 'group:default/platform-sre',
  kind: 'group',
  displayName: 'Platform SRE',
  exists: true,
};
const PAYMENTS = {
  ref: CHAIN_REFS.owner,
  kind: 'group',
  displayName: 'Payments',
  exists: true,
};
const EVE = {
  ref: 'user:default/eve',
  kind: 'user',
  displayName: 'Eve Ng',
  exists: true,
};
const ANA = {
  ref: 'user:default/ana',
  kind: 'user',
  displayName: 'ana',
  exists: true,
};

/** The org names its platform SRE team in config. */
const ORG_DEFAULTS: OwnershipDefaults = {
  platformTeam: 'group:default/platform-sre',
};

function escalationOf(
  declarations: Partial<Record<ChainLevel, SreDeclarations>>,
  options: {
    defaults?: OwnershipDefaults;
    owner?: string;
    without?: string[];
  } = {},
): ResolvedEscalationPath & { problems: unknown[] } {
  const { service, chain } = aServiceChain(declarations, {
    owner: options.owner,
  });
  const catalog: Entity[] = [...chain, platformSre, eve, ana].filter(
    entity => !options.without?.includes(entity.metadata.name),
  );
  const resolved = resolveOwnership({
    entity: service,
    lookup: lookupOf(catalog),
    defaults: options.defaults ?? ORG_DEFAULTS,
  });
  return { ...resolved.escalation, problems: resolved.problems };
}

const derivedFrom = (model: string, steps: string, minutes = 15) =>
  `No escalation path is declared for this entity or anything it inherits from; derived from the ${model} model: ${steps}, ${minutes} minutes apart.`;

describe('resolveOwnership escalation', () => {
  describe('declared', () => {
    it('pages each declared level at its delay, with who is behind it', () => {
      const path = escalationOf({
        self: {
          escalation:
            'oncall:payments\nuser:eve after 10m\ngroup:platform-sre after 1h',
        },
      });
      expect(path).toEqual({
        derived: false,
        source: {
          type: 'entity',
          entityRef: CHAIN_REFS.self,
          annotation: KEYS.escalation,
          relation: 'self',
        },
        levels: [
          { level: 1, afterMinutes: 0, type: 'oncall', target: PAYMENTS },
          { level: 2, afterMinutes: 10, type: 'user', target: EVE },
          { level: 3, afterMinutes: 60, type: 'group', target: PLATFORM },
        ],
        problems: [],
      });
    });

    it('inherits the path from a parent Group', () => {
      const path = escalationOf({
        parent: { escalation: 'user:ana' },
      });
      expect(path.derived).toBe(false);
      expect(path.source).toEqual({
        type: 'entity',
        entityRef: CHAIN_REFS.parent,
        annotation: KEYS.escalation,
        relation: 'parent-group',
      });
      expect(path.levels).toEqual([
        { level: 1, afterMinutes: 0, type: 'user', target: ANA },
      ]);
    });

    it('keeps a level whose target is missing, marked as not existing, and reports it', () => {
      const path = escalationOf({
        system: { escalation: 'user:eve\nuser:ghost after 5m' },
      });
      expect(path.levels[1]).toEqual({
        level: 2,
        afterMinutes: 5,
        type: 'user',
        target: {
          ref: 'user:default/ghost',
          kind: 'user',
          displayName: 'ghost',
          exists: false,
        },
      });
      expect(path.problems).toEqual([
        expect.objectContaining({
          entityRef: CHAIN_REFS.system,
          annotation: KEYS.escalation,
          value: 'user:default/ghost',
        }),
      ]);
    });

    it('uses the inherited path when the nearest one is broken, and reports the break', () => {
      const path = escalationOf({
        self: { escalation: 'user:eve after 10m\nuser:ana after 5m' },
        domain: { escalation: 'user:ana\nuser:eve after 20m' },
      });
      expect(path.source).toMatchObject({ entityRef: CHAIN_REFS.domain });
      expect(path.levels.map(l => [l.target.ref, l.afterMinutes])).toEqual([
        ['user:default/ana', 0],
        ['user:default/eve', 20],
      ]);
      expect(path.problems).toEqual([
        expect.objectContaining({
          entityRef: CHAIN_REFS.self,
          annotation: KEYS.escalation,
          value: 'user:ana after 5m',
        }),
      ]);
    });

    it('derives a path when every declared path is broken', () => {
      const path = escalationOf({
        self: { model: 'self-managed', escalation: 'payments after 5m' },
      });
      expect(path.derived).toBe(true);
      expect(path.levels.map(l => l.target.ref)).toEqual([CHAIN_REFS.owner]);
    });
  });

  describe('derived', () => {
    const leadBy = (
      model?: OwnershipModel,
    ): Partial<Record<ChainLevel, SreDeclarations>> => ({
      ...(model ? { self: { model } } : {}),
      owner: { incidentResponseLeader: 'eve' },
    });

    it('pages the platform on-call, then the incident response leader, under the platform model', () => {
      expect(escalationOf(leadBy('platform'))).toEqual({
        derived: true,
        source: {
          type: 'derived',
          description: derivedFrom(
            'platform',
            'platform on-call, then incident response leader',
          ),
        },
        levels: [
          { level: 1, afterMinutes: 0, type: 'oncall', target: PLATFORM },
          { level: 2, afterMinutes: 15, type: 'user', target: EVE },
        ],
        problems: [],
      });
    });

    it.each<OwnershipModel>(['hybrid', 'embedded'])(
      'pages the owner team on-call, then the platform on-call, then the incident response leader, under the %s model',
      model => {
        const path = escalationOf(leadBy(model));
        expect(path.levels).toEqual([
          { level: 1, afterMinutes: 0, type: 'oncall', target: PAYMENTS },
          { level: 2, afterMinutes: 15, type: 'oncall', target: PLATFORM },
          { level: 3, afterMinutes: 30, type: 'user', target: EVE },
        ]);
        expect(path.source).toEqual({
          type: 'derived',
          description: derivedFrom(
            model,
            'embedded on-call, then platform on-call, then incident response leader',
          ),
        });
      },
    );

    it('pages the owner team on-call, then the incident response leader, under the self-managed model', () => {
      const path = escalationOf(leadBy('self-managed'));
      expect(path.levels).toEqual([
        { level: 1, afterMinutes: 0, type: 'oncall', target: PAYMENTS },
        { level: 2, afterMinutes: 15, type: 'user', target: EVE },
      ]);
      expect(path.source).toEqual({
        type: 'derived',
        description: derivedFrom(
          'self-managed',
          'team on-call, then incident response leader',
        ),
      });
    });

    it('treats an unknown model like self-managed', () => {
      const path = escalationOf(leadBy(undefined));
      expect(path.levels.map(l => [l.type, l.target.ref])).toEqual([
        ['oncall', CHAIN_REFS.owner],
        ['user', 'user:default/eve'],
      ]);
    });

    it('spaces the levels by the configured step', () => {
      const path = escalationOf(leadBy('hybrid'), {
        defaults: { ...ORG_DEFAULTS, derivedEscalationStepMinutes: 5 },
      });
      expect(path.levels.map(l => l.afterMinutes)).toEqual([0, 5, 10]);
      expect(path.source).toMatchObject({
        description: expect.stringContaining(', 5 minutes apart.'),
      });
    });

    it('skips a platform team missing from the catalog', () => {
      const path = escalationOf(leadBy('hybrid'), {
        without: ['platform-sre'],
      });
      expect(path.levels).toEqual([
        { level: 1, afterMinutes: 0, type: 'oncall', target: PAYMENTS },
        { level: 2, afterMinutes: 15, type: 'user', target: EVE },
      ]);
      expect(path.source).toEqual({
        type: 'derived',
        description: derivedFrom(
          'hybrid',
          'embedded on-call, then incident response leader',
        ),
      });
    });

    it('skips an incident response leader who is not in the catalog', () => {
      const path = escalationOf(leadBy('platform'), { without: ['eve'] });
      expect(path.levels.map(l => l.target.ref)).toEqual([
        'group:default/platform-sre',
      ]);
    });

    it('has no user level when no one leads incidents', () => {
      const path = escalationOf({ self: { model: 'platform' } });
      expect(path.levels).toEqual([
        { level: 1, afterMinutes: 0, type: 'oncall', target: PLATFORM },
      ]);
    });

    it('does not page the on-call rotation of an owner who is a person', () => {
      const path = escalationOf(
        {
          self: { model: 'self-managed' },
          system: { incidentResponseLeader: 'eve' },
        },
        { owner: 'user:ana' },
      );
      expect(path.levels).toEqual([
        { level: 1, afterMinutes: 0, type: 'user', target: EVE },
      ]);
    });

    it('pages a team that is both owner and platform team once, and says so', () => {
      const path = escalationOf(leadBy('hybrid'), {
        defaults: { platformTeam: CHAIN_REFS.owner },
      });
      expect(path.levels).toEqual([
        { level: 1, afterMinutes: 0, type: 'oncall', target: PAYMENTS },
        { level: 2, afterMinutes: 15, type: 'user', target: EVE },
      ]);
      expect(path.source).toEqual({
        type: 'derived',
        description: derivedFrom(
          'hybrid',
          'embedded on-call, then incident response leader',
        ),
      });
    });

    it('is empty, and says why, when no team or leader exists, naming the missing owner', () => {
      const path = escalationOf(
        { self: { model: 'hybrid' } },
        { defaults: {}, without: ['payments'] },
      );
      expect(path).toEqual({
        derived: true,
        source: {
          type: 'derived',
          description:
            'No escalation path is declared, and there is no team or incident response leader to derive one from.',
        },
        levels: [],
        problems: [
          expect.objectContaining({
            annotation: 'spec.owner',
            value: CHAIN_REFS.owner,
            message: expect.stringContaining('is not in the catalog'),
            severity: 'error',
          }),
        ],
      });
    });

    it('is empty for an entity with no owner, model or leader', () => {
      const resolved = resolveOwnership({
        entity: aComponent(),
        lookup: lookupOf([]),
        defaults: {},
      });
      expect(resolved.escalation.derived).toBe(true);
      expect(resolved.escalation.levels).toEqual([]);
    });
  });

  describe('broken', () => {
    it('says a path declared but unusable is broken, with the error, not undeclared', () => {
      const path = escalationOf({
        self: { escalation: 'oncall:payments\nuser:eve after soon' },
      });
      expect(path.derived).toBe(true);
      expect(path.broken).toMatchObject({
        entityRef: CHAIN_REFS.self,
        annotation: KEYS.escalation,
        severity: 'error',
      });
      expect(path.broken?.message).toMatch(/soon/);
      expect(path.source).toEqual({
        type: 'derived',
        description: expect.stringMatching(
          new RegExp(
            `^The escalation path declared on ${CHAIN_REFS.self} is broken and ignored; derived from`,
          ),
        ),
      });
      expect(path.problems).toContainEqual(path.broken);
    });

    it('names a broken declaration nearer than the inherited path it falls back to', () => {
      const path = escalationOf({
        self: { escalation: 'user:eve after soon' },
        system: { escalation: 'user:ana' },
      });
      expect(path.derived).toBe(false);
      expect(path.levels.map(level => level.target)).toEqual([ANA]);
      expect(path.broken?.entityRef).toBe(CHAIN_REFS.self);
    });

    it('has no broken declaration when the nearest one is usable', () => {
      const path = escalationOf({
        self: { escalation: 'user:eve' },
        system: { escalation: 'user:ana after soon' },
      });
      expect(path.broken).toBeUndefined();
    });
  });
});
