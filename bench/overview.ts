/**
 * Benchmark: the reliability overview on one real backend (catalog,
 * permissions with the allow-all policy, this plugin; SQLite, or PostgreSQL
 * with BENCH_DB=pg) loaded with a synthetic catalog, side by side with the
 * catalog's own GET /entities/by-name in the same run, called with a
 * signed-in guest's token as the page calls it. Prints each figure beside
 * its target; asserts nothing.
 *
 * The catalog database is kept (in .data/bench-overview-<size>/ on SQLite,
 * in the bench_overview_<size>_catalog database on PostgreSQL; the first
 * run loads the catalog: minutes on 2 cores); the plugin's index is rebuilt
 * from scratch on every run, which is what the build figure measures. One
 * probe entity in its own file is then edited and refreshed in the catalog,
 * to measure how long an edited annotation takes to reach the overview.
 * Single-entity and bulk ownership are measured in the same run, with a
 * service token and with the guest's token.
 *
 *   npm run bench:overview [-- --entities 10000 --samples 200]
 *   BENCH_DB=pg npm run bench:overview -- --entities 50000
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import knexFactory from 'knex';
import { generateCatalog } from './catalogGenerator';
import {
  BENCH_PG,
  fmt,
  getJson,
  numberOption,
  runBenchmark,
  signInAsGuest,
  startCatalogBackend,
  summarize,
  timeInterleaved,
  postJson,
  until,
  untilCatalogHolds,
  useServiceToken,
  writeCatalogFiles,
} from './harness';
import { measureOwnership } from './ownershipFigures';

const ENTITIES = numberOption('entities', 10_000);
const SAMPLES = numberOption('samples', 200);
const PORT = Number(process.env.BENCH_PORT ?? 7131);
const base = `http://127.0.0.1:${PORT}/api`;

const line = (label: string, figure: string, target: string) =>
  console.log(`  ${label.padEnd(44)} ${figure.padEnd(26)} (target ${target})`);

// The plugin's default cadence (overview.refreshFrequency), so that every
// figure is taken under the refresh load a production backend carries.
const REFRESH_SECONDS = 30;
const PROBE = 'bench-probe';

/** The probe entity, declaring `model`; in a file of its own. */
function writeProbe(dir: string, model: string): string {
  const file = join(dir, 'probe.yaml');
  writeFileSync(
    file,
    JSON.stringify({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: PROBE,
        annotations: { 'sre-ownership.io/model': model },
      },
      spec: { type: 'service', lifecycle: PROBE, owner: 'team-0' },
    }),
  );
  return file;
}

const probeModel = async () =>
  (
    await getJson(
      `${base}/sre-ownership/overview/entities?lifecycle=${PROBE}&limit=1`,
    )
  ).items[0]?.model as string | undefined;

/**
 * Edits the probe's model, asks the catalog to refresh it (as a catalog
 * webhook or a user's "refresh" would), and times until the overview shows
 * the new model: catalog processing plus at most one index refresh.
 */
async function measureFreshness(dir: string): Promise<number> {
  const before = await probeModel();
  const after = before === 'embedded' ? 'platform' : 'embedded';
  const started = Date.now();
  writeProbe(dir, after);
  await postJson(`${base}/catalog/refresh`, {
    entityRef: `component:default/${PROBE}`,
  });
  await until(
    'the edited probe to reach the overview',
    async () => (await probeModel()) === after,
    5 * 60_000,
  );
  return Date.now() - started;
}

const DATABASE = process.env.BENCH_DB ?? 'sqlite';

/**
 * SQLite files in `dir`/db (the default), or PostgreSQL with BENCH_DB=pg
 * (databases named bench_overview_<size>_*); either way the plugin's own
 * database is dropped first.
 */
async function benchDatabase(dir: string) {
  if (DATABASE === 'sqlite') {
    rmSync(join(dir, 'db', 'sre-ownership.sqlite'), { force: true });
    return { name: 'SQLite', config: undefined };
  }
  if (DATABASE !== 'pg') {
    throw new Error(`BENCH_DB=${DATABASE}: use pg or sqlite`);
  }
  const prefix = `bench_overview_${ENTITIES}_`;
  const admin = knexFactory({
    client: 'pg',
    connection: `${BENCH_PG}/postgres`,
  });
  await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [
    `${prefix}sre-ownership`,
  ]);
  await admin.destroy();
  return {
    name: 'PostgreSQL',
    config: { client: 'pg', connection: BENCH_PG, prefix },
  };
}

