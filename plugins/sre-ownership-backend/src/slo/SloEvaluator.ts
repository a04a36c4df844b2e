import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  SRE_OWNERSHIP_ANNOTATIONS,
  SloDeclarations,
  SloListItem,
  sloListItem,
} from '@sre-ownership/plugin-sre-ownership-common';
import { SloService } from './SloService';
import { SloStatusStore } from './SloStatusStore';

/**
 * `@backstage/catalog-client`'s CATALOG_FILTER_EXISTS: the catalog matches
 * a key that is present, whatever its value (a registered symbol, so the
 * same one without depending on that package).
 */
const FILTER_EXISTS = Symbol.for(
  'CATALOG_FILTER_EXISTS_0e15b590c0b343a2bae3e787e84c2111',
);

/** Entities measured at once: each asks Prometheus 18 queries per SLO. */
const CONCURRENCY = 4;
/** A file's declarations are read again after this long, or when the entity changes. */
const DECLARATIONS_TTL_MS = 15 * 60_000;

/** What one evaluation measured, for whoever acts on it (the burn notifications). */
export interface SloEvaluationRun {
  evaluatedAt: Date;
  items: SloListItem[];
}

/**
 * Measures every SLO the catalog declares and stores the latest status of
 * each: the catalog-wide SLO views and the burn notifications read the
 * store, so Prometheus is asked once per SLO per evaluation, however many
 * people look.
 */
export class SloEvaluator {
  private readonly declarations = new Map<
    string,
    { etag?: string; expiresAt: number; value: SloDeclarations }
  >();

  constructor(
    private readonly options: {
      auth: AuthService;
      catalog: CatalogService;
      slos: SloService;
      store: SloStatusStore;
      logger: LoggerService;
      /** Called after each evaluation is stored. */
      onEvaluated?: (run: SloEvaluationRun) => Promise<void>;
      now?: () => Date;
    },
  ) {}

  async run(signal?: AbortSignal): Promise<SloEvaluationRun | undefined> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const entities = await this.declaringEntities(credentials);
    const items: SloListItem[] = [];
    const queue = [...entities];
    const worker = async () => {
      for (let entity = queue.shift(); entity; entity = queue.shift()) {
        if (signal?.aborted) return;
        items.push(...(await this.measure(entity, signal)));
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    if (signal?.aborted) return undefined;
    const evaluatedAt = this.options.now?.() ?? new Date();
    await this.options.store.replaceAll(items, evaluatedAt);
    const run = { evaluatedAt, items };
    try {
      await this.options.onEvaluated?.(run);
    } catch (error) {
      this.options.logger.warn(`Acting on the SLO evaluation failed: ${error}`);
    }
    return run;
  }

  private async measure(
    entity: Entity,
    signal?: AbortSignal,
  ): Promise<SloListItem[]> {
    const entityRef = stringifyEntityRef(entity);
    try {
      const declarations = await this.declarationsOf(entity, signal);
      const measured = await this.options.slos.measureEntity(
        entity,
        declarations,
      );
      return measured.slos.map(status =>
        sloListItem(
          entityRef,
          status,
          measured.evaluatedAt,
          entity.metadata.title,
        ),
      );
    } catch (error) {
      this.options.logger.warn(
        `Could not evaluate the SLOs of ${entityRef}: ${error}`,
      );
      return [];
    }
  }

  private async declarationsOf(
    entity: Entity,
    signal?: AbortSignal,
  ): Promise<SloDeclarations> {
    const key = stringifyEntityRef(entity);
    const now = Date.now();
    const cached = this.declarations.get(key);
    if (
      cached &&
      cached.expiresAt > now &&
      cached.etag === entity.metadata.etag
    ) {
      return cached.value;
    }
    const value = await this.options.slos.readDeclarations(entity, signal);
    this.declarations.set(key, {
      etag: entity.metadata.etag,
      expiresAt: now + DECLARATIONS_TTL_MS,
      value,
    });
    return value;
  }

  private async declaringEntities(
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    const annotation = (key: string) => ({
      [`metadata.annotations.${key}`]: FILTER_EXISTS,
    });
    const entities: Entity[] = [];
    for await (const page of this.options.catalog.streamEntities(
      {
        filter: [
          annotation(SRE_OWNERSHIP_ANNOTATIONS.slos),
          annotation(SRE_OWNERSHIP_ANNOTATIONS.sloFile),
        ],
        fields: ['kind', 'metadata', 'spec.owner', 'spec.system'],
      },
      { credentials },
    )) {
      entities.push(...page);
    }
    const seen = new Set(entities.map(e => stringifyEntityRef(e)));
    for (const key of this.declarations.keys()) {
      if (!seen.has(key)) this.declarations.delete(key);
    }
    return entities;
  }
}
