import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DatabaseOncallStore } from '../oncall/DatabaseOncallStore';
import { DatabaseReliabilityIndexStore } from './DatabaseReliabilityIndexStore';
import { ReliabilityIndexer } from './ReliabilityIndexer';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const NOW = new Date('2026-03-03T12:00:00Z');

/** A team with an on-call schedule and the service whose pager it carries. */
const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: 'payments',
      namespace: 'default',
      etag: 'payments-1',
      annotations: {
        'sre-ownership.io/oncall-schedule-url': 'https://oncall.example/p',
      },
    },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payments-api',
      namespace: 'default',
      etag: 'payments-api-1',
      annotations: { 'sre-ownership.io/model': 'self-managed' },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'group:payments' },
  },
];

describe.each(databases.eachSupportedId())(
  'ReliabilityIndexer (%s)',
  databaseId => {
    it('follows who is on call now while the catalog stands still, and writes nothing when nothing changed', async () => {
      const knex = await databases.init(databaseId);
      const database = mockServices.database({
        knex,
        migrations: { skip: false },
      });
      const oncall = await DatabaseOncallStore.create({ database });
      const store = await DatabaseReliabilityIndexStore.create({ database });
      const indexer = new ReliabilityIndexer({
        catalog: catalogServiceMock({ entities }),
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
        store,
        oncall,
        defaults: {},
        settings: {
          tiers: [{ name: 'tier-2', rules: {} }],
          defaultTier: 'tier-2',
        },
        scheduledInConfig: [],
        now: () => NOW,
      });
      const gapsOfService = async () =>
        (await store.summaries()).find(
          s => s.entityRef === 'component:default/payments-api',
        )?.gaps;

      // The first probe after start only reads the catalog; the second
      // finds it unchanged, and builds.
      await expect(indexer.refresh()).resolves.toMatchObject({
        written: 0,
        settling: true,
      });
      expect((await store.generation()).refreshedAt).toBeUndefined();
      await indexer.refresh();
      expect(await gapsOfService()).toContain('nobody-on-call');

      await oncall.ingest({
        shifts: [
          {
            source: 'api',
            externalId: 'now',
            teamRef: 'group:default/payments',
            userRef: 'user:default/jane-doe',
            startsAt: '2026-03-03T09:00:00.000Z',
            endsAt: '2026-03-04T09:00:00.000Z',
          },
        ],
      });
      const staffed = await indexer.refresh();
      expect(staffed.read).toBe(0);
      expect(staffed.written).toBeGreaterThan(0);
      expect(await gapsOfService()).not.toContain('nobody-on-call');

      const { generation } = await store.generation();
      await expect(indexer.refresh()).resolves.toEqual({
        read: 0,
        written: 0,
        removed: 0,
        full: false,
      });
      expect((await store.generation()).generation).toBe(generation);
    });

    it('does not build the index while the catalog is still being read', async () => {
      const knex = await databases.init(databaseId);
      const database = mockServices.database({
        knex,
        migrations: { skip: false },
      });
      const store = await DatabaseReliabilityIndexStore.create({ database });
      // The catalog reads its locations in the background: first the Group,
      // a refresh later its service too.
      let current = [entities[0]];
      const live = () => catalogServiceMock({ entities: current });
      const indexer = new ReliabilityIndexer({
        catalog: {
          ...live(),
          streamEntities: (request, options) =>
            live().streamEntities(request, options),
          getEntitiesByRefs: (request, options) =>
            live().getEntitiesByRefs(request, options),
        },
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
        store,
        oncall: await DatabaseOncallStore.create({ database }),
        defaults: {},
        settings: {
          tiers: [{ name: 'tier-2', rules: {} }],
          defaultTier: 'tier-2',
        },
        scheduledInConfig: [],
        now: () => NOW,
      });

      await expect(indexer.refresh()).resolves.toMatchObject({
        settling: true,
      });
      current = entities;
      await expect(indexer.refresh()).resolves.toMatchObject({
        settling: true,
      });
      expect((await store.generation()).refreshedAt).toBeUndefined();
      expect(await store.summaries()).toEqual([]);

      const built = await indexer.refresh();
      expect(built.settling).toBeUndefined();
      expect((await store.generation()).refreshedAt).toBeInstanceOf(Date);
      expect((await store.summaries()).map(s => s.entityRef).sort()).toEqual([
        'component:default/payments-api',
        'group:default/payments',
      ]);
    });
  },
);
