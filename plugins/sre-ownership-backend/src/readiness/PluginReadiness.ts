/** One thing the plugin needs before it can serve. */
export interface ReadinessCheck {
  /** What is checked, in words an operator reads, e.g. `database`. */
  name: string;
  /** Resolves when the dependency answers; rejects (or hangs) otherwise. */
  check: () => Promise<unknown>;
}

/** What `GET /health` reports. */
export type Readiness =
  | { status: 'ok' }
  | { status: 'unavailable'; unavailable: string[] };

const CHECK_TIMEOUT_MS = 2_000;
const CACHE_MS = 5_000;

function withTimeout(promise: Promise<unknown>, ms: number) {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Whether the plugin can serve: the backend's start-up has finished — every
 * plugin's, so auth and permissions work, and this plugin's migrations are
 * done — and what every route needs answers: the database can take a
 * delivery now, and the catalog answers. A load balancer keeps an instance out of rotation while this
 * says `unavailable`. Results are reused for a few seconds so that frequent
 * probes cost the database and the catalog almost nothing.
 */
export class PluginReadiness {
  private started = false;
  private last?: { at: number; readiness: Promise<Readiness> };

  constructor(
    private readonly checks: ReadinessCheck[],
    private readonly options: { timeoutMs?: number; cacheMs?: number } = {},
  ) {}

  /**
   * Called once the whole backend has started (the root lifecycle's startup
   * hook), which never happens when a plugin fails to start.
   */
  markStarted() {
    this.started = true;
    this.last = undefined;
  }

  /** The current readiness, checked at most once per cache period. */
  check(): Promise<Readiness> {
    if (!this.started) {
      return Promise.resolve({
        status: 'unavailable',
        unavailable: ['start-up'],
      });
    }
    const now = Date.now();
    if (
      !this.last ||
      now - this.last.at >= (this.options.cacheMs ?? CACHE_MS)
    ) {
      this.last = { at: now, readiness: this.runChecks() };
    }
    return this.last.readiness;
  }

  private async runChecks(): Promise<Readiness> {
    const timeout = this.options.timeoutMs ?? CHECK_TIMEOUT_MS;
    const results = await Promise.allSettled(
      this.checks.map(({ check }) => withTimeout(check(), timeout)),
    );
    const unavailable = this.checks
      .filter((_, index) => results[index].status === 'rejected')
      .map(({ name }) => name);
    return unavailable.length === 0
      ? { status: 'ok' }
      : { status: 'unavailable', unavailable };
  }
}
