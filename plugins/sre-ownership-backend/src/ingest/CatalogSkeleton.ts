import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EntityLookup } from '@sre-ownership/plugin-sre-ownership-common';

const SKELETON_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.annotations',
  'spec.system',
  'spec.domain',
  'spec.owner',
  'spec.parent',
  'spec.profile.displayName',
];

/**
 * A periodically refreshed outline of the whole catalog (kinds, annotations
 * and the fields inheritance follows), read with the plugin's own
 * credentials. It is used only to predict which entities a resolution will
 * read, so that they can be fetched, with the caller's credentials, in one
 * round trip alongside the entity itself. Nothing from it is returned.
 */
export class CatalogSkeleton {
  private entities = new Map<string, Entity>();
  private list: Entity[] = [];
  private loadedAt = 0;
  private loading?: Promise<void>;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      maxAgeMs?: number;
    },
  ) {}

  /**
   * A lookup over the outline. Waits only for the very first load; later a
   * stale outline is refreshed in the background while the old one answers.
   */
  async lookup(): Promise<EntityLookup> {
    const stale =
      Date.now() - this.loadedAt > (this.options.maxAgeMs ?? 30_000);
    if (stale && !this.loading) {
      this.loading = this.load().finally(() => {
        this.loading = undefined;
      });
    }
    if (this.loadedAt === 0 && this.loading) {
      await this.loading;
    }
    const entities = this.entities;
    return ref => entities.get(ref) ?? null;
  }

  /**
   * Every entity of the outline, loading it first if needed. The same array
   * is returned until the outline is refreshed.
   */
  async all(): Promise<Entity[]> {
    await this.lookup();
    return this.list;
  }

  private async load(): Promise<void> {
    try {
      const credentials = await this.options.auth.getOwnServiceCredentials();
      const entities = new Map<string, Entity>();
      for await (const page of this.options.catalog.streamEntities(
        { fields: SKELETON_FIELDS },
        { credentials },
      )) {
        for (const entity of page)
          entities.set(stringifyEntityRef(entity), entity);
      }
      this.entities = entities;
      this.list = [...entities.values()];
      this.loadedAt = Date.now();
    } catch (error) {
      // Without an outline resolution still works, in more round trips.
      this.options.logger.warn(`Could not load the catalog outline: ${error}`);
      this.loadedAt = Date.now();
    }
  }
}
