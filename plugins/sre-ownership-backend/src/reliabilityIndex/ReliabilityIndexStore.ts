import { ResolvedOwnership } from '@sre-ownership/plugin-sre-ownership-common';
import { IndexSummary } from './indexEntry';

/** One row as the refresh writes it: JSON already serialised, with its hash. */
export interface IndexRowWrite {
  entityRef: string;
  kind: string;
  summary: string;
  resolved: string;
  hash: string;
}

/** The index's generation: it changes whenever a refresh changed a row. */
export interface IndexGeneration {
  generation: number;
  /** The last refresh, changed or not; absent before the first. */
  refreshedAt?: Date;
}

/** One page of stored resolved ownership, as JSON text. */
export interface ResolvedPage {
  /** ResolvedOwnership documents, serialised as UTF-8 JSON. */
  items: Buffer[];
  /** The entity ref of the last item, for the next page. */
  last?: string;
}

/** The reliability index in the plugin's database. */
export interface ReliabilityIndexStore {
  /** The hash of every stored row, by entity ref. */
  hashes(): Promise<Map<string, string>>;

  /**
   * Writes the given rows (insert or update) and deletes the `removed` refs
   * in one transaction, then records the refresh; the generation increases
   * only when a row changed.
   */
  apply(change: {
    write: IndexRowWrite[];
    removed: string[];
  }): Promise<IndexGeneration>;

  generation(): Promise<IndexGeneration>;

  /** Every stored summary. */
  summaries(): Promise<IndexSummary[]>;

  /** Stored resolved ownership of these refs; refs not indexed are absent. */
  resolved(entityRefs: string[]): Promise<Map<string, ResolvedOwnership>>;

  /** Entities in ref order after `after`, of the given kinds (all when empty). */
  pageResolved(options: {
    kinds: string[];
    after?: string;
    limit: number;
  }): Promise<ResolvedPage>;

  /** How many entities of the given kinds (all when empty) are indexed. */
  count(kinds: string[]): Promise<number>;
}
