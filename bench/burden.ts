/**
 * Benchmark: team burden latency and ingestion throughput on PostgreSQL, on
 * one real backend (catalog + this plugin). Loads 200 teams, 100,000 shifts
 * and 1,000,000 pages over a year (once; kept in databases prefixed
 * bench_burden_), then measures:
 *   - GET /teams/:ns/:name/burden p50/p95, side by side, in the same run and
 *     for the same Group, with the catalog's own GET /entities/by-name (the
 *     endpoint reads the Group through the catalog with the caller's
 *     credentials) and the raw SQL aggregate it is built on (the team's
 *     pages and shifts of both windows), in the same process against the
 *     same database; the target is endpoint p95 <= 1.5 x (catalog p95 +
 *     aggregate p95);
 *   - bulk API ingestion throughput (events/s);
 *   - Alertmanager webhook ingestion throughput (alerts/s);
 *   - an Alertmanager burst with one alert per notification (5,000 groups
 *     firing, then resolved, at 32 and at 64 concurrent senders), beside its
 *     targets: >= 1,500 notifications/s and none past the 10 s deadline.
 * Prints figures; asserts nothing.
 *
 *   npm run bench:burden [-- --samples 200]
 *   npm run bench:burden -- --only alertmanager [--groups 5000 --concurrency 32,64]
 *   BENCH_DB=pg (default) or sqlite: the database of the plugin and the
 *     catalog. SQLite (a fresh file per run in .data/bench-burden/sqlite)
 *     needs --only alertmanager: the 1,000,000-page load is for PostgreSQL.
 *   BENCH_PG=postgresql://postgres@127.0.0.1:5432 (default)
 *   BENCH_PORT=7037 (default), BENCH_DB_PREFIX=bench_burden_ (default)
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import knexFactory from 'knex';
import {
  measureAlertmanagerBurst,
  measureCatalogReads,
  reportAlertmanagerBurst,
} from './alertmanagerBurst';
import {
  BENCH_PG,
  BENCH_TOKEN,
  fmt,
  getJson,
  percentile,
  runBenchmark,
  startBackend,
  timed,
  timeInterleaved,
  until,
} from './harness';

const option = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const SAMPLES = Number(option('samples')) || 200;
const ONLY_ALERTMANAGER = option('only') === 'alertmanager';
// --only ingestion: the bulk and webhook throughput alone, on whatever
// history the database holds (for profiling with node --cpu-prof).
const ONLY_INGESTION = option('only') === 'ingestion';
const GROUPS = Number(option('groups')) || 5_000;
const CONCURRENCY = (option('concurrency') ?? '32,64').split(',').map(Number);
const DATABASE = process.env.BENCH_DB ?? 'pg';
const TEAMS = 200;
const USERS_PER_TEAM = 6;
const PAGES = 1_000_000;
const SHIFTS = 100_000;
const PORT = Number(process.env.BENCH_PORT ?? 7037);
const DB_PREFIX = process.env.BENCH_DB_PREFIX ?? 'bench_burden_';
const base = `http://127.0.0.1:${PORT}/api`;
const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 1);

const post = async (path: string, body: unknown) => {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${BENCH_TOKEN}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
};

function writeCatalog(dir: string) {
  const docs: object[] = [];
  for (let t = 0; t < TEAMS; t++) {
    const members = Array.from(
      { length: USERS_PER_TEAM },
      (_, u) => `engineer-${t}-${u}`,
    );
    docs.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `team-${t}` },
      spec: { type: 'team', children: [], members },
    });
    members.forEach((name, u) =>
      docs.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: {
          name,
          annotations: {
            'sre-ownership.io/timezone': [
              'Europe/London',
              'America/New_York',
              'Australia/Sydney',
            ][u % 3],
          },
        },
        spec: { memberOf: [`team-${t}`] },
      }),
    );
    docs.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: `service-${t}` },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: `group:team-${t}`,
      },
    });
  }
  const file = join(dir, 'catalog.yaml');
  writeFileSync(file, docs.map(d => JSON.stringify(d)).join('\n---\n'));
  return file;
}

function* eventBatches(size: number) {
  const start = now - 365 * DAY;
  const shiftsPerTeam = SHIFTS / TEAMS;
  const shiftLength = (365 * DAY) / shiftsPerTeam;
  let shifts = [];
  for (let t = 0; t < TEAMS; t++) {
    for (let s = 0; s < shiftsPerTeam; s++) {
      shifts.push({
        source: 'bench',
        externalId: `shift-${t}-${s}`,
        teamRef: `group:default/team-${t}`,
        userRef: `user:default/engineer-${t}-${s % USERS_PER_TEAM}`,
        startsAt: new Date(start + s * shiftLength).toISOString(),
        endsAt: new Date(start + (s + 1) * shiftLength).toISOString(),
      });
      if (shifts.length === size) {
        yield { shifts };
        shifts = [];
      }
    }
  }
  if (shifts.length) yield { shifts };
  let pages = [];
  for (let p = 0; p < PAGES; p++) {
    const t = p % TEAMS;
    const at = start + ((p * 7919) % (365 * 24 * 60)) * 60_000;
    pages.push({
      source: 'bench',
      externalId: `page-${p}`,
      entityRef: `component:default/service-${t}`,
      teamRef: `group:default/team-${t}`,
      severity: ['critical', 'high', 'medium', 'low'][p % 4],
      triggeredAt: new Date(at).toISOString(),
      acknowledgedAt: new Date(at + 5 * 60_000).toISOString(),
      resolvedAt: new Date(at + 40 * 60_000).toISOString(),
    });
    if (pages.length === size) {
      yield { pages };
      pages = [];
    }
  }
  if (pages.length) yield { pages };
}

type Db = ReturnType<typeof knexFactory>;

/** What one team burden request costs, and what its parts cost alone. */
interface TeamBurdenLatency {
  endpoint: number[];
  catalog: number[];
  aggregate: number[];
  /** The 1-minute load average when the measurement started. */
  loadAverage: number;
}

