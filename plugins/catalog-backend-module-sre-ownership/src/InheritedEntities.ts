import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  EntityLookup,
  OwnershipDefaults,
  unknownOwnershipRefs,
} from '@sre-ownership/plugin-sre-ownership-common';

/**
 * How the module reads entities from the catalog: by refs, in one request,
 * `undefined` where the catalog holds no such entity.
 *
 * @public
 */
export type ReadEntitiesByRefs = (
  refs: string[],
) => Promise<Array<Entity | undefined>>;

const DEFAULT_TTL_MS = 60_000;
const DEFAULT_MAX_ENTRIES = 10_000;

/**
 * The entities that resolving one entity's ownership reads (its System,
 * Domain, owner Group and that Group's parents, and the teams and people an
 * escalation path is derived from), read from the catalog the way the
 * backend's resolver reads them, and kept for a short time: processing a System's components one
 * after another then reads the System once, not once per component. A change
 * to a System reaches its components' relations within the time to live plus
 * the catalog's processing interval.
 */
export class InheritedEntities {
  private readonly entries = new Map<
    string,
    { entity: Entity | null; expiresAt: number }
  >();

  constructor(
    private readonly options: {
      read: ReadEntitiesByRefs;
      defaults: OwnershipDefaults;
      ttlMs?: number;
      maxEntries?: number;
      now?: () => number;
    },
  ) {}

  /**
   * A lookup that knows every entity resolving `entity` consults; `null` for
   * a ref the catalog does not hold.
   */
  async lookupFor(entity: Entity): Promise<EntityLookup> {
    const known = new Map<string, Entity | null>([
      [stringifyEntityRef(entity), entity],
    ]);
    const lookup: EntityLookup = ref => known.get(ref);
    // Each round reads one more step of the chain (System, then Domain and
    // owner Group, then parent Groups); a round with nothing new ends it.
    for (;;) {
      const wanted = unknownOwnershipRefs({
        entity,
        lookup,
        defaults: this.options.defaults,
      });
      if (wanted.length === 0) break;
      for (const [ref, found] of await this.read(wanted)) {
        known.set(ref, found);
      }
    }
    return ref => known.get(ref) ?? null;
  }

  private async read(refs: string[]): Promise<Map<string, Entity | null>> {
    const now = this.now();
    const found = new Map<string, Entity | null>();
    const missing: string[] = [];
    for (const ref of refs) {
      const entry = this.entries.get(ref);
      if (entry && entry.expiresAt > now) found.set(ref, entry.entity);
      else missing.push(ref);
    }
    if (missing.length === 0) return found;
    const entities = await this.options.read(missing);
    const maxEntries = this.options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    if (this.entries.size + missing.length > maxEntries) this.entries.clear();
    const expiresAt = now + (this.options.ttlMs ?? DEFAULT_TTL_MS);
    missing.forEach((ref, index) => {
      const entity = entities[index] ?? null;
      found.set(ref, entity);
      this.entries.set(ref, { entity, expiresAt });
    });
    return found;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }
}
