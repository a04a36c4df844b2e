/** Shared pieces of the benchmark scripts: a real backend, timing and reporting. */
import { createBackend } from '@backstage/backend-defaults';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';

export const BENCH_TOKEN = 'bench-static-token-0123456789abcdef';

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
