#!/usr/bin/env node
// Three replicas behind one address: starts the demo backend three times on
// one PostgreSQL database (127.0.0.1:5432, user postgres, trust auth) behind
// HAProxy from Debian's packages, as a deployment with a load balancer runs
// it, and checks what a user and the tools that post to it would notice:
//
//  1. every route answers the same on every replica (the reliability index,
//     caches and snapshots of each process agree within a bound, measured);
//  2. a token issued through the balancer is accepted by every replica;
//  3. concurrent Alertmanager webhooks through the balancer, each delivered
//     twice (Alertmanager retries), store every page exactly once;
//  4. a replica killed (SIGKILL) in the middle of a webhook burst: every
//     delivery the balancer acknowledged with a 2xx is stored, once;
//  5. scheduled work runs once per cadence across the replicas: every
//     notification and pulse invitation the plugin sent was sent once (the
//     notifications backend re-raises a notification whose scope is sent
//     again, which sets its `updated`).
//
// Prints each figure and exits 1 when a check fails.
//
//   node scripts/replicas-balanced.mjs [--alerts 300]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBackend } from './lib/backend.mjs';
import { isDeepStrictEqual } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) =>
  args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback;
const alerts = option('--alerts', 300);
// Moves the ports, so that several checkouts can run the test at once.
const balancerPort = Number(process.env.BALANCED_PORT ?? 7250);
const replicaPorts = [1, 2, 3].map(i => balancerPort + i);
const ALERTMANAGER_TOKEN = 'demo-alertmanager-token-change-me';
const readyWithinMs = 300_000;
const agreeWithinMs = 60_000;

const work = mkdtempSync(join(tmpdir(), 'sre-ownership-balanced-'));
const prefix = `sre_balanced_${Date.now().toString(36)}_`;
const checks = [];
function record(name, ok, detail = '') {
  checks.push({ name, ok });
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}`);
}

function psql(sql, database = 'postgres') {
  const result = spawnSync(
    'psql',
    ['-h', '127.0.0.1', '-p', '5432', '-U', 'postgres', '-d', database, '-At'],
    { input: sql, encoding: 'utf8' },
  );
  if (result.status !== 0 || /ERROR/.test(result.stderr)) {
    throw new Error(`psql failed: ${result.stderr || result.error}`);
  }
  return result.stdout.trim();
}

const databases = () =>
  psql(
    `SELECT datname FROM pg_database WHERE datname LIKE '${prefix}%' ORDER BY 1;`,
  )
    .split('\n')
    .filter(Boolean);

function overlay(port) {
  const file = join(work, `replica-${port}.yaml`);
  const baseUrl = `http://localhost:${balancerPort}`;
  // JSON is YAML. Every replica names the balancer as its base URL, as
  // replicas behind one address do.
  writeFileSync(
    file,
    JSON.stringify({
      app: { baseUrl },
      backend: {
        baseUrl,
        listen: { port },
        cors: { origin: baseUrl },
        database: {
          client: 'pg',
          connection: { host: '127.0.0.1', port: 5432, user: 'postgres' },
          prefix,
        },
      },
    }),
  );
  return file;
}

const replicas = new Map();
function startReplica(port) {
  const logFile = join(work, `replica-${port}.log`);
  const child = startBackend({
    root,
    logFile,
    extraConfigs: [overlay(port)],
    env: process.env,
  });
  replicas.set(port, { child, logFile });
  return child;
}

function kill(port, signal = 'SIGTERM') {
  const replica = replicas.get(port);
  if (!replica) return;
  try {
    process.kill(-replica.child.pid, signal);
  } catch {
    // already gone
  }
  replicas.delete(port);
}

async function ready(port) {
  const deadline = Date.now() + readyWithinMs;
  while (Date.now() < deadline) {
    try {
      const health = await fetch(
        `http://localhost:${port}/api/sre-ownership/health`,
        { signal: AbortSignal.timeout(3_000) },
      );
      if (health.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 1_000));
  }
  throw new Error(
    `replica on ${port} not ready in ${readyWithinMs / 1000} s; its log: ${
      replicas.get(port)?.logFile
    }`,
  );
}

