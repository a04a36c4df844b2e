import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ownerRefOf } from '../inheritance';
import { Party, Sourced } from '../resolved';
import { Declared, declaredBy, nearest } from './chain';
import { configSourced, OwnershipDefaults } from './defaults';
import { PartyDirectory } from './parties';

/** The teams and people an entity's reliability can fall to. */
export interface ResponsibleTeams {
  platformTeam?: Sourced<Party>;
  embeddedSres?: Sourced<Party[]>;
  productTeam?: Party;
}

/**
 * The nearest declared (or configured) platform team and embedded SREs, and
 * the entity's owner as its product team.
 */
export function resolveTeams(
  entity: Entity,
  chain: Declared[],
  defaults: OwnershipDefaults,
  directory: PartyDirectory,
): ResponsibleTeams {
  const platformTeamRef =
    nearest(chain, 'platformTeam') ??
    configSourced(defaults.platformTeam, 'sreOwnership.defaults.platformTeam');
  const platformTeam = platformTeamRef && {
    value: directory.party(
      platformTeamRef.value,
      declaredBy(platformTeamRef.source),
    ),
    source: platformTeamRef.source,
  };
  const embeddedRefs = nearest(chain, 'embeddedSres');
  const embeddedSres = embeddedRefs && {
    value: embeddedRefs.value.map(ref =>
      directory.party(ref, declaredBy(embeddedRefs.source)),
    ),
    source: embeddedRefs.source,
  };
  const ownerRef = ownerRefOf(entity);
  // The owner is the team on-call and burden are derived from: a missing
  // one is named on the entity's own route and card, not only in the overview.
  const owner = {
    entityRef: stringifyEntityRef(entity),
    annotation: 'spec.owner',
  };
  const productTeam = ownerRef ? directory.party(ownerRef, owner) : undefined;
  if (ownerRef && productTeam?.exists && productTeam.kind === 'user') {
    directory.problems.push({
      ...owner,
      value: ownerRef,
      message:
        "the owner is a User, and on-call, escalation and burden are derived from a Group (its members and shifts): set spec.owner to the team's Group, or declare sre-ownership.io/escalation",
      severity: 'warning',
    });
  }
  return { platformTeam, embeddedSres, productTeam };
}
