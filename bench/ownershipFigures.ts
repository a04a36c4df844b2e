/**
 * The ownership figures of issue-level targets, measured against the
 * catalog's own routes on the same backend: single-entity ownership beside
 * GET /entities/by-name (interleaved, so both see the same load), and the
 * whole catalog through the paged bulk route beside the catalog's paged list.
 * Used by bench:ownership and bench:overview.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  currentBearer,
  fmt,
  getJson,
  summarize,
  timeInterleaved,
} from './harness';

const execFileAsync = promisify(execFile);

/** What one measurement found, for the caller to print or compare. */
export interface OwnershipFigures {
  catalog: { p50: number; p95: number };
  ownership: { p50: number; p95: number };
  bulkMs: number;
  resolvedCount: number;
  catalogBulkMs: number;
  listedCount: number;
}

// A bulk reader is a client of its own: one process, as a sync job or
// script would be, so that parsing 10,000 documents is not charged to the
// backend's event loop or heap (the bench runs the backend in this process).
// It reads both lists once to warm up, then three times in turn; `fetch`
// asks for gzip, as browsers and clients do.
const READER = `
const [ownershipUrl, catalogUrl, token] = process.argv.slice(1);
async function readAll(url) {
  const start = performance.now();
  let cursor;
  let count = 0;
  do {
    const response = await fetch(
      url + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''),
      { headers: { Authorization: 'Bearer ' + token } },
    );
    if (!response.ok) throw new Error(url + ': ' + response.status);
    const page = await response.json();
    count += page.items.length;
    cursor = page.nextCursor ?? page.pageInfo?.nextCursor;
  } while (cursor);
  return { count, ms: performance.now() - start };
}
(async () => {
  await readAll(ownershipUrl);
  await readAll(catalogUrl);
  const passes = [];
  for (let pass = 0; pass < 3; pass++) {
    passes.push({
      ownership: await readAll(ownershipUrl),
      catalog: await readAll(catalogUrl),
    });
  }
  process.stdout.write(JSON.stringify(passes));
})();
`;

type Read = { count: number; ms: number };

/** Three timed reads of each list (with `?limit=`) by one client process. */
async function readBoth(
  ownershipUrl: string,
  catalogUrl: string,
): Promise<Array<{ ownership: Read; catalog: Read }>> {
  const { stdout } = await execFileAsync(
    process.execPath,
    ['-e', READER, ownershipUrl, catalogUrl, currentBearer()],
    { maxBuffer: 1024 * 1024 },
  );
  return JSON.parse(stdout);
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Measures single-entity and bulk ownership with the harness's current
 * token (a service token, or a user's after `signInAsGuest`), prints each
 * figure beside its target and returns them.
 */
export async function measureOwnership(options: {
  base: string;
  caller: string;
  components: string[];
  samples: number;
}): Promise<OwnershipFigures> {
  const { base, components, samples } = options;
  const sample = Array.from(
    { length: samples },
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
  const passes = await readBoth(
    `${base}/sre-ownership/ownership?limit=1000`,
    `${base}/catalog/entities/by-query?limit=1000`,
  );
  const bulk = passes.map(p => p.ownership.ms);
  const catalogBulk = passes.map(p => p.catalog.ms);
  const resolvedCount = passes[0].ownership.count;
  const listedCount = passes[0].catalog.count;
  const bulkMs = median(bulk);
  const catalogBulkMs = median(catalogBulk);

  const catalog = summarize(times.catalog);
  const ownership = summarize(times.ownership);
  console.log(`\n== Ownership, called with a ${options.caller} ==`);
  console.log(`Single entity, ${samples} samples each, interleaved:`);
  console.log(
    `  catalog GET /entities/by-name      p50 ${fmt(catalog.p50)}  p95 ${fmt(
      catalog.p95,
    )}`,
  );
  console.log(
    `  sre-ownership GET .../ownership    p50 ${fmt(ownership.p50)}  p95 ${fmt(
      ownership.p95,
    )}`,
  );
  console.log(
    `  ratio ownership / catalog          p50 ${(
      ownership.p50 / catalog.p50
    ).toFixed(2)}x  p95 ${(ownership.p95 / catalog.p95).toFixed(
      2,
    )}x  (target p95 <= 1.5x)`,
  );
  const listPasses = (values: number[]) => values.map(fmt).join(', ');
  console.log(
    `Bulk, pages of 1000, read by one client process after a warm-up, median of 3:`,
  );
  console.log(
    `  sre-ownership: resolved ${resolvedCount} entities in ${fmt(
      bulkMs,
    )} (${listPasses(bulk)})  (target < 1500 ms for 10,000${
      resolvedCount <= 10_000 ? `: ${bulkMs < 1500 ? 'met' : 'NOT met'}` : ''
    })`,
  );
  console.log(
    `  catalog: listed ${listedCount} entities in ${fmt(
      catalogBulkMs,
    )} (${listPasses(catalogBulk)})`,
  );
  return {
    catalog,
    ownership,
    bulkMs,
    resolvedCount,
    catalogBulkMs,
    listedCount,
  };
}