/** HAProxy from Debian's package: in /usr/sbin, which a CI PATH may leave out. */
function haproxyCommand() {
  for (const dir of (process.env.PATH ?? '')
    .split(':')
    .concat(['/usr/sbin', '/sbin'])) {
    const candidate = join(dir, 'haproxy');
    if (dir && existsSync(candidate)) return candidate;
  }
  throw new Error(
    "HAProxy is not installed: install Debian's haproxy package (scripts/test-all.sh does)",
  );
}

let haproxy;
function startBalancer() {
  const config = join(work, 'haproxy.cfg');
  writeFileSync(
    config,
    [
      'global',
      '  maxconn 4096',
      'defaults',
      '  mode http',
      '  timeout connect 2s',
      '  timeout client 30s',
      '  timeout server 30s',
      // A request a dead replica refused goes to the next one; one it took
      // and never answered is not retried (it may have been stored).
      '  retries 2',
      '  option redispatch',
      'frontend sre_ownership',
      `  bind 127.0.0.1:${balancerPort}`,
      '  default_backend replicas',
      'backend replicas',
      '  balance roundrobin',
      '  option httpchk GET /api/sre-ownership/health',
      '  default-server inter 1s fall 2 rise 2',
      ...replicaPorts.map(
        (port, i) => `  server replica${i + 1} 127.0.0.1:${port} check`,
      ),
      '',
    ].join('\n'),
  );
  haproxy = spawn(haproxyCommand(), ['-f', config, '-db'], {
    stdio: ['ignore', openSync(join(work, 'haproxy.log'), 'w'), 'inherit'],
  });
  haproxy.on('error', error =>
    record('HAProxy runs in front of the replicas', false, error.message),
  );
}

async function json(url, token) {
  const response = await fetch(url, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: AbortSignal.timeout(20_000),
  });
  return {
    status: response.status,
    body: await response.json().catch(() => null),
  };
}

/**
 * The routes a user's pages and tools read, as the demo answers them. Burden
 * windows are given as dates: "the last 28 days" ends at each request's own
 * instant, which differs by milliseconds between replicas.
 */
const day = offset =>
  `${new Date(Date.now() + offset * 86_400_000)
    .toISOString()
    .slice(0, 10)}T00:00:00Z`;
const WINDOW = `from=${day(-28)}&to=${day(1)}`;
const ROUTES = [
  '/entities/component/default/payments-api/ownership',
  `/entities/component/default/payments-api/oncall-health?${WINDOW}`,
  '/entities/system/default/analytics/ownership',
  `/teams/default/payments/burden?${WINDOW}`,
  `/teams/default/data-platform/burden?${WINDOW}`,
  '/overview/coverage',
  '/overview/entities?limit=500',
  '/overview/tiers',
  '/overview/specialist-gaps',
  '/overview/teams-at-risk',
  '/overview/who-to-call?q=payments',
  '/schedules/status',
  '/openapi.json',
];

/** Where the first answer that differs from the first one differs from it. */
function firstDifference(answers) {
  const walk = (a, b, path) => {
    if (isDeepStrictEqual(a, b)) return undefined;
    if (a && b && typeof a === 'object' && typeof b === 'object') {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
        const found = walk(a[key], b[key], `${path}.${key}`);
        if (found) return found;
      }
    }
    return `${path}: ${JSON.stringify(a)?.slice(0, 80)} ≠ ${JSON.stringify(
      b,
    )?.slice(0, 80)}`;
  };
  const other = answers.find(a => !isDeepStrictEqual(a, answers[0]));
  return other ? ` at ${walk(answers[0], other, '')}` : '';
}