/**
 * Times, for the same Groups and interleaved so that all three see the same
 * load: the team burden endpoint, the catalog's own GET /entities/by-name
 * for the Group (the endpoint must read it with the caller's credentials),
 * and the raw SQL aggregate of the team's pages and shifts of both windows.
 * The endpoint and the aggregate read the same rows, so which of the three
 * goes first rotates (`timeInterleaved`): otherwise the endpoint always pays
 * for bringing the team's pages into PostgreSQL's cache and the aggregate
 * never does.
 */
async function measureTeamBurdenLatency(db: Db): Promise<TeamBurdenLatency> {
  const to = Date.now();
  const windowStart = to - 56 * DAY;
  const rawAggregate = (team: string) =>
    Promise.all([
      db('oncall_pages')
        .where('team_ref', team)
        .where('triggered_at', '>=', windowStart)
        .where('triggered_at', '<', to)
        .select('severity')
        .count({ pages: '*' })
        .avg({ ack: db.raw('acknowledged_at - triggered_at') })
        .avg({ resolve: db.raw('resolved_at - triggered_at') })
        .groupBy('severity'),
      db('oncall_shifts')
        .where('team_ref', team)
        .where('starts_at', '<', to)
        .where('ends_at', '>', windowStart)
        .select('user_ref')
        .sum({ ms: db.raw('ends_at - starts_at') })
        .groupBy('user_ref'),
    ]);
  const burden = (team: string) =>
    getJson(`${base}/sre-ownership/teams/default/${team}/burden`);
  const group = (team: string) =>
    getJson(`${base}/catalog/entities/by-name/group/default/${team}`);
  const teams = Array.from(
    { length: SAMPLES },
    (_, i) => `team-${(i * 37) % TEAMS}`,
  );
  const calls = {
    endpoint: burden,
    catalog: group,
    aggregate: (team: string) => rawAggregate(`group:default/${team}`),
  };
  await timeInterleaved(teams.slice(0, 20), calls);
  const loadAverage = loadavg()[0];
  return { ...(await timeInterleaved(teams, calls)), loadAverage };
}

/** Prints the three p50/p95 and the ratio against its target. */
function reportTeamBurdenLatency(latency: TeamBurdenLatency) {
  const p = (samples: number[], q: number) => percentile(samples, q);
  const [e95, c95, a95] = [
    latency.endpoint,
    latency.catalog,
    latency.aggregate,
  ].map(samples => p(samples, 0.95));
  const floor = c95 + a95;
  const ratio = e95 / floor;
  const line = (name: string, samples: number[]) =>
    console.log(
      `  ${name.padEnd(46)} p50 ${fmt(p(samples, 0.5))}  p95 ${fmt(
        p(samples, 0.95),
      )}`,
    );
  console.log(
    `\nTeam burden (28-day window and the previous one), ${SAMPLES} samples, PostgreSQL, load average ${latency.loadAverage.toFixed(
      2,
    )} at the start:`,
  );
  line('GET /api/sre-ownership/teams/:ns/:name/burden', latency.endpoint);
  line('GET /api/catalog/entities/by-name (same Group)', latency.catalog);
  line('raw SQL aggregate (in process)', latency.aggregate);
  console.log(
    `  ratio endpoint p95 / (catalog p95 + aggregate p95) = ${fmt(e95)} / ${fmt(
      floor,
    )} = ${ratio.toFixed(2)}x  (target <= 1.5x: ${
      ratio <= 1.5 ? 'met' : 'NOT met'
    })`,
  );
}

