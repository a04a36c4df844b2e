/**
 * Benchmark: resolved-ownership latency against the catalog's own entity
 * lookup, on one real backend (catalog + this plugin, SQLite) loaded with a
 * synthetic catalog, called with a guest user's token as the cards are.
 * Prints figures; asserts nothing.
 *
 * The catalog processes a few entities a second on a small machine, so the
 * first run for a given size takes a while (about 4 minutes for 10,000 on 2
 * cores); its database is kept in .data/bench-ownership-<size>/ and later
 * runs reuse it.
 *
 *   npm run bench:ownership [-- --entities 10000 --samples 300]
 */
import { resolve } from 'node:path';
import { generateCatalog } from './catalogGenerator';
import {
  fmt,
  signInAsGuest,
  getJson,
  numberOption,
  runBenchmark,
  startCatalogBackend,
  summarize,
  timed,
  timeInterleaved,
  untilCatalogHolds,
  writeCatalogFile,
} from './harness';

const ENTITIES = numberOption('entities', 10_000);
const SAMPLES = numberOption('samples', 300);
const PORT = Number(process.env.BENCH_PORT ?? 7027);
const base = `http://127.0.0.1:${PORT}/api`;

async function pageAll(url: (cursor?: string) => string) {
  let cursor: string | undefined;
  let count = 0;
  do {
    const page = await getJson(url(cursor));
    count += page.items.length;
    cursor = page.nextCursor ?? page.pageInfo?.nextCursor;
  } while (cursor);
  return count;
}

const withCursor = (path: string) => (cursor?: string) =>
  `${base}${path}?limit=1000${
    cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
  }`;

async function measure(caller: string, components: string[]) {
  const sample = Array.from(
    { length: SAMPLES },
    (_, i) => components[(i * 7919) % components.length],
  );
  const catalogLookup = (name: string) =>
    getJson(`${base}/catalog/entities/by-name/component/default/${name}`);
  const ownershipLookup = (name: string) =>
    getJson(
      `${base}/sre-ownership/entities/component/default/${name}/ownership`,
    );

  for (const name of sample.slice(0, 30)) {
    await catalogLookup(name);
    await ownershipLookup(name);
  }
  const times = await timeInterleaved(sample, {
    catalog: catalogLookup,
    ownership: ownershipLookup,
  });
  let resolvedCount = 0;
  const bulkMs = await timed(async () => {
    resolvedCount = await pageAll(withCursor('/sre-ownership/ownership'));
  });
  let listedCount = 0;
  const catalogBulkMs = await timed(async () => {
    listedCount = await pageAll(withCursor('/catalog/entities/by-query'));
  });

  const { p50: c50, p95: c95 } = summarize(times.catalog);
  const { p50: o50, p95: o95 } = summarize(times.ownership);
  console.log(`\n== Called with a ${caller} ==`);
  console.log(`Single entity, ${SAMPLES} samples each, interleaved:`);
  console.log(
    `  catalog GET /entities/by-name      p50 ${fmt(c50)}  p95 ${fmt(c95)}`,
  );
  console.log(
    `  sre-ownership GET .../ownership    p50 ${fmt(o50)}  p95 ${fmt(o95)}`,
  );
  console.log(
    `  ratio ownership / catalog          p50 ${(o50 / c50).toFixed(
      2,
    )}x  p95 ${(o95 / c95).toFixed(2)}x  (target p95 <= 1.5x)`,
  );
  console.log(`Bulk, pages of 1000:`);
  console.log(
    `  sre-ownership: resolved ${resolvedCount} entities in ${fmt(
      bulkMs,
    )}  (target < 1500 ms for 10,000; the catalog lists them in the line below)`,
  );
  console.log(
    `  catalog: listed ${listedCount} entities in ${fmt(catalogBulkMs)}`,
  );
}

async function main() {
  const dir = resolve(__dirname, '..', '.data', `bench-ownership-${ENTITIES}`);
  const docs = generateCatalog(ENTITIES);
  const catalogFile = writeCatalogFile(dir, docs);
  console.log(`Generated ${docs.length} entities in ${catalogFile}`);

  const backend = await startCatalogBackend({
    port: PORT,
    dir,
    catalogFile,
    sreOwnership: { defaults: { platformTeam: 'group:default/team-0' } },
  });

  const loadStart = Date.now();
  await untilCatalogHolds(base, docs.length, 30 * 60_000);
  console.log(
    `Catalog loaded in ${((Date.now() - loadStart) / 1000).toFixed(0)} s`,
  );
  const components = docs
    .filter(d => d.kind === 'Component')
    .map(d => (d.metadata as { name: string }).name);

  // As a service (static token: no permission policy evaluation), then as a
  // signed-in person (guest user token: as the cards call it).
  await measure('service token', components);
  await signInAsGuest(base);
  await measure('guest user token', components);

  await backend.stop();
}

runBenchmark(main);
