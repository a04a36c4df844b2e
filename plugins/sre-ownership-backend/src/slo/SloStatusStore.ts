import { SloListItem } from '@sre-ownership/plugin-sre-ownership-common';

/** The SLOs of the catalog as the last evaluation measured them. */
export interface SloEvaluation {
  /** When it finished; absent before the first evaluation. */
  evaluatedAt?: string;
  items: SloListItem[];
}

/**
 * Keeps the latest measured status of every declared SLO, so that views
 * over many entities read one table instead of asking Prometheus.
 */
export interface SloStatusStore {
  /**
   * Replaces every stored status with `items` in one transaction: an SLO no
   * longer declared, or of an entity that left the catalog, is deleted.
   */
  replaceAll(items: SloListItem[], evaluatedAt: Date): Promise<void>;

  /** When the last evaluation finished; undefined before the first. */
  evaluatedAt(): Promise<string | undefined>;

  /** The stored statuses, of the given entities only when `entityRefs` is given. */
  list(entityRefs?: string[]): Promise<SloEvaluation>;
}
