import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { EntityLookup } from './inheritance';
import { ResolvedOwnership } from './resolved';
import { inheritedFrom, nearest, readDeclarationChain } from './resolve/chain';
import { configSourced, OwnershipDefaults } from './resolve/defaults';
import { resolveEscalation } from './resolve/escalation';
import { PartyDirectory } from './resolve/parties';
import {
  providersFor,
  reliabilityOwnersOf,
  resolveResponsibilities,
} from './resolve/responsibilities';
import { resolveSpecialists } from './resolve/specialists';
import { resolveTeams } from './resolve/teams';

export type { OwnershipDefaults } from './resolve/defaults';
export { DEFAULT_DERIVED_ESCALATION_STEP_MINUTES } from './resolve/defaults';
export { readOwnershipDefaults } from './resolve/configDefaults';
export type { OwnershipConfigReader } from './resolve/configDefaults';

/**
 * Resolves who owns reliability for an entity, walking entity, System,
 * Domain, owner Group and its parents, then the org defaults. Every value
 * records where it came from; every problem found on the way is returned.
 * Pure: all entities come through `lookup`.
 *
 * @public
 */
export function resolveOwnership(options: {
  entity: Entity;
  lookup: EntityLookup;
  defaults: OwnershipDefaults;
}): ResolvedOwnership {
  const { entity, lookup, defaults } = options;
  const chain = readDeclarationChain(entity, lookup);
  const directory = new PartyDirectory(lookup);

  const model =
    nearest(chain, 'model') ??
    configSourced(defaults.model, 'sreOwnership.defaults.model');
  const teams = resolveTeams(entity, chain, defaults, directory);
  const { platformTeam, embeddedSres, productTeam } = teams;
  const providersOf = providersFor(teams);
  const reliabilityOwners = reliabilityOwnersOf(model?.value, providersOf);

  const specialists = resolveSpecialists(chain, directory);
  const escalation = resolveEscalation({
    chain,
    directory,
    model: model?.value,
    teams,
    specialists,
    defaults,
  });

  return {
    entityRef: stringifyEntityRef(entity),
    inheritedFrom: inheritedFrom(chain),
    ...(model ? { model } : {}),
    ...(platformTeam ? { platformTeam } : {}),
    ...(embeddedSres ? { embeddedSres } : {}),
    ...(productTeam ? { productTeam } : {}),
    reliabilityOwners,
    specialists,
    responsibilities: resolveResponsibilities(
      model?.value,
      chain,
      defaults,
      providersOf,
    ),
    escalation,
    problems: [
      ...chain.flatMap(d => d.declarations.problems),
      ...directory.problems,
    ],
  };
}

/**
 * Every ref that resolving the entity's ownership asks `lookup` about and
 * that `lookup` does not know yet (answers `undefined` for). Reading those
 * and asking again, until none is left, gathers all that
 * {@link resolveOwnership} needs, one step of the inheritance chain per
 * round.
 *
 * @public
 */
export function unknownOwnershipRefs(options: {
  entity: Entity;
  lookup: EntityLookup;
  defaults: OwnershipDefaults;
}): string[] {
  const unknown = new Set<string>();
  resolveOwnership({
    ...options,
    lookup: ref => {
      const found = options.lookup(ref);
      if (found === undefined) unknown.add(ref);
      return found;
    },
  });
  return [...unknown];
}
