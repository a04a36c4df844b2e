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
  OnCallNow,
  OwnershipDefaults,
  onCallForEntity,
  ResolvedOwnership,
  resolveOwnership,
  unknownOwnershipRefs,
} from '@sre-ownership/plugin-sre-ownership-common';
import {
  IndexedOwnership,
  OwnershipPage,
} from '../reliabilityIndex/IndexedOwnership';
import { OnCallNowReader } from '../oncall/OnCallNowReader';
import { PrincipalEntityCache } from '../catalog/PrincipalEntityCache';

export type { OwnershipPage } from '../reliabilityIndex/IndexedOwnership';

const REFS_PER_REQUEST = 500;

/** The refs an indexed resolution consulted: a prediction of what a live one reads. */
function consulted(resolved: ResolvedOwnership | undefined): string[] {
  if (!resolved) return [];
  return [
    ...resolved.inheritedFrom.map(link => link.entityRef),
    ...resolved.reliabilityOwners.map(p => p.ref),
    ...(resolved.productTeam ? [resolved.productTeam.ref] : []),
    ...(resolved.platformTeam ? [resolved.platformTeam.value.ref] : []),
    ...(resolved.embeddedSres?.value ?? []).map(p => p.ref),
    ...resolved.specialists.flatMap(s =>
      [s.primary, ...s.backups].flatMap(p => (p ? [p.ref] : [])),
    ),
    ...resolved.escalation.levels.map(level => level.target.ref),
  ];
}

/**
 * Resolves reliability ownership for catalog entities, with who is on call
 * now at each `oncall` level, so that the routes, the cards and the actions
 * get one answer.
 *
 * A caller whose catalog read policy is an unconditional allow is answered
 * from the reliability index. Anyone else is resolved live: every entity it
 * uses is read through the catalog with the caller's credentials, so the
 * catalog's permission decisions apply to the entity and to everything it
 * inherits from or names. The index's record of what the entity consulted
 * predicts those reads, so they usually take one catalog request; a caller's
 * recent reads are reused for `PrincipalEntityCache`'s time to live.
 */
export class OwnershipResolver {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      defaults: OwnershipDefaults;
      cache: PrincipalEntityCache;
      onCall: OnCallNowReader;
      index?: IndexedOwnership;
    },
  ) {}

  async getOwnership(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<ResolvedOwnership> {
    const entityRef = stringifyEntityRef(ref);
    const indexed = await this.options.index?.get(entityRef, credentials);
    if (indexed) return this.options.onCall.addTo(indexed);
    return this.options.onCall.addTo(
      await this.resolveLive(entityRef, credentials),
    );
  }

  /**
   * Who is on call for the entity: the rotations its escalation path pages,
   * with who carries each pager now (`onCallForEntity` in -common). The one
   * answer the cards, the search, the actions and the notifications give.
   */
  async onCallFor(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<OnCallNow[]> {
    return onCallForEntity(await this.getOwnership(ref, credentials));
  }

  /** Resolved ownership without who is on call now, one page at a time. */
  async listOwnership(
    request: { kinds?: string[]; limit: number; cursor?: string },
    credentials: BackstageCredentials,
  ): Promise<OwnershipPage> {
    if (!request.cursor || IndexedOwnership.ownsCursor(request.cursor)) {
      const indexed = await this.options.index?.page(request, credentials);
      if (indexed) return indexed;
    }
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
    const known = this.options.cache.get(credentials);
    for (const item of page.items) known.set(stringifyEntityRef(item), item);
    await this.complete(page.items, known, credentials);
    const lookup: EntityLookup = entityRef => known.get(entityRef) ?? null;
    return {
      items: page.items.map(entity =>
        resolveOwnership({ entity, lookup, defaults: this.options.defaults }),
      ),
      totalItems: page.totalItems,
      ...(page.pageInfo.nextCursor
        ? { nextCursor: page.pageInfo.nextCursor }
        : {}),
    };
  }

  /**
   * {@link OwnershipResolver.listOwnership}'s page as a UTF-8 JSON
   * document; from the index it is assembled from the stored bytes, which
   * is what makes the bulk route fast.
   */
  async listOwnershipJson(
    request: { kinds?: string[]; limit: number; cursor?: string },
    credentials: BackstageCredentials,
  ): Promise<Buffer | string> {
    if (!request.cursor || IndexedOwnership.ownsCursor(request.cursor)) {
      const indexed = await this.options.index?.pageJson(request, credentials);
      if (indexed) return indexed;
    }
    return JSON.stringify(await this.listOwnership(request, credentials));
  }

  private async resolveLive(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<ResolvedOwnership> {
    const known = this.options.cache.get(credentials);
    // The entity itself is always read fresh.
    known.delete(entityRef);
    const predicted = consulted(
      await this.options.index?.peek(entityRef),
    ).filter(ref => !known.has(ref));
    await this.fetchInto(known, [entityRef, ...predicted], credentials);
    const entity = known.get(entityRef);
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    await this.complete([entity], known, credentials);
    return resolveOwnership({
      entity,
      lookup: ref => known.get(ref) ?? null,
      defaults: this.options.defaults,
    });
  }

  /** Reads, with the caller's credentials, everything the entities' resolution needs. */
  private async complete(
    entities: Entity[],
    known: Map<string, Entity | null>,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const lookup: EntityLookup = ref => known.get(ref);
    // Each round reads one more step of the inheritance chain; a round that
    // finds nothing new ends it.
    for (;;) {
      const wanted = new Set(
        entities.flatMap(entity =>
          unknownOwnershipRefs({
            entity,
            lookup,
            defaults: this.options.defaults,
          }),
        ),
      );
      if (wanted.size === 0) break;
      await this.fetchInto(known, [...wanted], credentials);
    }
    this.options.cache.remember(credentials, known);
  }

  private async fetchInto(
    known: Map<string, Entity | null>,
    refs: string[],
    credentials: BackstageCredentials,
  ): Promise<void> {
    const missing = [...new Set(refs)].filter(ref => !known.has(ref));
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
