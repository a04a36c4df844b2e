import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Notification } from '@backstage/plugin-notifications-common';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { stringify } from 'yaml';
import { startNotificationsBackend } from '../__testUtils__/notificationsBackend';
import { PrincipalEntityCache } from '../catalog/PrincipalEntityCache';
import { join } from 'node:path';
import { migrateLatest } from '../database/migrateLatest';
import { OnCallNowReader } from '../oncall/OnCallNowReader';
import { OwnershipResolver } from '../ownership/OwnershipResolver';
import {
  openMetrics,
  startPrometheus,
  TestPrometheus,
} from '../slo/__testUtils__/prometheus';
import { DatabaseSloStatusStore } from '../slo/DatabaseSloStatusStore';
import { SloDeclarationReader } from '../slo/SloDeclarationReader';
import { SloEvaluator } from '../slo/SloEvaluator';
import { SloService } from '../slo/SloService';
import { NotificationStateStore } from './NotificationStateStore';
import { SloBurnNotifier } from './SloBurnNotifier';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;
/** The burn ends at T: 2026-06-01T00:00:00Z. */
const T = 1_780_272_000;
const PORT = 9164;

/** 100 requests a minute; 20 fail a minute for the 50 minutes before T. */
const errors = (t: number) => (t > T - 50 * MINUTE && t <= T ? 20 : 0);
const history = openMetrics({
  orders_requests: [
    {
      labels: { code: 'ok' },
      from: T - 8 * DAY,
      to: T + 3 * HOUR,
      step: MINUTE,
      increment: t => 100 - errors(t),
    },
    {
      labels: { code: 'error' },
      from: T - 8 * DAY,
      to: T + 3 * HOUR,
      step: MINUTE,
      increment: errors,
    },
  ],
});

const user = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: {},
});

const orders: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'orders',
    namespace: 'default',
    title: 'Orders',
    annotations: {
      'sre-ownership.io/slo-guard': 'user:jane-doe, user:mei-lin',
      'sre-ownership.io/slos': stringify({
        apiVersion: 'openslo/v1',
        kind: 'SLO',
        metadata: {
          name: 'orders-availability',
          displayName: 'Orders availability',
        },
        spec: {
          budgetingMethod: 'Occurrences',
          timeWindow: [{ duration: '7d', isRolling: true }],
          objectives: [{ target: 0.99 }],
          indicator: {
            metadata: { name: 'orders-requests' },
            spec: {
              ratioMetric: {
                counter: true,
                good: {
                  metricSource: {
                    spec: { query: 'orders_requests_total{code="ok"}' },
                  },
                },
                total: {
                  metricSource: { spec: { query: 'orders_requests_total' } },
                },
              },
            },
          },
        },
      }),
    },
  },
  spec: { type: 'service', owner: 'group:default/payments' },
};

const entities: Entity[] = [
  ...['jane-doe', 'mei-lin', 'tom-becker'].map(user),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments', namespace: 'default' },
    spec: { type: 'team', children: [] },
    relations: [{ type: 'hasMember', targetRef: 'user:default/tom-becker' }],
  },
  orders,
];

let prometheus: TestPrometheus;

beforeAll(async () => {
  prometheus = await startPrometheus(history, PORT);
});

afterAll(async () => {
  await prometheus?.stop();
});

