/** Shared pieces of the benchmark scripts: a real backend, timing and reporting. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend } from '@backstage/backend-defaults';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';

export const BENCH_TOKEN = 'bench-static-token-0123456789abcdef';

/** The PostgreSQL server the benches use with BENCH_DB=pg. */
export const BENCH_PG =
  process.env.BENCH_PG ?? 'postgresql://postgres@127.0.0.1:5432';

/** Starts a real Backstage backend with the given plugins and config. */
export async function startBackend(options: {
  port: number;
  config: JsonObject;
  features: Array<Promise<{ default: unknown }>>;
}) {
  const backend = createBackend();
  const config = new ConfigReader({
    app: { baseUrl: `http://localhost:${options.port}` },
    ...options.config,
    backend: {
      baseUrl: `http://localhost:${options.port}`,
      listen: { port: options.port, host: '127.0.0.1' },
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token: BENCH_TOKEN, subject: 'benchmark' },
            // As docs/permissions.md says: a token from outside the backend
            // is granted each of the plugin's permissions by name.
            accessRestrictions: [
              { plugin: 'catalog' },
              {
                plugin: 'sre-ownership',
                permission: [
                  'sre-ownership.events.create',
                  'sre-ownership.alerts.receive',
                  'sre-ownership.burden.read',
                ],
              },
            ],
          },
        ],
      },
      ...(options.config.backend as JsonObject),
    },
  });
  backend.add(
    createServiceFactory({
      service: coreServices.rootConfig,
      deps: {},
      factory: () => config,
    }),
  );
  for (const feature of options.features) backend.add(feature as never);
  await backend.start();
  return backend;
}

let bearer = BENCH_TOKEN;

/**
 * Signs in as the guest user through the auth backend, so that later calls
 * carry a user token, as a person's browser does. Until then calls use the
 * static service token.
 */
export async function signInAsGuest(baseUrl: string) {
  const response = await fetch(`${baseUrl}/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!response.ok) {
    throw new Error(
      `guest sign-in failed: ${response.status} ${await response.text()}`,
    );
  }
  bearer = (await response.json()).backstageIdentity.token;
}

/** The token calls carry now (see signInAsGuest and useServiceToken). */
export function currentBearer(): string {
  return bearer;
}

/** Makes later calls carry the static service token again. */
export function useServiceToken() {
  bearer = BENCH_TOKEN;
}

/** POSTs a JSON body to the backend with the current token. */
export async function postJson(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${bearer}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`${url}: ${response.status} ${await response.text()}`);
  }
}

/** GETs a JSON document from the backend with the current token. */
export async function getJson(url: string): Promise<any> {
  const response = await fetch(url, {
    headers: { Authorization: `Bearer ${bearer}` },
  });
  if (!response.ok) {
    throw new Error(`${url}: ${response.status} ${await response.text()}`);
  }
  return response.json();
}

/** Milliseconds one call takes. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The q-th percentile (0..1) of a sample, nearest-rank. */
export function percentile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/** Waits until `check` is true, polling every second, or fails after `timeoutMs`. */
export async function until(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

/** A numeric command-line option, `--name 123`, or the fallback. */
export function numberOption(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

/** The median and 95th percentile of a sample. */
export function summarize(samples: number[]): { p50: number; p95: number } {
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

/**
 * Times each named call once per item, interleaved (item 1 of every call,
 * then item 2, ...), so that all of them see the same load; the samples of
 * each call, in milliseconds. Which call goes first rotates from item to
 * item: calls on the same item often read the same rows, and the first one
 * pays for bringing them into the database's cache.
 */
export async function timeInterleaved<T, K extends string>(
  items: T[],
  calls: Record<K, (item: T) => Promise<unknown>>,
): Promise<Record<K, number[]>> {
  const names = Object.keys(calls) as K[];
  const samples = {} as Record<K, number[]>;
  for (const name of names) samples[name] = [];
  for (const [index, item] of items.entries()) {
    for (let offset = 0; offset < names.length; offset++) {
      const name = names[(index + offset) % names.length];
      samples[name].push(await timed(() => calls[name](item)));
    }
  }
  return samples;
}

/** Waits until the catalog at `apiBase` holds at least `count` entities. */
export function untilCatalogHolds(
  apiBase: string,
  count: number,
  timeoutMs: number,
) {
  return until(
    `the catalog to hold ${count} entities`,
    async () =>
      (await getJson(`${apiBase}/catalog/entities/by-query?limit=1`))
        .totalItems >= count,
    timeoutMs,
  );
}

// SQLite's catalog reads a location's children in one statement, which fails
// past 32,766 SQL variables: keep each file well below that.
const DOCS_PER_FILE = 10_000;

/**
 * Writes catalog entities as multi-document files of at most 10,000
 * entities each (catalog.yaml, catalog-2.yaml, ...); returns their paths.
 */
export function writeCatalogFiles(dir: string, docs: object[]): string[] {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < docs.length; i += DOCS_PER_FILE) {
    const n = i / DOCS_PER_FILE + 1;
    const file = join(dir, n === 1 ? 'catalog.yaml' : `catalog-${n}.yaml`);
    writeFileSync(
      file,
      docs
        .slice(i, i + DOCS_PER_FILE)
        .map(d => JSON.stringify(d))
        .join('\n---\n'),
    );
    files.push(file);
  }
  return files;
}

/**
 * Starts a real backend (on SQLite in `dir`/db unless given a database) with the catalog (loading
 * `catalogFiles` once a day at most, so re-processing does not compete with
 * the measurements), guest sign-in, the allow-all permission policy, the
 * catalog module and this plugin with the given `sreOwnership` config.
 */
export function startCatalogBackend(options: {
  port: number;
  dir: string;
  catalogFiles: string[];
  sreOwnership: JsonObject;
  /** backend.database; SQLite in `dir`/db when absent. */
  database?: JsonObject;
}) {
  return startBackend({
    port: options.port,
    config: {
      backend: {
        database: options.database ?? {
          client: 'better-sqlite3',
          connection: { directory: join(options.dir, 'db') },
        },
      },
      permission: { enabled: true },
      auth: {
        providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
      },
      catalog: {
        processingInterval: { hours: 24 },
        rules: [
          {
            allow: [
              'Component',
              'API',
              'Resource',
              'System',
              'Domain',
              'Group',
              'User',
              'Location',
            ],
          },
        ],
        locations: options.catalogFiles.map(target => ({
          type: 'file',
          target,
        })),
      },
      sreOwnership: options.sreOwnership,
    },
    features: [
      import('@backstage/plugin-auth-backend'),
      import('@backstage/plugin-auth-backend-module-guest-provider'),
      import('@backstage/plugin-catalog-backend'),
      import('@sre-ownership/plugin-catalog-backend-module-sre-ownership'),
      import('@backstage/plugin-permission-backend'),
      import('@backstage/plugin-permission-backend-module-allow-all-policy'),
      import('@sre-ownership/plugin-sre-ownership-backend'),
    ],
  });
}

/** Runs a benchmark's main function and exits: 0 when done, 1 on an error. */
export function runBenchmark(main: () => Promise<void>) {
  main().then(
    () => process.exit(0),
    error => {
      console.error(error);
      process.exit(1);
    },
  );
}
