import {
  Party,
  ResolvedOwnership,
  SpecialistRole,
} from '@sre-ownership/plugin-sre-ownership-common';

/** Who holds one specialist role for a team, and where that comes from. */
export interface TeamSpecialist {
  primary?: Party;
  backups: Party[];
  /** Where the holders are declared (a Domain, a System, the Group…). */
  declaredOn: string[];
  /** The team's services that resolve to nobody in the role. */
  servicesWithout: string[];
}

function holdersOf(resolved: ResolvedOwnership, role: SpecialistRole) {
  const specialist = resolved.specialists.find(s => s.role === role);
  const source =
    specialist?.source?.type === 'entity'
      ? specialist.source.entityRef
      : undefined;
  return {
    primary: specialist?.primary,
    backups: specialist?.backups ?? [],
    source,
  };
}

/**
 * Who holds a specialist role for a team, by the same inheritance as the
 * entity cards: the role as the team's services resolve it (their own
 * declaration, else their System's, their Domain's, their owning Group's
 * and its parents'), so that a Domain's SLO guard counts for the team whose
 * services are in it. A team without services has the role its Group
 * resolves. Different holders across the services are all listed: the
 * primary most services name first, everyone else as a backup.
 */
export function teamSpecialist(
  role: SpecialistRole,
  team: ResolvedOwnership | undefined,
  services: ResolvedOwnership[],
): TeamSpecialist {
  const own = team ? [team] : [];
  const sources = services.length ? services : own;
  const resolved = sources.map(source => ({
    entityRef: source.entityRef,
    ...holdersOf(source, role),
  }));
  const primaries = new Map<string, { party: Party; count: number }>();
  for (const { primary } of resolved) {
    if (!primary) continue;
    const seen = primaries.get(primary.ref);
    primaries.set(primary.ref, {
      party: primary,
      count: (seen?.count ?? 0) + 1,
    });
  }
  const primary = [...primaries.values()].sort(
    (a, b) => b.count - a.count || a.party.ref.localeCompare(b.party.ref),
  )[0]?.party;
  const backups: Party[] = [];
  const seen = new Set<string>(primary ? [primary.ref] : []);
  for (const holders of resolved) {
    for (const party of [holders.primary, ...holders.backups]) {
      if (!party || seen.has(party.ref)) continue;
      seen.add(party.ref);
      backups.push(party);
    }
  }
  // A primary a service names as its own backup too is kept as one: that
  // is a gap to show. Primary for one service, backup for another is not.
  if (
    primary &&
    resolved.some(
      h =>
        h.primary?.ref === primary.ref &&
        h.backups.some(backup => backup.ref === primary.ref),
    )
  ) {
    backups.push(primary);
  }
  const held = resolved.filter(h => h.primary || h.backups.length);
  return {
    ...(primary ? { primary } : {}),
    backups: [...backups.values()],
    declaredOn: [
      ...new Set(held.flatMap(h => (h.source ? [h.source] : []))),
    ].sort(),
    servicesWithout: services.length
      ? resolved
          .filter(h => !h.primary && h.backups.length === 0)
          .map(h => h.entityRef)
      : [],
  };
}
