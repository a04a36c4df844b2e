/**
 * The Alertmanager burst of `npm run bench:burden`: notifications of one
 * alert each (one alert per group, as `group_by: ['...']` sends them), posted
 * by a fixed number of concurrent senders the way Alertmanager's webhook
 * notifier does, first firing and then resolved, against the real backend
 * the bench started. Alertmanager gives a notification 10 s (its default
 * flush deadline) before it gives up and sends it again.
 * BENCH_CPU_PROFILE=file.cpuprofile profiles the measured phases.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { BENCH_TOKEN, fmt, percentile } from './harness';

/** Alertmanager's default time a webhook notification may take. */
export const FLUSH_DEADLINE_MS = 10_000;
/** The throughput the plugin must reach with one alert per notification. */
export const TARGET_NOTIFICATIONS_PER_SECOND = 1_500;

/** How one phase of the burst went. */
export interface BurstPhase {
  name: string;
  notifications: number;
  concurrency: number;
  wallMs: number;
  latencies: number[];
  failures: string[];
  /** Milliseconds the backend's event loop was busy, all told. */
  backendBusyMs: number;
}

/** An Alertmanager version 4 notification of one group holding one alert. */
function notification(
  run: string,
  group: number,
  teams: number,
  status: 'firing' | 'resolved',
  startsAt: string,
  endsAt: string,
) {
  const labels = {
    alertname: 'HighErrorRate',
    service: `service-${group % teams}`,
    severity: ['critical', 'warning', 'info'][group % 3],
    instance: `pod-${group}`,
    job: 'api',
  };
  return {
    receiver: 'sre-ownership',
    status,
    alerts: [
      {
        status,
        labels,
        annotations: { summary: `Error rate above 5% on pod-${group}` },
        startsAt,
        endsAt,
        generatorURL: 'http://prometheus:9090/graph?g0.expr=up',
        fingerprint: `${run}-${group.toString(16).padStart(8, '0')}`,
      },
    ],
    groupLabels: { instance: labels.instance },
    commonLabels: labels,
    commonAnnotations: {},
    externalURL: 'http://alertmanager:9093',
    version: '4',
    groupKey: `{}/{}:{instance="${labels.instance}"}`,
    truncatedAlerts: 0,
  };
}

