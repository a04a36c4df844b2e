import {
  DEFAULT_RESPONSIBILITY_MATRICES,
  OwnershipProblem,
  Party,
  RESPONSIBILITY_AREAS,
  ResolvedEscalationLevel,
  ResolvedOwnership,
  ResolvedResponsibility,
  ResolvedSpecialist,
  SPECIALIST_ROLES,
} from '@sre-ownership/plugin-sre-ownership-common';

/** The entity the fixtures resolve, matching `anEntity()`. */
export const ENTITY_REF = 'component:default/payments-api';

/** A person or team that exists in the catalog, named after its ref. */
export function aParty(ref: string, overrides: Partial<Party> = {}): Party {
  return {
    ref,
    kind: ref.startsWith('group:') ? 'group' : 'user',
    displayName: ref.replace(/^[a-z]+:(default\/)?/, ''),
    exists: true,
    ...overrides,
  };
}

/** A specialist role; unfilled unless holders are given. */
export function aSpecialist(
  overrides: Partial<ResolvedSpecialist> & Pick<ResolvedSpecialist, 'role'>,
): ResolvedSpecialist {
  return { backups: [], gap: 'unfilled', ...overrides };
}

/** An escalation level paged after the given minutes. */
export function anEscalationLevel(
  level: number,
  target: Party,
  overrides: Partial<ResolvedEscalationLevel> = {},
): ResolvedEscalationLevel {
  return {
    level,
    afterMinutes: 0,
    type: target.kind,
    target,
    ...overrides,
  };
}

/** A declaration problem on the fixture entity. */
export function aProblem(
  overrides: Partial<OwnershipProblem> = {},
): OwnershipProblem {
  return {
    entityRef: ENTITY_REF,
    annotation: 'sre-ownership.io/model',
    value: 'embeded',
    message:
      'unknown ownership model "embeded"; use one of platform, embedded, hybrid, self-managed',
    severity: 'error',
    ...overrides,
  };
}

/**
 * The built-in hybrid matrix with `platform` providing platform areas and
 * `embedded` the service areas; shared areas list both.
 */
export function aHybridMatrix(
  platform: Party,
  embedded: Party[],
): ResolvedResponsibility[] {
  const matrix = DEFAULT_RESPONSIBILITY_MATRICES.hybrid;
  return RESPONSIBILITY_AREAS.map(area => {
    const provider = matrix[area];
    const providers = {
      platform: [platform],
      embedded,
      product: [],
      shared: [platform, ...embedded],
    }[provider];
    return {
      area,
      provider,
      providers,
      source: { type: 'default', description: 'built-in hybrid matrix' },
    };
  });
}

/**
 * Resolved ownership of `component:default/payments-api`. By default nothing
 * is declared anywhere: no model, every specialist role unfilled and no
 * escalation level. Tests add what they are about.
 */
export function aResolvedOwnership(
  overrides: Partial<ResolvedOwnership> = {},
): ResolvedOwnership {
  return {
    entityRef: ENTITY_REF,
    inheritedFrom: [{ entityRef: ENTITY_REF, relation: 'self' }],
    productTeam: aParty('group:default/payments'),
    reliabilityOwners: [],
    specialists: SPECIALIST_ROLES.map(role => aSpecialist({ role })),
    responsibilities: [],
    escalation: {
      derived: true,
      source: {
        type: 'derived',
        description:
          'No escalation path is declared, and there is no team or incident response leader to derive one from.',
      },
      levels: [],
    },
    problems: [],
    ...overrides,
  };
}
