import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InheritanceRelation } from './resolved';

/**
 * Finds catalog entities by ref. Returns `undefined` for a ref not looked up
 * yet and `null` for one known not to exist (or not visible to the caller).
 *
 * @public
 */
export type EntityLookup = (ref: string) => Entity | null | undefined;

/**
 * One entity in the inheritance chain.
 *
 * @public
 */
export interface InheritanceLink {
  entity: Entity;
  relation: InheritanceRelation;
}

/**
 * The outcome of walking the inheritance chain: the entities found, nearest
 * first, and the refs that still need looking up to go further.
 *
 * @public
 */
export interface InheritanceWalk {
  links: InheritanceLink[];
  unresolved: string[];
}

function normalizeRef(
  ref: unknown,
  defaultKind: string,
  defaultNamespace: string,
): string | undefined {
  if (typeof ref !== 'string' || !ref) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, { defaultKind, defaultNamespace }),
    );
  } catch {
    return undefined;
  }
}

/**
 * The `spec.owner` of an entity as a normalized ref.
 *
 * @public
 */
export function ownerRefOf(entity: Entity): string | undefined {
  return normalizeRef(
    entity.spec?.owner,
    'Group',
    entity.metadata.namespace ?? 'default',
  );
}

/**
 * The one "owning group" rule: the Group an entity's `spec.owner` names, as
 * a normalized ref; undefined when the owner is a User or absent. Team
 * burden, page routing and inheritance all use it.
 *
 * @public
 */
export function owningGroupRef(entity: Entity): string | undefined {
  const owner = ownerRefOf(entity);
  return owner?.startsWith('group:') ? owner : undefined;
}

/**
 * Walks entity, then its System, then its Domain, then its owning Group and
 * that Group's parents, which is the order in which declarations are
 * inherited.
 *
 * @public
 */
export function walkInheritance(
  target: Entity,
  lookup: EntityLookup,
): InheritanceWalk {
  const links: InheritanceLink[] = [{ entity: target, relation: 'self' }];
  const unresolved: string[] = [];
  const seen = new Set([stringifyEntityRef(target)]);
  const namespace = target.metadata.namespace ?? 'default';
  const kind = target.kind.toLocaleLowerCase('en-US');

  const follow = (
    ref: string | undefined,
    relation: InheritanceRelation,
  ): Entity | undefined => {
    if (!ref || seen.has(ref)) return undefined;
    seen.add(ref);
    const entity = lookup(ref);
    if (entity === undefined) unresolved.push(ref);
    if (!entity) return undefined;
    links.push({ entity, relation });
    return entity;
  };

  if (kind !== 'group') {
    let domainRef: unknown =
      kind === 'system' ? target.spec?.domain : undefined;
    // A relative ref in a spec is relative to the namespace of the entity that holds it.
    let domainNamespace = namespace;
    if (kind !== 'system' && kind !== 'domain') {
      const system = follow(
        normalizeRef(target.spec?.system, 'System', namespace),
        'system',
      );
      domainRef = system?.spec?.domain;
      domainNamespace = system?.metadata.namespace ?? 'default';
    }
    follow(normalizeRef(domainRef, 'Domain', domainNamespace), 'domain');
  }

  let group =
    kind === 'group' ? target : follow(owningGroupRef(target), 'owner');
  while (group) {
    group = follow(
      normalizeRef(
        group.spec?.parent,
        'Group',
        group.metadata.namespace ?? 'default',
      ),
      'parent-group',
    );
  }
  return { links, unresolved };
}
