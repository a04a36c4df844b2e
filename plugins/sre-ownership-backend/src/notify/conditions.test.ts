import { ResolvedOwnership } from '@sre-ownership/plugin-sre-ownership-common';
import { coverageConditions, entityLink } from './conditions';

const party = (ref: string, exists = true) => ({
  ref,
  kind: ref.startsWith('user:') ? ('user' as const) : ('group' as const),
  displayName: ref.split('/')[1],
  exists,
});

function aService(
  overrides: Partial<ResolvedOwnership> = {},
): ResolvedOwnership {
  return {
    entityRef: 'component:default/payments-api',
    inheritedFrom: [],
    productTeam: party('group:default/payments'),
    reliabilityOwners: [party('group:default/platform-sre')],
    specialists: [],
    responsibilities: [],
    escalation: {
      derived: false,
      source: { type: 'derived', description: '' },
      levels: [
        {
          level: 1,
          afterMinutes: 0,
          type: 'oncall',
          target: party('group:default/payments'),
          onCall: {
            teamRef: 'group:default/payments',
            current: [{ userRef: 'user:default/jane-doe', until: '' }],
          },
        },
      ],
    },
    problems: [],
    ...overrides,
  } as ResolvedOwnership;
}

describe('coverageConditions', () => {
  it('is fine for an owned service with someone on call', () => {
    expect(coverageConditions(aService()).map(c => [c.key, c.level])).toEqual([
      ['coverage:component:default/payments-api:reliability-owner', 0],
      ['coverage:component:default/payments-api:oncall', 0],
    ]);
  });

  it('flags a missing reliability owner (one that does not exist counts as none)', () => {
    const [owner] = coverageConditions(
      aService({ reliabilityOwners: [party('group:default/gone', false)] }),
    );
    expect(owner).toMatchObject({
      level: 1,
      recipients: ['group:default/payments'],
      severity: 'high',
      link: '/catalog/default/component/payments-api',
    });
  });

  it('flags an on-call level with nobody on call, for the team and the owners', () => {
    const service = aService();
    service.escalation.levels[0].onCall!.current = [];
    const oncall = coverageConditions(service)[1];
    expect(oncall).toMatchObject({
      level: 1,
      severity: 'critical',
      recipients: ['group:default/payments', 'group:default/platform-sre'],
    });
  });

  it('has no on-call condition for a service without an on-call level', () => {
    const service = aService();
    service.escalation.levels = [];
    expect(coverageConditions(service)).toHaveLength(1);
  });
});

describe('entityLink', () => {
  it('points at the entity page, kind in lower case', () => {
    expect(entityLink('group:default/data-platform')).toBe(
      '/catalog/default/group/data-platform',
    );
  });
});
