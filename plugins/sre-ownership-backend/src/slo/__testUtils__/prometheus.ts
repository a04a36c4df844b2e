import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** One counter series: its value after each step from `from` to `to`. */
export interface CounterSeries {
  labels: Record<string, string>;
  /** First sample, seconds since the epoch. */
  from: number;
  /** Last sample. */
  to: number;
  /** Seconds between samples. */
  step: number;
  /** Events counted in the step that ends at `time`. */
  increment: (time: number) => number;
  /** Times at which the process restarted: the counter starts again from 0. */
  resetsAt?: number[];
}

/** One gauge series: its value at each step from `from` to `to`. */
export interface GaugeSeries {
  labels: Record<string, string>;
  from: number;
  to: number;
  step: number;
  /** The value sampled at `time`. */
  value: (time: number) => number;
}

const labelText = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([key, value]) => `${key}="${value}"`)
    .join(',');

/**
 * OpenMetrics text of counter families (and gauge families), for
 * `promtool tsdb create-blocks-from openmetrics`.
 */
export function openMetrics(
  families: Record<string, CounterSeries[]>,
  gauges: Record<string, GaugeSeries[]> = {},
): string {
  const lines: string[] = [];
  for (const [family, seriesList] of Object.entries(gauges)) {
    lines.push(`# TYPE ${family} gauge`);
    for (const series of seriesList) {
      for (let time = series.from; time <= series.to; time += series.step) {
        lines.push(
          `${family}{${labelText(series.labels)}} ${series.value(
            time,
          )} ${time}`,
        );
      }
    }
  }
  for (const [family, seriesList] of Object.entries(families)) {
    lines.push(`# TYPE ${family} counter`);
    for (const series of seriesList) {
      const labels = Object.entries(series.labels)
        .map(([key, value]) => `${key}="${value}"`)
        .join(',');
      const resets = new Set(series.resetsAt ?? []);
      let value = 0;
      for (let time = series.from; time <= series.to; time += series.step) {
        if (time > series.from) {
          value = resets.has(time)
            ? series.increment(time)
            : value + series.increment(time);
        }
        lines.push(`${family}_total{${labels}} ${value} ${time}`);
      }
    }
  }
  lines.push('# EOF', '');
  return lines.join('\n');
}

/** A Prometheus serving backfilled history on a loopback port. */
export interface TestPrometheus {
  baseUrl: string;
  stop(): Promise<void>;
}

const run = promisify(execFile);

/**
 * Backfills `history` into TSDB blocks with promtool and starts Debian's
 * `prometheus` on them at 127.0.0.1:`port`, resolving once it is ready.
 */
export async function startPrometheus(
  history: string,
  port: number,
): Promise<TestPrometheus> {
  const dir = await mkdtemp(join(tmpdir(), 'sre-ownership-prometheus-'));
  const data = join(dir, 'data');
  await writeFile(join(dir, 'history.om'), history);
  await writeFile(join(dir, 'prometheus.yml'), 'global: {}\n');
  await run('promtool', [
    'tsdb',
    'create-blocks-from',
    'openmetrics',
    '--quiet',
    join(dir, 'history.om'),
    data,
  ]);
  const child: ChildProcess = spawn(
    'prometheus',
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${data}`,
      '--storage.tsdb.retention.time=100y',
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr?.on('data', chunk => {
    log = (log + chunk).slice(-4000);
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise(resolve => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`prometheus exited with ${child.exitCode}: ${log}`);
    }
    try {
      if ((await fetch(`${baseUrl}/-/ready`)).ok) return { baseUrl, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`prometheus did not become ready on ${baseUrl}: ${log}`);
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}
