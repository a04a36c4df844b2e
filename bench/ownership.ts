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
  numberOption,
  runBenchmark,
  signInAsGuest,
  startCatalogBackend,
  untilCatalogHolds,
  writeCatalogFiles,
} from './harness';
import { measureOwnership } from './ownershipFigures';

const ENTITIES = numberOption('entities', 10_000);
const SAMPLES = numberOption('samples', 300);
const PORT = Number(process.env.BENCH_PORT ?? 7027);
const base = `http://127.0.0.1:${PORT}/api`;

async function main() {
  const dir = resolve(__dirname, '..', '.data', `bench-ownership-${ENTITIES}`);
  const docs = generateCatalog(ENTITIES);
  const catalogFiles = writeCatalogFiles(dir, docs);
  console.log(`Generated ${docs.length} entities in ${dir}`);

  const backend = await startCatalogBackend({
    port: PORT,
    dir,
    catalogFiles,
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
  await measureOwnership({
    base,
    caller: 'service token',
    components,
    samples: SAMPLES,
  });
  await signInAsGuest(base);
  await measureOwnership({
    base,
    caller: 'guest user token',
    components,
    samples: SAMPLES,
  });

  await backend.stop();
}

runBenchmark(main);