/** Ingestion throughput, on fresh events that are removed afterwards. */
async function measureIngestion(db: Db) {
  const run = `bench-run-${Date.now()}`;
  const fresh = (n: number, offset: number) => ({
    pages: Array.from({ length: n }, (_, i) => ({
      source: run,
      externalId: `p-${offset + i}`,
      teamRef: `group:default/team-${i % TEAMS}`,
      severity: 'high',
      triggeredAt: new Date(Date.now() - (i % 1000) * 60_000).toISOString(),
    })),
  });
  const BULK = 50_000;
  const bulkMs = await timed(async () => {
    for (let offset = 0; offset < BULK; offset += 5000)
      await post('/sre-ownership/events', fresh(5000, offset));
  });
  const WEBHOOKS = 200;
  const ALERTS_PER_WEBHOOK = 50;
  const webhookMs = await timed(async () => {
    for (let w = 0; w < WEBHOOKS; w++) {
      await post('/sre-ownership/webhooks/alertmanager', {
        version: '4',
        status: 'firing',
        alerts: Array.from({ length: ALERTS_PER_WEBHOOK }, (_, a) => ({
          status: 'firing',
          labels: {
            alertname: `Alert${a}`,
            service: `service-${(w + a) % TEAMS}`,
            severity: 'warning',
          },
          startsAt: new Date(Date.now() - w * 1000).toISOString(),
          fingerprint: `${run}-${w}-${a}`,
        })),
      });
    }
  });
  await db('oncall_pages').where('source', run).del();
  await db('oncall_pages').where('external_id', 'like', `${run}-%`).del();

  return { bulkMs, webhookMs, BULK, WEBHOOKS, ALERTS_PER_WEBHOOK };
}

/** Prints the ingestion throughput. */
function reportIngestion(
  ingestion: Awaited<ReturnType<typeof measureIngestion>>,
) {
  const { bulkMs, webhookMs, BULK, WEBHOOKS, ALERTS_PER_WEBHOOK } = ingestion;
  console.log(`\nIngestion:`);
  console.log(
    `  bulk API: ${BULK} events in ${fmt(bulkMs)}: ${Math.round(
      BULK / (bulkMs / 1000),
    )} events/s  (target >= 5000)`,
  );
  console.log(
    `  Alertmanager: ${
      WEBHOOKS * ALERTS_PER_WEBHOOK
    } alerts in ${WEBHOOKS} webhooks, ${fmt(webhookMs)}: ${Math.round(
      (WEBHOOKS * ALERTS_PER_WEBHOOK) / (webhookMs / 1000),
    )} alerts/s`,
  );
}

/** The plugin's and the catalog's database, and a client on the plugin's. */
function benchDatabase(dir: string) {
  if (DATABASE === 'sqlite') {
    const directory = join(dir, 'sqlite');
    rmSync(directory, { recursive: true, force: true });
    return {
      name: 'SQLite (better-sqlite3, a fresh file)',
      config: { client: 'better-sqlite3', connection: { directory } },
      db: () =>
        knexFactory({
          client: 'better-sqlite3',
          connection: { filename: join(directory, 'sre-ownership.sqlite') },
          useNullAsDefault: true,
        }),
    };
  }
  if (DATABASE !== 'pg')
    throw new Error(`BENCH_DB=${DATABASE}: use pg or sqlite`);
  return {
    name: 'PostgreSQL',
    config: { client: 'pg', connection: BENCH_PG, prefix: DB_PREFIX },
    db: () =>
      knexFactory({
        client: 'pg',
        connection: `${BENCH_PG}/${DB_PREFIX}sre-ownership`,
      }),
  };
}

