import { mockCredentials } from '@backstage/backend-test-utils';
import { CatalogReadFilter } from './CatalogReadFilter';
import { IndexedOwnership } from './IndexedOwnership';
import { ReliabilityIndexStore } from './ReliabilityIndexStore';

/** An index in memory: rows by ref, and a generation the test moves on. */
function memoryIndex(refs: string[]) {
  const state = { generation: 1, rows: new Map<string, string>() };
  const reads: Array<string | undefined> = [];
  for (const ref of refs) {
    state.rows.set(ref, JSON.stringify({ entityRef: ref, version: 1 }));
  }
  const store: Pick<
    ReliabilityIndexStore,
    'generation' | 'pageResolved' | 'count'
  > = {
    generation: async () => ({ generation: state.generation }),
    count: async () => state.rows.size,
    pageResolved: async ({ after, limit }) => {
      reads.push(after);
      const page = [...state.rows.keys()]
        .sort()
        .filter(ref => !after || ref > after)
        .slice(0, limit);
      return {
        items: page.map(ref => Buffer.from(state.rows.get(ref)!)),
        ...(page.length ? { last: page[page.length - 1] } : {}),
      };
    },
  };
  const readable = {
    forCaller: async () => ({ all: true as const }),
  } as unknown as CatalogReadFilter;
  const ownership = new IndexedOwnership({
    store: store as ReliabilityIndexStore,
    readable,
  });
  return { state, reads, ownership };
}

const credentials = mockCredentials.user();
const refs = Array.from({ length: 7 }, (_, i) => `component:default/c-${i}`);

async function readAll(ownership: IndexedOwnership, between?: () => void) {
  const pages: Array<{
    items: Array<{ entityRef: string; version: number }>;
    totalItems: number;
    nextCursor?: string;
  }> = [];
  let cursor: string | undefined;
  do {
    const json = await ownership.pageJson({ limit: 3, cursor }, credentials);
    const page = JSON.parse(json!.toString());
    pages.push(page);
    cursor = page.nextCursor;
    between?.();
  } while (cursor);
  return pages;
}

describe('IndexedOwnership bulk pages', () => {
  it('serves every entity once, in order, one read a page', async () => {
    const { ownership, reads } = memoryIndex(refs);
    const pages = await readAll(ownership);
    expect(pages.map(p => p.items.map(i => i.entityRef))).toEqual([
      refs.slice(0, 3),
      refs.slice(3, 6),
      refs.slice(6),
    ]);
    expect(pages.map(p => p.totalItems)).toEqual([7, 7, 7]);
    expect(pages[2].nextCursor).toBeUndefined();
    expect(reads).toEqual([undefined, refs[2], refs[5]]);
  });

  it('serves a change made to the index between two pages', async () => {
    const { ownership, state, reads } = memoryIndex(refs);
    let changed = false;
    const pages = await readAll(ownership, () => {
      if (changed) return;
      changed = true;
      state.rows.set(
        refs[4],
        JSON.stringify({ entityRef: refs[4], version: 2 }),
      );
      state.generation += 1;
    });
    expect(pages[1].items.find(i => i.entityRef === refs[4])?.version).toBe(2);
    expect(reads).toEqual([undefined, refs[2], refs[5]]);
  });
});