describe.each(databases.eachSupportedId())(
  'SLO burn notifications (%s)',
  databaseId => {
    let backend: Awaited<
      ReturnType<typeof startNotificationsBackend>
    >['backend'];
    let notifications: NotificationService;
    let inbox: (name: string) => Promise<Notification[]>;
    let evaluator: SloEvaluator;
    let store: DatabaseSloStatusStore;
    let now = T - 5 * MINUTE;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      // The migrations of this source tree, wherever the package resolves.
      await migrateLatest(knex, join(__dirname, '..', '..', 'migrations'));
      const database = mockServices.database({
        knex,
        migrations: { skip: true },
      });
      ({ backend, notifications, inbox } = await startNotificationsBackend(
        entities,
      ));
      const catalog = catalogServiceMock({ entities });
      const ownership = new OwnershipResolver({
        catalog,
        defaults: {},
        cache: new PrincipalEntityCache(),
        onCall: new OnCallNowReader({
          store: { listShifts: async () => [], shiftWrites: () => 0 },
          ttlMs: 0,
        }),
      });
      const clock = () => new Date(now * 1000);
      const slos = new SloService({
        catalog,
        reader: new SloDeclarationReader({
          urlReader: mockServices.urlReader.mock(),
        }),
        settings: {
          instances: [
            { name: 'test', baseUrl: prometheus.baseUrl, headers: {} },
          ],
          defaultInstance: 'test',
          timeoutMs: 5000,
          cacheTtlMs: 0,
        },
        pages: { listPages: async () => [] },
        getOwnership: (ref, credentials) =>
          ownership.getOwnership(ref, credentials),
        now: clock,
      });
      store = await DatabaseSloStatusStore.create({ database });
      const notifier = new SloBurnNotifier({
        auth: mockServices.auth(),
        ownership,
        notifications,
        store: await NotificationStateStore.create({ database }),
        logger: mockServices.logger.mock(),
        now: clock,
      });
      evaluator = new SloEvaluator({
        auth: mockServices.auth(),
        catalog,
        slos,
        store,
        logger: mockServices.logger.mock(),
        onEvaluated: async run => {
          await notifier.notify(run);
        },
        now: clock,
      });
    });

    afterAll(() => backend?.stop());

    it('tells the SLO guard and the backup when a page-level burn starts', async () => {
      const run = await evaluator.run();
      expect(run!.items.map(i => [i.sloName, i.burn])).toEqual([
        ['orders-availability', 'page'],
      ]);
      for (const name of ['jane-doe', 'mei-lin']) {
        const [notification, ...more] = await inbox(name);
        expect(more).toEqual([]);
        expect(notification.payload).toMatchObject({
          title:
            'Orders availability of Orders is burning its error budget fast',
          severity: 'critical',
          topic: 'sre-ownership.slo',
          scope:
            'slo-burn:component:default/orders:orders-availability:7d-rolling',
          link: '/catalog/default/component/orders',
        });
        // 45 minutes at 20%: 900 of 6,000 in the last hour, 15x; 20x over 5m.
        expect(notification.payload.description).toMatch(
          /^You are its SLO guard\. Burning 15(\.0)?x over 1h: budget gone in .+ at this rate; 9\d\.\d% of its 7d rolling budget left\.$/,
        );
      }
      // The owning team's other members are not the guard.
      expect(await inbox('tom-becker')).toEqual([]);
      // The store holds what was measured, for the overview and roll-ups.
      const stored = await store.list(['component:default/orders']);
      expect(stored.items).toEqual([
        expect.objectContaining({
          sloName: 'orders-availability',
          burn: 'page',
        }),
      ]);
      expect(stored.evaluatedAt).toBe(new Date(now * 1000).toISOString());
    });

    it('sends nothing more while the same burn goes on', async () => {
      const [before] = await inbox('jane-doe');
      now = T;
      await evaluator.run();
      const after = await inbox('jane-doe');
      expect(after).toHaveLength(1);
      expect(after[0].id).toBe(before.id);
      expect(after[0].payload.title).toBe(before.payload.title);
    });

    it('resolves the notification when the burn stops', async () => {
      now = T + 2 * HOUR;
      const run = await evaluator.run();
      expect(run!.items[0].burn).toBe('ok');
      for (const name of ['jane-doe', 'mei-lin']) {
        const [notification, ...more] = await inbox(name);
        expect(more).toEqual([]);
        expect(notification.payload).toMatchObject({
          title: 'Resolved: Orders availability of Orders stopped burning fast',
          severity: 'low',
          scope:
            'slo-burn:component:default/orders:orders-availability:7d-rolling',
        });
        expect(notification.read).toBeFalsy();
      }
      // Staying ok sends nothing.
      const [resolved] = await inbox('jane-doe');
      now = T + 2 * HOUR + 5 * MINUTE;
      await evaluator.run();
      const [still] = await inbox('jane-doe');
      expect(still.updated).toBe(resolved.updated);
    });
  },
);
