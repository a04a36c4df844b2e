import { startBackend, getJson, timed, percentile } from './harness';
import { join } from 'node:path';
async function main() {
  const dir = '/work/main/.data/bench-ownership-10000';
  const backend = await startBackend({
    port: 7027,
    config: {
      backend: {
        database: {
          client: 'better-sqlite3',
          connection: { directory: join(dir, 'db') },
        },
      },
      permission: { enabled: true },
      catalog: {
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
        locations: [{ type: 'file', target: join(dir, 'catalog.yaml') }],
      },
      sreOwnership: { defaults: { platformTeam: 'group:default/team-0' } },
    },
    features: [
      import('@backstage/plugin-catalog-backend'),
      import('@backstage/plugin-permission-backend'),
      import('@backstage/plugin-permission-backend-module-allow-all-policy'),
      import('@sre-ownership/plugin-sre-ownership-backend'),
    ],
  });
  const base = 'http://127.0.0.1:7027/api';
  const m = async (name: string, fn: (i: number) => Promise<unknown>) => {
    for (let i = 0; i < 30; i++) await fn(i);
    const t: number[] = [];
    for (let i = 0; i < 200; i++) t.push(await timed(() => fn(i)));
    console.log(
      name,
      percentile(t, 0.5).toFixed(2),
      percentile(t, 0.95).toFixed(2),
    );
  };
  await m('catalog by-name', i =>
    getJson(
      `${base}/catalog/entities/by-name/component/default/service-${
        ((i * 10) % 9000) + 2
      }`,
    ),
  );
  await m('sre health', () => getJson(`${base}/sre-ownership/health`));
  (globalThis as any).__t = [];
  await m('sre ownership', i =>
    getJson(
      `${base}/sre-ownership/entities/component/default/service-${
        ((i * 10) % 9000) + 2
      }/ownership`,
    ),
  );
  const t = (globalThis as any).__t as [string, number][];
  for (const k of ['fetch', 'resolve']) {
    const v = t.filter(x => x[0] === k).map(x => x[1]);
    console.log(
      k,
      percentile(v, 0.5).toFixed(2),
      percentile(v, 0.95).toFixed(2),
    );
  }
  await backend.stop();
  process.exit(0);
}
main();
