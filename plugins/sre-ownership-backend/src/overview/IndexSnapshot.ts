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
}

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
    const view: IndexView = {
      generation,
      summaries,
      byRef: new Map(
        summaries.map(s => [s.entityRef.toLocaleLowerCase('en-US'), s]),
      ),
      search: () => (search ??= new SearchIndex(summaries)),
    };
    this.current = view;
    return view;
  }
}
