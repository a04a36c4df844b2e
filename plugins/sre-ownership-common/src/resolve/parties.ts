import { Entity } from '@backstage/catalog-model';
import { readEntityDeclarations } from '../declarations';
import { EntityLookup } from '../inheritance';
import { OwnershipProblem } from '../problems';
import { Party } from '../resolved';

/** A Party for a ref found in the catalog, with its profile and contacts. */
export function partyFromEntity(
  ref: string,
  kind: Party['kind'],
  entity: Entity,
): Party {
  const profile = (entity.spec?.profile ?? {}) as {
    displayName?: string;
    email?: string;
    picture?: string;
  };
  const declarations = readEntityDeclarations(entity);
  const party: Party = {
    ref,
    kind,
    displayName:
      profile.displayName ?? entity.metadata.title ?? entity.metadata.name,
    exists: true,
  };
  const email = declarations.contacts.email ?? profile.email;
  if (email) party.email = email;
  if (declarations.contacts.chatChannel)
    party.chatChannel = declarations.contacts.chatChannel;
  if (profile.picture) party.picture = profile.picture;
  if (declarations.timezone) party.timezone = declarations.timezone;
  return party;
}

/** Looks up the people and teams named while resolving, collecting problems. */
export class PartyDirectory {
  readonly problems: OwnershipProblem[] = [];

  constructor(private readonly lookup: EntityLookup) {}

  /** Turns a ref into a Party; reports a missing entity against the declaring key. */
  party(
    ref: string,
    declarer?: { entityRef: string; annotation: string },
  ): Party {
    const entity = this.lookup(ref);
    const kind = ref.startsWith('group:') ? 'group' : 'user';
    if (!entity) {
      if (declarer) {
        this.problems.push({
          ...declarer,
          value: ref,
          message: `${ref} is not in the catalog, or you are not allowed to see it; check the name and namespace`,
          severity: 'error',
        });
      }
      return {
        ref,
        kind,
        displayName: ref.replace(/^[a-z]+:(default\/)?/, ''),
        exists: false,
      };
    }
    return partyFromEntity(ref, kind, entity);
  }
}

/** The parties in order, each once, skipping those not named. */
export function uniqueParties(parties: Array<Party | undefined>): Party[] {
  const byRef = new Map<string, Party>();
  for (const party of parties)
    if (party && !byRef.has(party.ref)) byRef.set(party.ref, party);
  return [...byRef.values()];
}
