import { Entity } from '@backstage/catalog-model';
import { SRE_OWNERSHIP_ANNOTATIONS as KEYS } from '../annotations';
import { EntityDeclarations, readEntityDeclarations } from '../declarations';
import { EntityLookup, InheritanceLink, walkInheritance } from '../inheritance';
import { ResolvedOwnership, Sourced, ValueSource } from '../resolved';

/** One link of the inheritance chain with what its entity declares. */
export interface Declared {
  link: InheritanceLink;
  declarations: EntityDeclarations;
}

type DeclarationKey = 'model' | 'platformTeam' | 'embeddedSres' | 'escalation';

const ANNOTATION_OF: Record<DeclarationKey, string> = {
  model: KEYS.model,
  platformTeam: KEYS.platformTeam,
  embeddedSres: KEYS.embeddedSres,
  escalation: KEYS.escalation,
};

/** The entity, then everything it inherits from, each with its declarations. */
export function readDeclarationChain(
  entity: Entity,
  lookup: EntityLookup,
): Declared[] {
  return walkInheritance(entity, lookup).links.map(link => ({
    link,
    declarations: readEntityDeclarations(link.entity),
  }));
}

/** Each entity of the chain and how it was reached. */
export function inheritedFrom(
  chain: Declared[],
): ResolvedOwnership['inheritedFrom'] {
  return chain.map(d => ({
    entityRef: d.declarations.entityRef,
    relation: d.link.relation,
  }));
}

/** Where a value declared under an annotation of a chain link came from. */
export function sourceOf(declared: Declared, annotation: string): ValueSource {
  return {
    type: 'entity',
    entityRef: declared.declarations.entityRef,
    annotation,
    relation: declared.link.relation,
  };
}

/** The nearest declaration of a key in the chain, with its source. */
export function nearest<K extends DeclarationKey>(
  chain: Declared[],
  key: K,
): Sourced<NonNullable<EntityDeclarations[K]>> | undefined {
  for (const declared of chain) {
    const value = declared.declarations[key];
    if (value !== undefined) {
      return {
        value: value as NonNullable<EntityDeclarations[K]>,
        source: sourceOf(declared, ANNOTATION_OF[key]),
      };
    }
  }
  return undefined;
}

/** The entity and annotation to blame when a declared ref is missing. */
export function declaredBy(source: ValueSource) {
  return source.type === 'entity'
    ? { entityRef: source.entityRef, annotation: source.annotation }
    : undefined;
}
