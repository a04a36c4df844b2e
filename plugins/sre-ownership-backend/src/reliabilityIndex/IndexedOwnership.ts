import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { ResolvedOwnership } from '@sre-ownership/plugin-sre-ownership-common';
import { CatalogReadFilter } from './CatalogReadFilter';
import { ReliabilityIndexStore } from './ReliabilityIndexStore';

const CURSOR_PREFIX = 'ix.';
const COMMA = Buffer.from(',');

/** One page of resolved ownership. */
export interface OwnershipPage {
  items: ResolvedOwnership[];
  totalItems: number;
  nextCursor?: string;
}

function encodeCursor(cursor: { after: string; kinds: string[] }): string {
  return `${CURSOR_PREFIX}${Buffer.from(JSON.stringify(cursor)).toString(
    'base64url',
  )}`;
}

function decodeCursor(cursor: string): { after: string; kinds: string[] } {
  try {
    const decoded = JSON.parse(
      Buffer.from(cursor.slice(CURSOR_PREFIX.length), 'base64url').toString(),
    );
    if (typeof decoded.after === 'string' && Array.isArray(decoded.kinds)) {
      return decoded;
    }
  } catch {
    // Reported below.
  }
  throw new InputError('cursor: is not one this API returned');
}

interface StoredPage {
  items: Buffer[];
  totalItems: number;
  nextCursor?: string;
}

/**
 * Resolved ownership served from the reliability index, for callers whose
 * catalog read policy is an unconditional allow (they may read every entity
 * the resolution consulted). For anyone else it answers `undefined` and the
 * caller resolves live through the catalog with their own credentials.
 */
export class IndexedOwnership {
  constructor(
    private readonly options: {
      store: ReliabilityIndexStore;
      readable: CatalogReadFilter;
    },
  ) {}

  /** Whether a cursor was issued by {@link IndexedOwnership.page}. */
  static ownsCursor(cursor: string | undefined): boolean {
    return !!cursor?.startsWith(CURSOR_PREFIX);
  }

  async get(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<ResolvedOwnership | undefined> {
    if (!(await this.options.readable.forCaller(credentials)).all) {
      return undefined;
    }
    return (await this.options.store.resolved([entityRef])).get(
      entityRef.toLocaleLowerCase('en-US'),
    );
  }

  /**
   * The indexed ownership whoever asks: only to predict which entities a live
   * resolution will read, never to answer a caller.
   */
  async peek(entityRef: string): Promise<ResolvedOwnership | undefined> {
    return (await this.options.store.resolved([entityRef])).get(
      entityRef.toLocaleLowerCase('en-US'),
    );
  }

  async page(
    request: { kinds?: string[]; limit: number; cursor?: string },
    credentials: BackstageCredentials,
  ): Promise<OwnershipPage | undefined> {
    const stored = await this.storedPage(request, credentials);
    if (!stored) return undefined;
    const { items, ...rest } = stored;
    return {
      items: items.map(item => JSON.parse(item.toString('utf8'))),
      ...rest,
    };
  }

  /**
   * The same page as {@link IndexedOwnership.page}, already serialised: the
   * index stores each resolution as JSON, so a bulk reader's response is
   * assembled from the stored bytes without parsing and re-serialising
   * thousands of resolutions.
   */
  async pageJson(
    request: { kinds?: string[]; limit: number; cursor?: string },
    credentials: BackstageCredentials,
  ): Promise<Buffer | undefined> {
    const stored = await this.storedPage(request, credentials);
    if (!stored) return undefined;
    const { items, ...rest } = stored;
    const tail = JSON.stringify(rest).slice(1);
    const parts: Buffer[] = [Buffer.from('{"items":[')];
    items.forEach((item, i) => {
      if (i > 0) parts.push(COMMA);
      parts.push(item);
    });
    parts.push(Buffer.from(tail === '}' ? ']}' : `],${tail}`));
    return Buffer.concat(parts);
  }

  /**
   * A page of the index for this caller, or undefined when the index cannot
   * answer them (not built yet, or a conditional catalog read policy): then
   * they are answered live.
   */
  private async storedPage(
    request: { kinds?: string[]; limit: number; cursor?: string },
    credentials: BackstageCredentials,
  ): Promise<StoredPage | undefined> {
    const readable = await this.options.readable.forCaller(credentials);
    if (
      !readable.all ||
      (await this.options.store.generation()).generation === 0
    ) {
      if (request.cursor) {
        throw new InputError('cursor: has expired; start again without one');
      }
      return undefined;
    }
    const { store } = this.options;
    const position = request.cursor
      ? decodeCursor(request.cursor)
      : {
          after: '',
          kinds: (request.kinds ?? []).map(k => k.toLocaleLowerCase('en-US')),
        };
    const [page, totalItems] = await Promise.all([
      store.pageResolved({
        kinds: position.kinds,
        after: position.after || undefined,
        limit: request.limit,
      }),
      store.count(position.kinds),
    ]);
    return {
      items: page.items,
      totalItems,
      ...(page.items.length === request.limit && page.last
        ? {
            nextCursor: encodeCursor({
              after: page.last,
              kinds: position.kinds,
            }),
          }
        : {}),
    };
  }
}