async function sameEverywhere(token) {
  const started = Date.now();
  const differing = new Set(ROUTES);
  const answered = new Map();
  while (differing.size && Date.now() - started < agreeWithinMs) {
    for (const route of [...differing]) {
      const answers = await Promise.all(
        replicaPorts.map(port =>
          json(`http://localhost:${port}/api/sre-ownership${route}`, token),
        ),
      );
      answered.set(
        route,
        `${answers.map(a => a.status).join('/')}${firstDifference(answers)}`,
      );
      if (
        answers[0].status === 200 &&
        answers.every(a => isDeepStrictEqual(a, answers[0]))
      ) {
        differing.delete(route);
      }
    }
    if (differing.size) await new Promise(r => setTimeout(r, 2_000));
  }
  record(
    `every route answers the same on the 3 replicas (${ROUTES.length} routes)`,
    differing.size === 0,
    differing.size
      ? `still different after ${agreeWithinMs / 1000} s: ${[...differing]
          .map(r => `${r} [${answered.get(r)}]`)
          .join(', ')}`
      : `agreed within ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** An Alertmanager version 4 notification of one firing alert. */
const startsAt = new Date(Date.now() - 60_000).toISOString();
function notification(run, n) {
  const labels = {
    alertname: 'HighErrorRate',
    service: 'payments-api',
    severity: 'warning',
    instance: `pod-${run}-${n}`,
  };
  return {
    receiver: 'sre-ownership',
    status: 'firing',
    alerts: [
      {
        status: 'firing',
        labels,
        annotations: { summary: `Error rate above 5% on pod-${n}` },
        startsAt,
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: 'http://prometheus:9090/graph?g0.expr=up',
        fingerprint: `${run}-${n.toString(16).padStart(8, '0')}`,
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

/** Posts each notification `times` times, `concurrency` at a time, through the balancer. */
async function burst(run, times, concurrency, during) {
  const jobs = [];
  for (let n = 0; n < alerts; n++) {
    for (let t = 0; t < times; t++) jobs.push(n);
  }
  const statuses = new Map();
  let next = 0;
  let sent = 0;
  async function sender() {
    while (next < jobs.length) {
      const n = jobs[next++];
      let status;
      try {
        const response = await fetch(
          `http://localhost:${balancerPort}/api/sre-ownership/webhooks/alertmanager`,
          {
            method: 'POST',
            headers: {
              authorization: `Bearer ${ALERTMANAGER_TOKEN}`,
              'content-type': 'application/json',
            },
            body: JSON.stringify(notification(run, n)),
            signal: AbortSignal.timeout(30_000),
          },
        );
        status = response.status;
        await response.arrayBuffer();
      } catch (error) {
        status = `error ${error.cause?.code ?? error.name}`;
      }
      sent += 1;
      if (during && sent === Math.floor(jobs.length / 3)) during();
      const list = statuses.get(n) ?? [];
      list.push(status);
      statuses.set(n, list);
    }
  }
  const started = Date.now();
  await Promise.all(Array.from({ length: concurrency }, sender));
  return { statuses, seconds: (Date.now() - started) / 1000 };
}

function storedPages(run) {
  return new Map(
    psql(
      `SELECT external_id, count(*) FROM oncall_pages WHERE source = 'alertmanager' AND external_id LIKE '%${run}-%' GROUP BY external_id;`,
      `${prefix}sre-ownership`,
    )
      .split('\n')
      .filter(Boolean)
      .map(line => {
        const [id, count] = line.split('|');
        // The page's external id is the fingerprint and the start time.
        const fingerprint = id.split('/')[0];
        return [fingerprint.slice(run.length + 1), Number(count)];
      }),
  );
}

function checkStored(name, run, statuses) {
  const stored = storedPages(run);
  let acknowledged = 0;
  let lost = 0;
  let twice = 0;
  for (const [n, list] of statuses) {
    const key = n.toString(16).padStart(8, '0');
    const ok = list.some(s => typeof s === 'number' && s >= 200 && s < 300);
    if (ok) acknowledged += 1;
    if (ok && !stored.has(key)) lost += 1;
    if ((stored.get(key) ?? 0) > 1) twice += 1;
  }
  const other = [...statuses.values()]
    .flat()
    .filter(s => !(typeof s === 'number' && s >= 200 && s < 300));
  record(
    name,
    lost === 0 && twice === 0 && (other.length > 0 || acknowledged === alerts),
    `${acknowledged} of ${alerts} alerts acknowledged, ${
      stored.size
    } stored, ${lost} acknowledged and lost, ${twice} stored twice; other answers: ${
      other.length ? summarize(other) : 'none'
    }`,
  );
}

function summarize(values) {
  const counts = new Map();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([v, c]) => `${c}× ${v}`).join(', ');
}

const NOTIFICATIONS_WITHIN_MS = 120_000;