/** Loads the year of shifts and pages, once per database. */
async function loadHistory(db: Db) {
  const [{ n: stored }] = await db('oncall_pages')
    .where('source', 'bench')
    .count({ n: '*' });
  if (Number(stored) >= PAGES) return;
  console.log(
    `Loading ${SHIFTS} shifts and ${PAGES} pages through the bulk API...`,
  );
  let events = 0;
  const loadMs = await timed(async () => {
    for (const batch of eventBatches(5000)) {
      await post('/sre-ownership/events', batch);
      events += (batch.shifts?.length ?? 0) + (batch.pages?.length ?? 0);
    }
  });
  console.log(
    `  loaded ${events} events in ${(loadMs / 1000).toFixed(1)} s: ${Math.round(
      events / (loadMs / 1000),
    )} events/s`,
  );
}

/** Runs the Alertmanager burst at each concurrency and prints it. */
async function alertmanagerBurst(db: Db, database: string) {
  // The plugin's outline of the catalog may predate the services.
  await until(
    'alerts to route to the services',
    async () =>
      (
        await post('/sre-ownership/webhooks/alertmanager', {
          version: '4',
          status: 'firing',
          alerts: [
            {
              status: 'firing',
              labels: { alertname: 'Probe', service: 'service-0' },
              startsAt: new Date().toISOString(),
              fingerprint: 'bench-am-probe',
            },
          ],
        })
      ).pages === 1,
    5 * 60_000,
  );
  for (const concurrency of CONCURRENCY) {
    const run = `bench-am-${Date.now()}`;
    const load = loadavg()[0].toFixed(2);
    const phases = await measureAlertmanagerBurst({
      url: `${base}/sre-ownership/webhooks/alertmanager`,
      run,
      groups: GROUPS,
      concurrency,
      teams: TEAMS,
    });
    const pages = db('oncall_pages')
      .where('source', 'alertmanager')
      .where('external_id', 'like', `${run}-0%`);
    const [{ n: stored }] = await pages.clone().count({ n: '*' });
    const [{ n: resolved }] = await pages
      .clone()
      .whereNotNull('resolved_at')
      .count({ n: '*' });
    const catalog = await measureCatalogReads({
      url: `${base}/catalog/entities/by-name/component/default/service-0`,
      requests: GROUPS,
      concurrency,
    });
    reportAlertmanagerBurst(phases, {
      catalog,
      database: `${database}, ${
        cpus().length
      } cores, load average ${load} at the start`,
      stored: `${stored} pages of ${GROUPS} groups, ${resolved} resolved`,
    });
    await db('oncall_pages')
      .where('source', 'alertmanager')
      .where('external_id', 'like', 'bench-am-%')
      .del();
  }
}

async function main() {
  const dir = resolve(__dirname, '..', '.data', 'bench-burden');
  mkdirSync(dir, { recursive: true });
  const catalogFile = writeCatalog(dir);
  const database = benchDatabase(dir);
  if (database.name !== 'PostgreSQL' && !ONLY_ALERTMANAGER) {
    throw new Error('BENCH_DB=sqlite needs --only alertmanager');
  }
  const backend = await startBackend({
    port: PORT,
    config: {
      backend: { database: database.config },
      permission: { enabled: true },
      catalog: {
        processingInterval: { hours: 24 },
        rules: [{ allow: ['Component', 'Group', 'User', 'Location'] }],
        locations: [{ type: 'file', target: catalogFile }],
      },
      sreOwnership: { burden: { windowDays: 28 } },
    },
    features: [
      import('@backstage/plugin-catalog-backend'),
      import('@backstage/plugin-permission-backend'),
      import('@backstage/plugin-permission-backend-module-allow-all-policy'),
      import('@sre-ownership/plugin-sre-ownership-backend'),
    ],
  });
  const db = database.db();
  await until(
    'the catalog to hold every team and its service',
    async () => {
      for (const kind of ['group', 'component']) {
        const { totalItems } = await getJson(
          `${base}/catalog/entities/by-query?limit=1&filter=kind=${kind}`,
        );
        if (totalItems < TEAMS) return false;
      }
      return true;
    },
    20 * 60_000,
  );

  if (ONLY_INGESTION) {
    reportIngestion(await measureIngestion(db));
    await db.destroy();
    await backend.stop();
    return;
  }
  if (!ONLY_ALERTMANAGER) {
    await loadHistory(db);
    await db.raw('ANALYZE');
    const latency = await measureTeamBurdenLatency(db);
    const ingestion = await measureIngestion(db);
    reportTeamBurdenLatency(latency);
    reportIngestion(ingestion);
  }
  await alertmanagerBurst(db, database.name);

  await db.destroy();
  await backend.stop();
}

runBenchmark(main);
