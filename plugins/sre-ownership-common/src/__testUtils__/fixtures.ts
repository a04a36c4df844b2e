import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { SRE_OWNERSHIP_ANNOTATIONS } from '../annotations';
import { EntityLookup } from '../inheritance';

/**
 * The `sre-ownership.io/` keys by their short names, so a test can write
 * `sre({ model: 'hybrid' })` instead of spelling the annotation.
 */
export type SreDeclarations = Partial<
  Record<keyof typeof SRE_OWNERSHIP_ANNOTATIONS, string>
>;

/** Turns short-named declarations into `sre-ownership.io/` annotations. */
export function sre(declarations: SreDeclarations): Record<string, string> {
  return Object.fromEntries(
    Object.entries(declarations).map(([key, value]) => [
      SRE_OWNERSHIP_ANNOTATIONS[key as keyof typeof SRE_OWNERSHIP_ANNOTATIONS],
      value as string,
    ]),
  );
}

interface EntityOptions {
  name?: string;
  namespace?: string;
  title?: string;
  /** Raw annotations, merged with `sre`. */
  annotations?: Record<string, string>;
  /** Short-named `sre-ownership.io/` declarations. */
  sre?: SreDeclarations;
}

function anEntity(
  kind: string,
  defaultName: string,
  options: EntityOptions,
  spec: NonNullable<Entity['spec']>,
): Entity {
  const annotations = {
    ...options.annotations,
    ...sre(options.sre ?? {}),
  };
  // Leave out unset fields, as a catalog-info.yaml would.
  const definedSpec: Entity['spec'] = Object.fromEntries(
    Object.entries(spec).filter(([, value]) => value !== undefined),
  );
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name: options.name ?? defaultName,
      ...(options.namespace ? { namespace: options.namespace } : {}),
      ...(options.title ? { title: options.title } : {}),
      ...(Object.keys(annotations).length ? { annotations } : {}),
    },
    spec: definedSpec,
  };
}

/** A Component (a service by default). */
export function aComponent(
  options: EntityOptions & { system?: string; owner?: string } = {},
): Entity {
  return anEntity('Component', 'checkout', options, {
    type: 'service',
    lifecycle: 'production',
    owner: options.owner,
    system: options.system,
  });
}

/** A System. */
export function aSystem(
  options: EntityOptions & { domain?: string; owner?: string } = {},
): Entity {
  return anEntity('System', 'shop', options, {
    owner: options.owner,
    domain: options.domain,
  });
}

/** A Domain. */
export function aDomain(
  options: EntityOptions & { owner?: string } = {},
): Entity {
  return anEntity('Domain', 'commerce', options, { owner: options.owner });
}

/** A Group (a team by default). */
export function aGroup(
  options: EntityOptions & {
    parent?: string;
    displayName?: string;
    email?: string;
    picture?: string;
  } = {},
): Entity {
  const profile = Object.fromEntries(
    Object.entries({
      displayName: options.displayName,
      email: options.email,
      picture: options.picture,
    }).filter(([, value]) => value !== undefined),
  );
  return anEntity('Group', 'payments', options, {
    type: 'team',
    children: [],
    parent: options.parent,
    ...(Object.keys(profile).length ? { profile } : {}),
  });
}

/** A User. */
export function aUser(
  options: EntityOptions & {
    displayName?: string;
    email?: string;
    picture?: string;
  } = {},
): Entity {
  const profile = Object.fromEntries(
    Object.entries({
      displayName: options.displayName,
      email: options.email,
      picture: options.picture,
    }).filter(([, value]) => value !== undefined),
  );
  return anEntity('User', 'jane', options, {
    memberOf: [],
    ...(Object.keys(profile).length ? { profile } : {}),
  });
}

/** The catalog ref of an entity, e.g. `group:default/payments`. */
export const refOf = (entity: Entity) => stringifyEntityRef(entity);

/** A lookup over a fixed catalog: every ref not in it does not exist (null). */
export function lookupOf(entities: Entity[]): EntityLookup {
  const byRef = new Map(entities.map(entity => [refOf(entity), entity]));
  return ref => byRef.get(ref) ?? null;
}

/**
 * A lookup that starts knowing nothing (undefined for every ref) and learns
 * refs as `fetch` is called, the way a caller batches catalog requests.
 */
export function lazyCatalog(entities: Entity[]) {
  const catalog = lookupOf(entities);
  const fetched = new Map<string, Entity | null>();
  const fetchedRefs: string[][] = [];
  return {
    lookup: ((ref: string) =>
      fetched.has(ref) ? fetched.get(ref) : undefined) as EntityLookup,
    fetch(refs: string[]) {
      fetchedRefs.push(refs);
      for (const ref of refs) fetched.set(ref, catalog(ref) ?? null);
    },
    /** Every batch passed to `fetch`, in order. */
    fetchedRefs,
  };
}

/** The levels of the inheritance chain of {@link aServiceChain}. */
export type ChainLevel = 'self' | 'system' | 'domain' | 'owner' | 'parent';

/** Refs of the entities {@link aServiceChain} builds. */
export const CHAIN_REFS: Record<ChainLevel, string> = {
  self: 'component:default/checkout',
  system: 'system:default/shop',
  domain: 'domain:default/commerce',
  owner: 'group:default/payments',
  parent: 'group:default/engineering',
};

/**
 * A service `checkout` in System `shop` (Domain `commerce`), owned by the
 * Group `payments` whose parent is `engineering`, each declaring what is
 * given for its level.
 */
export function aServiceChain(
  declarations: Partial<Record<ChainLevel, SreDeclarations>> = {},
  options: { owner?: string } = {},
) {
  const service = aComponent({
    name: 'checkout',
    system: 'shop',
    owner: options.owner ?? 'payments',
    sre: declarations.self,
  });
  return {
    service,
    chain: [
      service,
      aSystem({ name: 'shop', domain: 'commerce', sre: declarations.system }),
      aDomain({ name: 'commerce', sre: declarations.domain }),
      aGroup({
        name: 'payments',
        parent: 'engineering',
        displayName: 'Payments',
        sre: declarations.owner,
      }),
      aGroup({ name: 'engineering', sre: declarations.parent }),
    ],
  };
}