async function sentOnce() {
  const database = databases().find(d => d === `${prefix}notifications`);
  if (!database) {
    record(
      'scheduled work runs once per cadence',
      false,
      'no notifications database',
    );
    return;
  }
  const count = () =>
    Number(
      psql(
        `SELECT count(*) FROM notification WHERE origin = 'plugin:sre-ownership';`,
        database,
      ),
    );
  // The tasks start 30 s after a replica and then run every 5 s: wait for
  // the first notifications, then let several cadences pass on 3 replicas.
  const deadline = Date.now() + NOTIFICATIONS_WITHIN_MS;
  while (count() === 0 && Date.now() < deadline) {
    await new Promise(r => setTimeout(r, 2_000));
  }
  await new Promise(r => setTimeout(r, 20_000));
  const [sent, again] = psql(
    `SELECT count(*), count(*) FILTER (WHERE updated IS NOT NULL) FROM notification WHERE origin = 'plugin:sre-ownership';`,
    database,
  ).split('|');
  const scopes = psql(
    `SELECT count(DISTINCT scope) FROM notification WHERE origin = 'plugin:sre-ownership';`,
    database,
  );
  if (Number(again)) {
    console.log(
      psql(
        `SELECT scope, title, created, updated FROM notification WHERE origin = 'plugin:sre-ownership' AND updated IS NOT NULL;`,
        database,
      ),
    );
  }
  record(
    'scheduled work runs once per cadence: every notification and pulse invitation was sent once',
    Number(sent) > 0 && Number(again) === 0,
    `${sent} notifications on ${scopes} scopes, ${again} sent again`,
  );
}

async function main() {
  console.log(
    `==> replicas on ${replicaPorts.join(
      ', ',
    )}, balancer on ${balancerPort}, databases ${prefix}*; logs in ${work}`,
  );
  // One first, so that core plugins create their tables unraced
  // (scripts/replicas-start.mjs covers starting together), then the others.
  const t0 = Date.now();
  startReplica(replicaPorts[0]);
  await ready(replicaPorts[0]);
  startReplica(replicaPorts[1]);
  startReplica(replicaPorts[2]);
  await Promise.all(replicaPorts.slice(1).map(ready));
  startBalancer();
  console.log(
    `==> 3 replicas ready in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
  await new Promise(r => setTimeout(r, 3_000));

  // 2. A guest token issued through the balancer works on every replica.
  const refresh = await json(
    `http://localhost:${balancerPort}/api/auth/guest/refresh`,
  );
  const token = refresh.body?.backstageIdentity?.token;
  const accepted = await Promise.all(
    replicaPorts.map(
      async port =>
        (
          await json(
            `http://localhost:${port}/api/sre-ownership/overview/tiers`,
            token,
          )
        ).status,
    ),
  );
  record(
    'a token issued through the balancer is accepted by every replica',
    Boolean(token) && accepted.every(s => s === 200),
    accepted.join('/'),
  );

  // 1. The same answers everywhere.
  await sameEverywhere(token);

  // 5. Scheduled work: the e2e overlay evaluates notifications and pulse
  // invitations every 5 s, and the first replica has run for a while. Checked
  // before the bursts below, whose pages rightly raise a notification again.
  await sentOnce();

  // 3. Concurrent webhooks, each delivered twice.
  const run1 = `balanced${Date.now().toString(36)}`;
  const first = await burst(run1, 2, 24);
  console.log(`    ${alerts * 2} deliveries in ${first.seconds.toFixed(1)} s`);
  checkStored(
    'concurrent webhooks through the balancer, each delivered twice, store every page once',
    run1,
    first.statuses,
  );

  // 4. A replica killed in the middle of a burst.
  const run2 = `killed${Date.now().toString(36)}`;
  const second = await burst(run2, 1, 24, () =>
    kill(replicaPorts[2], 'SIGKILL'),
  );
  console.log(
    `    ${alerts} deliveries in ${second.seconds.toFixed(
      1,
    )} s, replica 3 killed a third of the way`,
  );
  checkStored(
    'a replica killed mid-burst: every acknowledged webhook is stored, once',
    run2,
    second.statuses,
  );
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  record('three replicas behind one address', false, error.message);
} finally {
  for (const port of [...replicas.keys()]) kill(port);
  haproxy?.kill();
  await new Promise(r => setTimeout(r, 2_000));
  for (const database of databases()) {
    try {
      psql(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE);`);
    } catch {
      // left for the next run's cleanup
    }
  }
  const failed = checks.filter(c => !c.ok).length;
  console.log(`${checks.length - failed} passed, ${failed} failed`);
  exitCode = failed ? 1 : 0;
}
process.exit(exitCode);
