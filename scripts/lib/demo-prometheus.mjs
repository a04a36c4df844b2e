// A Prometheus with generated SLI history for the demo services' SLOs
// (examples/slos/). Used by the quick start (scripts/dev.sh) when a
// `prometheus` binary is installed, and by the end-to-end test.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

const within = (t, start, end) => t > start && t <= end;

/**
 * Counter series of the demo, one sample a minute from 15 days ago to a day
 * ahead of `now` (so the history stays current for a day):
 * - payments-api: 600 requests a minute; 25% failed for 10 minutes 4 days
 *   ago and 10% for 30 minutes 10 days ago; 3% fail from 40 minutes ago for
 *   3 hours: a fast burn that pages.
 * - search-api: 1,000 requests a minute, 4 failing since 3 days ago: a slow
 *   burn that opens a ticket. And a gauge, its p99 latency in seconds: 0.12,
 *   and 0.45 for 50 minutes 2 days ago (10 bad 5-minute slices).
 */
export function demoHistory(now) {
  const t0 = Math.floor(now / 1000 / MINUTE) * MINUTE;
  const from = t0 - 15 * DAY;
  const to = t0 + DAY;
  const paymentErrors = t => {
    if (within(t, t0 - 10 * DAY, t0 - 10 * DAY + 30 * MINUTE)) return 60;
    if (within(t, t0 - 4 * DAY, t0 - 4 * DAY + 10 * MINUTE)) return 150;
    if (within(t, t0 - 40 * MINUTE, t0 + 3 * HOUR)) return 18;
    return 0;
  };
  const families = {
    payments_requests: [
      [{ code: 'ok' }, t => 600 - paymentErrors(t), from],
      [{ code: 'error' }, paymentErrors, from],
    ],
    search_requests: [[{}, () => 1000, from]],
    search_errors: [[{}, () => 4, t0 - 3 * DAY]],
  };
  const gauges = {
    search_latency_p99_seconds: t =>
      within(t, t0 - 2 * DAY, t0 - 2 * DAY + 50 * MINUTE) ? 0.45 : 0.12,
  };
  const lines = [];
  for (const [family, value] of Object.entries(gauges)) {
    lines.push(`# TYPE ${family} gauge`);
    for (let t = from; t <= to; t += MINUTE) {
      lines.push(`${family} ${value(t)} ${t}`);
    }
  }
  for (const [family, series] of Object.entries(families)) {
    lines.push(`# TYPE ${family} counter`);
    for (const [labels, increment, start] of series) {
      const text = Object.entries(labels)
        .map(([k, v]) => `${k}="${v}"`)
        .join(',');
      let value = 0;
      for (let t = start; t <= to; t += MINUTE) {
        if (t > start) value += increment(t);
        lines.push(`${family}_total{${text}} ${value} ${t}`);
      }
    }
  }
  lines.push('# EOF', '');
  return lines.join('\n');
}

/**
 * Backfills the demo history into `dir` (emptied first) and starts
 * Prometheus on it at 127.0.0.1:`port`. Resolves once it is ready, with the
 * app-config environment that points the backend at it and `stop()`.
 */
export async function startDemoPrometheus({ dir, port, log = () => {} }) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const history = join(dir, 'history.om');
  writeFileSync(history, demoHistory(Date.now()));
  writeFileSync(join(dir, 'prometheus.yml'), 'global: {}\n');
  log('backfilling the demo SLI history with promtool');
  await promisify(execFile)('promtool', [
    'tsdb',
    'create-blocks-from',
    'openmetrics',
    '--quiet',
    history,
    join(dir, 'data'),
  ]);
  const child = spawn(
    'prometheus',
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      '--storage.tsdb.retention.time=100y',
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: ['ignore', 'ignore', 'ignore'] },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise(resolve => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`prometheus exited with ${child.exitCode}`);
    }
    const ready = await fetch(`${baseUrl}/-/ready`)
      .then(r => r.ok)
      .catch(() => false);
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`prometheus did not become ready on ${baseUrl}`);
    }
    await new Promise(r => setTimeout(r, 500));
  }
  log(`Prometheus with demo history on ${baseUrl}`);
  return { baseUrl, env: prometheusEnv(baseUrl), stop, pid: child.pid };
}

/** The app-config, as an environment variable, that connects `baseUrl` as the demo instance. */
export function prometheusEnv(baseUrl) {
  return {
    APP_CONFIG_sreOwnership_prometheus: JSON.stringify({
      instances: [{ name: 'demo', baseUrl }],
    }),
  };
}
