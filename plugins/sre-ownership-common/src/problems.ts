/**
 * A problem found in `sre-ownership.io/` declarations, or while resolving them.
 *
 * @public
 */
export interface OwnershipProblem {
  /** The entity whose annotation is wrong. */
  entityRef: string;
  /** The annotation key. */
  annotation: string;
  /** The value (or the part of it) that is wrong, as written. */
  value: string;
  /** What is wrong and how to fix it. */
  message: string;
  /**
   * `error`: the value is ignored and inherited or default values apply
   * instead. `warning`: the value is used but probably not what was meant.
   */
  severity: 'error' | 'warning';
}

/**
 * One sentence naming the entity, the key, the value and the fix, for logs
 * and the catalog.
 *
 * @public
 */
export function formatProblem(problem: OwnershipProblem): string {
  return `${problem.entityRef}: ${problem.annotation} "${problem.value}": ${problem.message}`;
}
