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
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateCatalog } from './catalogGenerator';
import {
  fmt,
  signInAsGuest,
  getJson,
  percentile,
  startBackend,
  timed,
  until,
} from './harness';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const ENTITIES = arg('entities', 10_000);
const SAMPLES = arg('samples', 300);
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
  const catalogTimes: number[] = [];
  const ownershipTimes: number[] = [];
  for (const name of sample) {
    catalogTimes.push(await timed(() => catalogLookup(name)));
    ownershipTimes.push(await timed(() => ownershipLookup(name)));
  }
  let resolvedCount = 0;
  const bulkMs = await timed(async () => {
    resolvedCount = await pageAll(withCursor('/sre-ownership/ownership'));
  });
  let listedCount = 0;
  const catalogBulkMs = await timed(async () => {
    listedCount = await pageAll(withCursor('/catalog/entities/by-query'));
  });

  const [c50, c95, o50, o95] = [
    percentile(catalogTimes, 0.5),
    percentile(catalogTimes, 0.95),
    percentile(ownershipTimes, 0.5),
    percentile(ownershipTimes, 0.95),
  ];
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
  mkdirSync(dir, { recursive: true });
  const catalogFile = join(dir, 'catalog.yaml');
  const docs = generateCatalog(ENTITIES);
  writeFileSync(catalogFile, docs.map(d => JSON.stringify(d)).join('\n---\n'));
  console.log(`Generated ${docs.length} entities in ${catalogFile}`);

  const backend = await startBackend({
    port: PORT,
    config: {
      backend: {
        database: {
          client: 'better-sqlite3',
          connection: { directory: join(dir, 'db') },
        },
      },
      permission: { enabled: true },
      auth: {
        providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
      },
      catalog: {
        // Process each entity once, so re-processing does not compete with
        // the measurements for the CPU.
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
        locations: [{ type: 'file', target: catalogFile }],
      },
      sreOwnership: { defaults: { platformTeam: 'group:default/team-0' } },
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

  const loadStart = Date.now();
  await until(
    `the catalog to hold ${docs.length} entities`,
    async () =>
      (await getJson(`${base}/catalog/entities/by-query?limit=1`)).totalItems >=
      docs.length,
    30 * 60_000,
  );
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

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
