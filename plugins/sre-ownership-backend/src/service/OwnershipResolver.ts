import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityLookup,
  OwnershipDefaults,
  ResolvedOwnership,
  collectWantedRefs,
  referencedRefs,
  resolveOwnership,
} from '@sre-ownership/plugin-sre-ownership-common';
import { CatalogSkeleton } from './CatalogSkeleton';
import { PrincipalEntityCache } from './PrincipalEntityCache';

const REFS_PER_REQUEST = 500;
// Each round follows one more step of the chain; real chains are short.
const MAX_ROUNDS = 8;

/** One page of resolved ownership. */
export interface OwnershipPage {
  items: ResolvedOwnership[];
  totalItems: number;
  nextCursor?: string;
}

/**
 * Resolves reliability ownership for catalog entities. Every entity it uses
 * is read through the catalog with the caller's credentials, so catalog
 * permissions apply to the entity asked about and to everything it inherits
 * from or names.
 */
export class OwnershipResolver {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      skeleton: CatalogSkeleton;
      defaults: OwnershipDefaults;
      cache?: PrincipalEntityCache;
    },
  ) {
    this.cache = options.cache ?? new PrincipalEntityCache();
  }

  private readonly cache: PrincipalEntityCache;

  async getOwnership(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<ResolvedOwnership> {
    const entityRef = stringifyEntityRef(ref);
    // One catalog request for the entity (always fresh) and whatever of its
    // predicted chain this caller has not read recently.
    const known = this.cache.get(credentials);
    known.delete(entityRef);
    const predicted = await this.predict([entityRef]);
    if (predicted.every(related => known.has(related))) {
      known.set(
        entityRef,
        (await this.options.catalog.getEntityByRef(entityRef, {
          credentials,
        })) ?? null,
      );
    } else {
      await this.fetchInto(known, [entityRef, ...predicted], credentials);
    }
    const entity = known.get(entityRef);
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    const [resolved] = await this.resolveAll([entity], known, credentials);
    return resolved;
  }

  async listOwnership(
    request: { kinds?: string[]; limit: number; cursor?: string },
    credentials: BackstageCredentials,
  ): Promise<OwnershipPage> {
    const page = await this.options.catalog.queryEntities(
      request.cursor
        ? { cursor: request.cursor, limit: request.limit }
        : {
            limit: request.limit,
            ...(request.kinds?.length
              ? { filter: { kind: request.kinds } }
              : {}),
            orderFields: [{ field: 'metadata.name', order: 'asc' }],
          },
      { credentials },
    );
    const known = this.cache.get(credentials);
    for (const item of page.items) known.set(stringifyEntityRef(item), item);
    await this.fetchInto(
      known,
      await this.predict([...known.keys()]),
      credentials,
    );
    return {
      items: await this.resolveAll(page.items, known, credentials),
      totalItems: page.totalItems,
      ...(page.pageInfo.nextCursor
        ? { nextCursor: page.pageInfo.nextCursor }
        : {}),
    };
  }

  /** The refs the outline says these entities will read. */
  private async predict(entityRefs: string[]): Promise<string[]> {
    const outline = await this.options.skeleton.lookup();
    const predicted = new Set<string>();
    for (const entityRef of entityRefs) {
      const entity = outline(entityRef);
      if (!entity) continue;
      for (const ref of referencedRefs({
        entity,
        lookup: outline,
        defaults: this.options.defaults,
      })) {
        predicted.add(ref);
      }
    }
    return [...predicted];
  }

  private async resolveAll(
    entities: Entity[],
    known: Map<string, Entity | null>,
    credentials: BackstageCredentials,
  ): Promise<ResolvedOwnership[]> {
    const lookup: EntityLookup = ref => known.get(ref);
    const { defaults } = this.options;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const wanted = new Set(
        entities.flatMap(entity =>
          collectWantedRefs({ entity, lookup, defaults }),
        ),
      );
      if (wanted.size === 0) break;
      await this.fetchInto(known, [...wanted], credentials);
    }
    this.cache.remember(credentials, known);
    const complete: EntityLookup = ref => known.get(ref) ?? null;
    return entities.map(entity =>
      resolveOwnership({ entity, lookup: complete, defaults }),
    );
  }

  private async fetchInto(
    known: Map<string, Entity | null>,
    refs: string[],
    credentials: BackstageCredentials,
  ): Promise<void> {
    const missing = refs.filter(ref => !known.has(ref));
    const chunks: string[][] = [];
    for (let i = 0; i < missing.length; i += REFS_PER_REQUEST) {
      chunks.push(missing.slice(i, i + REFS_PER_REQUEST));
    }
    await Promise.all(
      chunks.map(async entityRefs => {
        const { items } = await this.options.catalog.getEntitiesByRefs(
          { entityRefs },
          { credentials },
        );
        entityRefs.forEach((ref, index) =>
          known.set(ref, items[index] ?? null),
        );
      }),
    );
  }
}
