import {
  Party,
  ResolvedOwnership,
  ResolvedSpecialist,
} from '@sre-ownership/plugin-sre-ownership-common';
import { teamSpecialist } from './teamSpecialists';

const person = (name: string): Party => ({
  ref: `user:default/${name}`,
  kind: 'user',
  displayName: name,
  exists: true,
});

/** An entity's resolution naming only its specialists, each with where it is declared. */
function resolved(
  entityRef: string,
  specialists: Array<Omit<ResolvedSpecialist, 'source'> & { from?: string }>,
): ResolvedOwnership {
  return {
    entityRef,
    inheritedFrom: [{ entityRef, relation: 'self' }],
    reliabilityOwners: [],
    responsibilities: [],
    escalation: {
      derived: true,
      source: { type: 'derived', description: 'none' },
      levels: [],
    },
    problems: [],
    specialists: specialists.map(({ from, ...specialist }) => ({
      ...specialist,
      ...(from
        ? {
            source: {
              type: 'entity' as const,
              entityRef: from,
              annotation: 'sre-ownership.io/slo-guard',
              relation: 'domain' as const,
            },
          }
        : {}),
    })),
  };
}

const payments = resolved('group:default/payments', []);

describe('teamSpecialist', () => {
  it("counts a Domain's specialist for the team whose services inherit it", () => {
    const services = ['payments-api', 'payments-ledger'].map(name =>
      resolved(`component:default/${name}`, [
        {
          role: 'slo-guard',
          primary: person('priya'),
          backups: [person('mei')],
          from: 'domain:default/payments',
        },
      ]),
    );
    expect(teamSpecialist('slo-guard', payments, services)).toEqual({
      primary: person('priya'),
      backups: [person('mei')],
      declaredOn: ['domain:default/payments'],
      servicesWithout: [],
    });
  });

  it('names the services that resolve to nobody, and every holder across the others', () => {
    const services = [
      resolved('component:default/a', [
        {
          role: 'educator',
          primary: person('ana'),
          backups: [],
          from: 'system:default/x',
        },
      ]),
      resolved('component:default/b', [
        {
          role: 'educator',
          primary: person('bo'),
          backups: [],
          from: 'system:default/y',
        },
      ]),
      resolved('component:default/c', []),
    ];
    const cell = teamSpecialist('educator', payments, services);
    expect(cell.primary).toEqual(person('ana'));
    expect(cell.backups).toEqual([person('bo')]);
    expect(cell.declaredOn).toEqual(['system:default/x', 'system:default/y']);
    expect(cell.servicesWithout).toEqual(['component:default/c']);
  });

  it("uses the Group's own roles when it owns no service", () => {
    const team = resolved('group:default/platform-sre', [
      {
        role: 'educator',
        primary: person('lars'),
        backups: [person('diego')],
        from: 'group:default/platform-sre',
      },
    ]);
    expect(teamSpecialist('educator', team, [])).toEqual({
      primary: person('lars'),
      backups: [person('diego')],
      declaredOn: ['group:default/platform-sre'],
      servicesWithout: [],
    });
    expect(teamSpecialist('slo-guard', team, []).primary).toBeUndefined();
  });
});
