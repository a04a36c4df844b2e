import { Entity } from '@backstage/catalog-model';
import { hasSreOwnershipAnnotations } from '@sre-ownership/plugin-sre-ownership-common';

/**
 * Whether the SRE Ownership cards have something to show for an entity; use it
 * with `EntitySwitch` in a legacy app.
 *
 * @public
 */
export function isSreOwnershipAvailable(entity: Entity): boolean {
  return hasSreOwnershipAnnotations(entity.metadata.annotations);
}
