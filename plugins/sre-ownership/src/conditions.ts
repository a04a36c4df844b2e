import { Entity } from '@backstage/catalog-model';
import {
  SRE_OWNERSHIP_ENTITY_KINDS,
  hasSreOwnershipAnnotations,
} from '@sre-ownership/plugin-sre-ownership-common';

/**
 * The entity kinds whose reliability can be owned, lower case. The ownership,
 * escalation and on-call health cards and the Reliability tab belong on these
 * pages in both frontend systems. Defined once in the -common package, which
 * the catalog module reads too.
 *
 * @public
 */
export { SRE_OWNERSHIP_ENTITY_KINDS };

/**
 * Whether the SRE Ownership cards belong on an entity's page: true for every
 * Component, API, Resource and System, declared or not. An undeclared entity
 * may inherit its ownership from its System, Domain or owning Group, and one
 * that inherits nothing shows the annotations to add. This is the default of
 * the new frontend system's cards too; use it with `EntitySwitch` in a legacy
 * app.
 *
 * @public
 */
export function isSreOwnershipApplicable(entity: Entity): boolean {
  return SRE_OWNERSHIP_ENTITY_KINDS.includes(
    entity.kind.toLocaleLowerCase('en-US'),
  );
}

/**
 * Whether the entity itself carries `sre-ownership.io/` annotations. Stricter
 * than {@link isSreOwnershipApplicable}: it hides the cards on entities that
 * inherit their ownership from a System, Domain or Group. Use it only where
 * the cards should show on declared entities alone.
 *
 * @public
 */
export function isSreOwnershipAvailable(entity: Entity): boolean {
  return hasSreOwnershipAnnotations(entity.metadata.annotations);
}