// Alertmanager is a process of its own: the senders run on their own thread
// so that the backend's event loop serves requests only. Plain JavaScript,
// as a worker evaluates it.
const SENDERS = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, token, bodies, concurrency } = workerData;
const latencies = [];
const failures = [];
let next = 0;
async function sender() {
  while (next < bodies.length) {
    const body = bodies[next++];
    const start = performance.now();
    try {
      const response = await fetch(url, body === null
        ? { headers: { Authorization: 'Bearer ' + token } }
        : {
            method: 'POST',
            headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
            body,
          });
      const text = await response.text();
      if (!response.ok) failures.push(response.status + ' ' + text);
    } catch (error) {
      failures.push(String(error) + ' ' + String(error.cause));
    }
    latencies.push(performance.now() - start);
  }
}
const start = performance.now();
Promise.all(Array.from({ length: concurrency }, sender)).then(() =>
  parentPort.postMessage({ wallMs: performance.now() - start, latencies, failures }),
);
`;

/**
 * Posts `bodies` (GETs for `null`) from another thread with `concurrency`
 * requests in flight at any time, timing each from the first byte sent to
 * the last received.
 */
function postConcurrently(
  url: string,
  bodies: Array<string | null>,
  concurrency: number,
): Promise<Pick<BurstPhase, 'wallMs' | 'latencies' | 'failures'>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SENDERS, {
      eval: true,
      workerData: { url, token: BENCH_TOKEN, bodies, concurrency },
    });
    worker.once('message', result => {
      resolve(result);
      worker.terminate();
    });
    worker.once('error', reject);
  });
}

/**
 * Sends `groups` firing notifications and then the same groups resolved,
 * after a short warm-up, and returns each phase's timings. Every page it
 * stores has source `alertmanager` and an externalId starting with `run`.
 */
export async function measureAlertmanagerBurst(options: {
  url: string;
  run: string;
  groups: number;
  concurrency: number;
  teams: number;
}): Promise<BurstPhase[]> {
  const { url, run, groups, concurrency, teams } = options;
  const startsAt = new Date(Date.now() - 60_000).toISOString();
  const endsAt = new Date().toISOString();
  const noEnd = '0001-01-01T00:00:00Z';
  const bodies = (prefix: string, status: 'firing' | 'resolved', n: number) =>
    Array.from({ length: n }, (_, group) =>
      JSON.stringify(
        notification(
          prefix,
          group,
          teams,
          status,
          startsAt,
          status === 'firing' ? noEnd : endsAt,
        ),
      ),
    );
  // Warms the JIT and the connection pools; not counted.
  await postConcurrently(
    url,
    bodies(`${run}-warmup`, 'firing', 500),
    concurrency,
  );
  const profiler = await startProfile();
  const phases: BurstPhase[] = [];
  for (const status of ['firing', 'resolved'] as const) {
    const sent = bodies(run, status, groups);
    const before = performance.eventLoopUtilization();
    const measured = await postConcurrently(url, sent, concurrency);
    const busy = performance.eventLoopUtilization(before);
    phases.push({
      name: status,
      notifications: groups,
      concurrency,
      ...measured,
      backendBusyMs: busy.active,
    });
  }
  await profiler?.stop();
  return phases;
}

/**
 * The same senders reading one entity from the catalog's own
 * `GET /entities/by-name` as often as the burst posts notifications: what
 * this backend's HTTP stack (authentication, the root router's middleware,
 * one database read) serves on these cores, beside the plugin's figure.
 */
export async function measureCatalogReads(options: {
  url: string;
  requests: number;
  concurrency: number;
}): Promise<BurstPhase> {
  const { url, requests, concurrency } = options;
  await postConcurrently(url, Array(500).fill(null), concurrency);
  const before = performance.eventLoopUtilization();
  const measured = await postConcurrently(
    url,
    Array(requests).fill(null),
    concurrency,
  );
  const busy = performance.eventLoopUtilization(before);
  return {
    name: 'catalog GET /entities/by-name',
    notifications: requests,
    concurrency,
    ...measured,
    backendBusyMs: busy.active,
  };
}

/**
 * With BENCH_CPU_PROFILE=file.cpuprofile, profiles the backend (it runs in
 * this process) during the measured phases only, for Chrome DevTools.
 */
async function startProfile() {
  const file = process.env.BENCH_CPU_PROFILE;
  if (!file) return undefined;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/** Prints each phase beside the targets. */
export function reportAlertmanagerBurst(
  phases: BurstPhase[],
  conditions: { database: string; stored: string; catalog: BurstPhase },
) {
  console.log(
    `\nAlertmanager burst, one alert per notification, ${conditions.database}:`,
  );
  for (const phase of phases) {
    const rate = phase.notifications / (phase.wallMs / 1000);
    const late = phase.latencies.filter(ms => ms > FLUSH_DEADLINE_MS).length;
    console.log(
      `  ${phase.notifications} groups ${phase.name.padEnd(8)} ${
        phase.concurrency
      } concurrent: ${Math.round(
        rate,
      )} notifications/s (target >= ${TARGET_NOTIFICATIONS_PER_SECOND}: ${
        rate >= TARGET_NOTIFICATIONS_PER_SECOND ? 'met' : 'NOT met'
      }), p50 ${fmt(percentile(phase.latencies, 0.5))}, p95 ${fmt(
        percentile(phase.latencies, 0.95),
      )}, max ${fmt(Math.max(...phase.latencies))}, past ${
        FLUSH_DEADLINE_MS / 1000
      } s: ${late} (target 0: ${late === 0 ? 'met' : 'NOT met'}), failed: ${
        phase.failures.length
      }; backend event loop busy ${(
        (100 * phase.backendBusyMs) /
        phase.wallMs
      ).toFixed(0)}%, ${(phase.backendBusyMs / phase.notifications).toFixed(
        2,
      )} ms a notification`,
    );
    for (const failure of new Set(phase.failures.slice(0, 3))) {
      console.log(`    failure: ${failure.slice(0, 200)}`);
    }
  }
  console.log(`  stored: ${conditions.stored}`);
  const { catalog } = conditions;
  console.log(
    `  beside it, ${catalog.name} of one entity, ${
      catalog.notifications
    } requests, ${catalog.concurrency} concurrent: ${Math.round(
      catalog.notifications / (catalog.wallMs / 1000),
    )} requests/s, p95 ${fmt(percentile(catalog.latencies, 0.95))}, failed: ${
      catalog.failures.length
    }; event loop busy ${(
      (100 * catalog.backendBusyMs) /
      catalog.wallMs
    ).toFixed(0)}%, ${(catalog.backendBusyMs / catalog.notifications).toFixed(
      2,
    )} ms a request`,
  );
}
