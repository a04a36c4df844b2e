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
  data?: {
    resultType: string;
    result: Array<{
      value?: [number, string];
      values?: Array<[number, string]>;
    }>;
  };
}

/** Most points Prometheus returns per series of one range query is 11,000. */
const MAX_POINTS = 10_000;

/**
 * Instant and range queries against one Prometheus over its HTTP API
 * (`POST /api/v1/query`, `/api/v1/query_range`), each with a timeout;
 * answers are cached for a short time so a page of cards, or many viewers,
 * cost one query each.
 */
export class PrometheusClient {
  private readonly cache = new Map<
    string,
    { expires: number; value: Promise<unknown> }
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
    return this.cached(`query|${time}|${expr}`, async () => {
      const data = await this.request('query', expr, { time: String(time) });
      if (data.resultType !== 'vector') {
        throw new PrometheusQueryError(
          `Prometheus "${this.name}" returned a ${data.resultType} for ${expr}; an instant vector was expected`,
        );
      }
      const [first] = data.result;
      if (!first?.value) return null;
      const value = Number(first.value[1]);
      return Number.isFinite(value) ? value : null;
    });
  }

  /**
   * Checks a query as written with Prometheus itself: evaluates it once at
   * `time` and answers the type of its result (`vector`, `scalar`,
   * `matrix`, `string`). Throws {@link PrometheusQueryError} with
   * Prometheus's message when it refuses the query.
   */
  resultType(expr: string, time: number): Promise<string> {
    return this.cached(`type|${time}|${expr}`, async () => {
      const data = await this.request('query', expr, { time: String(time) });
      return data.resultType;
    });
  }

  /**
   * The values of a query that aggregates to one series at `count` times
   * `step` seconds apart, the last at `end`: a map from time (seconds since
   * the epoch) to value, without the times it had no value (or NaN).
   * Asked in pieces of at most 10,000 points, Prometheus's limit.
   */
  async queryRange(
    expr: string,
    end: number,
    count: number,
    step: number,
  ): Promise<Map<number, number>> {
    const values = new Map<number, number>();
    const pieces: Array<Promise<Map<number, number>>> = [];
    for (let last = end, left = count; left > 0; left -= MAX_POINTS) {
      const points = Math.min(left, MAX_POINTS);
      const first = last - (points - 1) * step;
      pieces.push(this.rangePiece(expr, first, last, step));
      last = first - step;
    }
    for (const piece of await Promise.all(pieces)) {
      for (const [time, value] of piece) values.set(time, value);
    }
    return values;
  }

  private rangePiece(
    expr: string,
    start: number,
    end: number,
    step: number,
  ): Promise<Map<number, number>> {
    return this.cached(`range|${start}|${end}|${step}|${expr}`, async () => {
      const data = await this.request('query_range', expr, {
        start: String(start),
        end: String(end),
        step: String(step),
      });
      if (data.resultType !== 'matrix') {
        throw new PrometheusQueryError(
          `Prometheus "${this.name}" returned a ${data.resultType} for ${expr}; a range vector was expected`,
        );
      }
      const values = new Map<number, number>();
      const [first] = data.result;
      for (const [time, text] of first?.values ?? []) {
        const value = Number(text);
        if (Number.isFinite(value)) values.set(Math.round(time), value);
      }
      return values;
    });
  }

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.options.now?.() ?? Date.now();
    const cached = this.cache.get(key);
    if (cached && cached.expires > now) return cached.value as Promise<T>;
    const value = load();
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

  private async request(
    path: 'query' | 'query_range',
    expr: string,
    params: Record<string, string>,
  ): Promise<NonNullable<QueryResponse['data']>> {
    const { name, baseUrl, headers } = this.instance;
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/api/v1/${path}`, {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({ query: expr, ...params }),
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
    return body.data;
  }
}
