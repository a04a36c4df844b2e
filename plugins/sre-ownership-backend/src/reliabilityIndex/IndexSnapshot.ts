import { IndexSummary } from './indexEntry';
import { SearchIndex } from './whoToCall';
import {
  IndexGeneration,
  ReliabilityIndexStore,
} from './ReliabilityIndexStore';

/** The index's summaries as of one generation. */
export interface IndexView {
  generation: IndexGeneration;
  summaries: IndexSummary[];
  byRef: Map<string, IndexSummary>;
  /** The search index of these summaries, built on first use. */
  search(): SearchIndex;
  /**
   * `compute()`'s result for `key`, computed once per generation: what is
   * derived from every summary (a coverage summary, a sorted gap list) is
   * the same for every caller who may read all of them until the index
   * changes. Holds the most recent keys only.
   */
  derived<T>(key: string, compute: () => T): T;
}

const DERIVED_ENTRIES = 64;

/**
 * The summaries of the reliability index, held in memory and re-read from
 * the database only when its generation changes (any replica's refresh
 * bumps it), so each overview request costs one small query.
 */
export class IndexSnapshot {
  private current?: IndexView;
  private loading?: Promise<IndexView>;

  constructor(private readonly store: ReliabilityIndexStore) {}

  async view(): Promise<IndexView> {
    const generation = await this.store.generation();
    const current = this.current;
    if (current && current.generation.generation === generation.generation) {
      current.generation = generation;
      return current;
    }
    this.loading ??= this.load(generation).finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async load(generation: IndexGeneration): Promise<IndexView> {
    const summaries = await this.store.summaries();
    summaries.sort((a, b) => a.entityRef.localeCompare(b.entityRef));
    let search: SearchIndex | undefined;
    const derived = new Map<string, unknown>();
    const view: IndexView = {
      generation,
      summaries,
      byRef: new Map(
        summaries.map(s => [s.entityRef.toLocaleLowerCase('en-US'), s]),
      ),
      search: () => (search ??= new SearchIndex(summaries)),
      derived: <T>(key: string, compute: () => T): T => {
        if (derived.has(key)) {
          const value = derived.get(key) as T;
          // Most recently used last, so the oldest goes first.
          derived.delete(key);
          derived.set(key, value);
          return value;
        }
        const value = compute();
        derived.set(key, value);
        if (derived.size > DERIVED_ENTRIES) {
          derived.delete(derived.keys().next().value!);
        }
        return value;
      },
    };
    this.current = view;
    return view;
  }
}
