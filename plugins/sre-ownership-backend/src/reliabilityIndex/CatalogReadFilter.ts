import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { principalKey } from '../catalog/PrincipalEntityCache';
import { indexKey } from './DatabaseReliabilityIndexStore';
import { INDEXED_KINDS, PROBE_PAGE_SIZE } from './ReliabilityIndexer';

/**
 * Which indexed entities one caller may read in the catalog: all of them
 * (the policy allows catalog reads unconditionally for this caller), or the
 * listed ones (a conditional decision, applied by the catalog itself).
 */
export type ReadableEntities =
  | { all: true }
  | { all: false; refs: Set<string>; denied?: boolean };

interface Entry {
  expiresAt: number;
  readable: Promise<ReadableEntities>;
}

const MAX_CALLERS = 1_000;

/**
 * Decides what a caller may see of the index. The catalog read permission
 * is asked once per caller per `ttlMs`; an unconditional allow is the fast
 * path, and a conditional one is resolved by listing, with the caller's own
 * credentials, the entity refs the catalog lets them read.
 */
export class CatalogReadFilter {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly options: {
      permissions: PermissionsService;
      catalog: CatalogService;
      ttlMs: number;
    },
  ) {}

  forCaller(credentials: BackstageCredentials): Promise<ReadableEntities> {
    const key = principalKey(credentials);
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > Date.now()) return entry.readable;
    if (this.entries.size >= MAX_CALLERS) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    const readable = this.decide(credentials);
    this.entries.set(key, {
      expiresAt: Date.now() + this.options.ttlMs,
      readable,
    });
    // A failed decision is not remembered.
    readable.catch(() => this.entries.delete(key));
    return readable;
  }

  private async decide(
    credentials: BackstageCredentials,
  ): Promise<ReadableEntities> {
    const [decision] = await this.options.permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) return { all: true };
    const refs = new Set<string>();
    if (decision.result === AuthorizeResult.DENY) {
      return { all: false, refs, denied: true };
    }
    for await (const page of this.options.catalog.streamEntities(
      {
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
        filter: { kind: INDEXED_KINDS },
        pageSize: PROBE_PAGE_SIZE,
      },
      { credentials },
    )) {
      for (const entity of page) refs.add(indexKey(stringifyEntityRef(entity)));
    }
    return { all: false, refs };
  }
}

/** Whether the caller may read this entity. */
export function canRead(
  readable: ReadableEntities,
  entityRef: string,
): boolean {
  return readable.all || readable.refs.has(indexKey(entityRef));
}
