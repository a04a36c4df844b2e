import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { SRE_OWNERSHIP_ANNOTATIONS } from './annotations';
import { splitList } from './declarations/reader';

function refOrUndefined(raw: string, namespace: string): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(raw, { defaultKind: 'user', defaultNamespace: namespace }),
    );
  } catch {
    return undefined;
  }
}

/**
 * The managers a Group names in `sre-ownership.io/managers`, as full entity
 * refs (kind defaults to User, namespace to the Group's). A malformed item
 * names nobody.
 *
 * @public
 */
export function teamManagerRefs(group: Entity): string[] {
  const namespace = group.metadata.namespace ?? 'default';
  return splitList(
    group.metadata.annotations?.[SRE_OWNERSHIP_ANNOTATIONS.managers],
  )
    .map(raw => refOrUndefined(raw, namespace))
    .filter((ref): ref is string => ref !== undefined);
}

const normalise = (refs: string[]) =>
  new Set(refs.map(ref => ref.toLocaleLowerCase('en-US')));

/**
 * Whether a caller with these claims (their user ref and ownership refs, as
 * a sign-in resolver sets them) is a member of the Group: the Group itself
 * is among the claims, or the Group lists one of them as a direct member.
 *
 * @public
 */
export function isMemberOfTeam(group: Entity, claims: string[]): boolean {
  const mine = normalise(claims);
  if (mine.has(stringifyEntityRef(group).toLocaleLowerCase('en-US')))
    return true;
  return (group.relations ?? []).some(
    relation =>
      relation.type === 'hasMember' &&
      mine.has(relation.targetRef.toLocaleLowerCase('en-US')),
  );
}

/**
 * Whether a caller with these claims manages the Group: one of the claims
 * is named in its `sre-ownership.io/managers` annotation (a User, or a Group
 * the caller belongs to).
 *
 * @public
 */
export function isManagerOfTeam(group: Entity, claims: string[]): boolean {
  const mine = normalise(claims);
  return teamManagerRefs(group).some(ref =>
    mine.has(ref.toLocaleLowerCase('en-US')),
  );
}