async function main() {
  const dir = resolve(__dirname, '..', '.data', `bench-overview-${ENTITIES}`);
  const docs = generateCatalog(ENTITIES);
  const catalogFiles = [
    ...writeCatalogFiles(dir, docs),
    writeProbe(dir, 'embedded'),
  ];
  // The plugin's database goes, the catalog's stays: the index is built from
  // scratch against an already loaded catalog.
  const database = await benchDatabase(dir);

  const started = Date.now();
  const backend = await startCatalogBackend({
    port: PORT,
    dir,
    catalogFiles,
    database: database.config,
    sreOwnership: {
      defaults: { platformTeam: 'group:default/team-0' },
      overview: { refreshFrequency: { seconds: REFRESH_SECONDS } },
    },
  });
  await untilCatalogHolds(base, docs.length, 60 * 60_000);
  const catalogReady = Date.now();
  const services = docs.filter(d =>
    ['Component', 'API', 'Resource', 'System'].includes(d.kind as string),
  ).length;
  await until(
    'the reliability index to cover the catalog',
    async () =>
      (await getJson(`${base}/sre-ownership/overview/coverage`)).total >=
      services,
    10 * 60_000,
  );
  const indexed = Date.now();
  console.log(
    `\n${docs.length} entities (${services} counted by the overview) on ${
      database.name
    }; catalog ready ${((catalogReady - started) / 1000).toFixed(
      0,
    )} s after start`,
  );

  await signInAsGuest(base);
  const components = docs
    .filter(d => d.kind === 'Component')
    .map(d => (d.metadata as { name: string }).name);
  const pick = (i: number) => components[(i * 7919) % components.length];
  const catalogUrls = Array.from(
    { length: SAMPLES },
    (_, i) => `${base}/catalog/entities/by-name/component/default/${pick(i)}`,
  );
  const gaps = [
    'no-model',
    'derived-escalation',
    'no-oncall-source',
    'declaration-problems',
  ];
  const coverageUrls = Array.from(
    { length: SAMPLES },
    (_, i) =>
      `${base}/sre-ownership/overview/coverage${
        i % 2
          ? `?owner=${encodeURIComponent(`group:default/team-${i % 40}`)}`
          : ''
      }`,
  );
  const pageUrls = Array.from(
    { length: SAMPLES },
    (_, i) =>
      `${base}/sre-ownership/overview/entities?gap=${
        gaps[i % gaps.length]
      }&limit=100&offset=${(i % 5) * 100}&sort=${i % 2 ? 'owner' : 'name'}`,
  );
  const queries = ['team-3', 'slo guard team-7', 'user-12', pick(5), 'service'];
  const searchUrls = Array.from(
    { length: SAMPLES },
    (_, i) =>
      `${base}/sre-ownership/overview/who-to-call?q=${encodeURIComponent(
        queries[i % queries.length],
      )}`,
  );
  // Warm both, then measure side by side.
  for (const url of [
    ...catalogUrls.slice(0, 20),
    ...coverageUrls.slice(0, 5),
    ...pageUrls.slice(0, 5),
    ...searchUrls.slice(0, 5),
  ]) {
    await getJson(url);
  }
  const times = await timeInterleaved(
    Array.from({ length: SAMPLES }, (_, i) => i),
    {
      catalog: i => getJson(catalogUrls[i]),
      coverage: i => getJson(coverageUrls[i]),
      gapPage: i => getJson(pageUrls[i]),
      search: i => getJson(searchUrls[i]),
    },
  );
  const [catalog, coverage, gapPage, search] = [
    times.catalog,
    times.coverage,
    times.gapPage,
    times.search,
  ].map(summarize);
  const freshMs = await measureFreshness(dir);

  console.log(
    `\n== ${docs.length} entities, guest user token, ${SAMPLES} samples each, interleaved ==`,
  );
  line(
    'index build from scratch',
    `${((indexed - catalogReady) / 1000).toFixed(1)} s`,
    '< 60 s at 50,000',
  );
  line(
    'edited annotation shown on the overview',
    `${(freshMs / 1000).toFixed(1)} s`,
    `catalog refresh + one index refresh (${REFRESH_SECONDS} s here)`,
  );
  line(
    'catalog GET /entities/by-name (reference)',
    `p50 ${fmt(catalog.p50)} p95 ${fmt(catalog.p95)}`,
    'none: the reference',
  );
  line(
    'coverage summary',
    `p50 ${fmt(coverage.p50)} p95 ${fmt(coverage.p95)}`,
    'p95 < 100 ms',
  );
  line(
    'a page of 100 gap rows',
    `p50 ${fmt(gapPage.p50)} p95 ${fmt(gapPage.p95)}`,
    'p95 < 100 ms',
  );
  line(
    'who do I call (search)',
    `p50 ${fmt(search.p50)} p95 ${fmt(search.p95)}`,
    'p95 < 100 ms',
  );

  await measureOwnership({
    base,
    caller: 'guest user token',
    components,
    samples: SAMPLES,
  });
  useServiceToken();
  await measureOwnership({
    base,
    caller: 'service token',
    components,
    samples: SAMPLES,
  });
  await backend.stop();
}

runBenchmark(main);
