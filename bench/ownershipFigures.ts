/**
 * The ownership figures of issue-level targets, measured against the
 * catalog's own routes on the same backend: single-entity ownership beside
 * GET /entities/by-name (interleaved, so both see the same load), and the
 * whole catalog through the paged bulk route beside the catalog's paged list.
 * Used by bench:ownership and bench:overview.
 */
import { fmt, getJson, summarize, timed, timeInterleaved } from './harness';

/** What one measurement found, for the caller to print or compare. */
export interface OwnershipFigures {
  catalog: { p50: number; p95: number };
  ownership: { p50: number; p95: number };
  bulkMs: number;
  resolvedCount: number;
  catalogBulkMs: number;
  listedCount: number;
}

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
  const withCursor = (path: string) => (cursor?: string) =>
    `${base}${path}?limit=1000${
      cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
    }`;
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
  let resolvedCount = 0;
  const bulkMs = await timed(async () => {
    resolvedCount = await pageAll(withCursor('/sre-ownership/ownership'));
  });
  let listedCount = 0;
  const catalogBulkMs = await timed(async () => {
    listedCount = await pageAll(withCursor('/catalog/entities/by-query'));
  });

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
  console.log(`Bulk, pages of 1000:`);
  console.log(
    `  sre-ownership: resolved ${resolvedCount} entities in ${fmt(
      bulkMs,
    )}  (target < 1500 ms for 10,000; the catalog lists them in the line below)`,
  );
  console.log(
    `  catalog: listed ${listedCount} entities in ${fmt(catalogBulkMs)}`,
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
