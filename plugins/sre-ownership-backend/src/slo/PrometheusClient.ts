import { PrometheusInstanceConfig } from './prometheusConfig';

/** Prometheus could not be reached, timed out, or answered with a server error. */
export class PrometheusUnavailableError extends Error {
  name = 'PrometheusUnavailableError';
}

/** Prometheus refused a query, e.g. for a PromQL syntax error. */
export class PrometheusQueryError extends Error {
  name = 'PrometheusQueryError';
}

interface QueryResponse {
  status: 'success' | 'error';
  error?: string;
  data?: { resultType: string; result: Array<{ value?: [number, string] }> };
}

/**
 * Instant queries against one Prometheus over its HTTP API
 * (`POST /api/v1/query`), each with a timeout; answers are cached for a
 * short time so a page of cards, or many viewers, cost one query each.
 */
export class PrometheusClient {
  private readonly cache = new Map<
    string,
    { expires: number; value: Promise<number | null> }
  >();

  constructor(
    private readonly instance: PrometheusInstanceConfig,
    private readonly options: {
      timeoutMs: number;
      cacheTtlMs: number;
      now?: () => number;
    },
  ) {}

  /** The instance's name in app-config. */
  get name() {
    return this.instance.name;
  }

  /** A link to `expr` in the Prometheus UI, when a URL for people is known. */
  graphUrl(expr: string, range: string): string | undefined {
    const base = this.instance.publicUrl ?? this.instance.baseUrl;
    const query = new URLSearchParams({
      'g0.expr': expr,
      'g0.tab': '0',
      'g0.range_input': range,
    });
    return `${base}/graph?${query}`;
  }

  /**
   * The single value of an instant query that aggregates to one series, at
   * `time` (seconds since the epoch); null when it returns no series.
   */
  query(expr: string, time: number): Promise<number | null> {
    const key = `${time}|${expr}`;
    const now = this.options.now?.() ?? Date.now();
    const cached = this.cache.get(key);
    if (cached && cached.expires > now) return cached.value;
    const value = this.fetchValue(expr, time);
    this.cache.set(key, { expires: now + this.options.cacheTtlMs, value });
    // A failure is not remembered: the next request asks again.
    value.catch(() => this.cache.delete(key));
    this.evictExpired(now);
    return value;
  }

  private evictExpired(now: number) {
    if (this.cache.size < 2000) return;
    for (const [key, entry] of this.cache) {
      if (entry.expires <= now) this.cache.delete(key);
    }
  }

  private async fetchValue(expr: string, time: number): Promise<number | null> {
    const { name, baseUrl, headers } = this.instance;
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/api/v1/query`, {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({ query: expr, time: String(time) }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      const cause = error as Error & { cause?: { code?: string } };
      const reason =
        cause.name === 'TimeoutError'
          ? `no answer within ${this.options.timeoutMs / 1000} s`
          : cause.cause?.code ?? cause.message;
      throw new PrometheusUnavailableError(
        `Prometheus "${name}" at ${baseUrl} did not answer (${reason})`,
      );
    }
    let body: QueryResponse | undefined;
    try {
      body = (await response.json()) as QueryResponse;
    } catch {
      body = undefined;
    }
    if (response.status === 400 || response.status === 422) {
      throw new PrometheusQueryError(
        `Prometheus "${name}" refused the query ${expr}: ${
          body?.error ?? response.statusText
        }`,
      );
    }
    if (!response.ok || body?.status !== 'success' || !body.data) {
      throw new PrometheusUnavailableError(
        `Prometheus "${name}" at ${baseUrl} answered HTTP ${response.status}${
          body?.error ? `: ${body.error}` : ''
        }`,
      );
    }
    if (body.data.resultType !== 'vector') {
      throw new PrometheusQueryError(
        `Prometheus "${name}" returned a ${body.data.resultType} for ${expr}; an instant vector was expected`,
      );
    }
    const [first] = body.data.result;
    if (!first?.value) return null;
    const value = Number(first.value[1]);
    return Number.isFinite(value) ? value : null;
  }
}
