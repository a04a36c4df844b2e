import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { Notification } from '@backstage/plugin-notifications-common';
import { startNotificationsBackend } from '../__testUtils__/notificationsBackend';
import { readBurdenSettings } from '../burden/burdenConfig';
import { DatabaseOncallStore } from '../oncall/DatabaseOncallStore';
import { BurdenService } from '../burden/BurdenService';
import { OnCallNowReader } from '../oncall/OnCallNowReader';
import { OwnershipResolver } from '../ownership/OwnershipResolver';
import { PrincipalEntityCache } from '../catalog/PrincipalEntityCache';
import { BurdenNotifier } from './BurdenNotifier';
import { NotificationStateStore } from './NotificationStateStore';
import { readNotifySettings } from './notifyConfig';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-20T12:00:00Z');
const at = (hoursAgo: number) => new Date(NOW - hoursAgo * HOUR).toISOString();

const user = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: {},
});

const group = (
  name: string,
  members: string[],
  annotations: Record<string, string> = {},
  children: string[] = [],
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'team', profile: { displayName: name }, children },
  relations: [
    ...members.map(m => ({
      type: 'hasMember',
      targetRef: `user:default/${m}`,
    })),
    ...children.map(c => ({
      type: 'parentOf',
      targetRef: `group:default/${c}`,
    })),
  ],
});

/** Payments with an incident response leader pair; a parent and a sibling team. */
function organisation(leaders = 'user:mei-lin, user:tom-becker'): Entity[] {
  return [
    ...['jane-doe', 'mei-lin', 'tom-becker', 'erik-johansson', 'ada-head'].map(
      user,
    ),
    group('engineering', ['ada-head'], {}, ['payments', 'data']),
    group('payments', ['jane-doe', 'mei-lin'], {
      'sre-ownership.io/incident-response-leader': leaders,
    }),
    group('data', ['erik-johansson']),
  ];
}

/** A catalog whose entities a test can replace between evaluations. */
function changingCatalog(initial: Entity[]) {
  let current = catalogServiceMock({ entities: initial });
  const catalog = new Proxy(
    {},
    {
      get:
        (_target, method) =>
        (...args: unknown[]) =>
          (current as any)[method](...args),
    },
  ) as ReturnType<typeof catalogServiceMock>;
  return {
    catalog,
    replace: (entities: Entity[]) => {
      current = catalogServiceMock({ entities });
    },
  };
}

describe.each(databases.eachSupportedId())(
  'notifications on worsening burden (%s)',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;
    let notifications: NotificationService;
    let inbox: (name: string) => Promise<Notification[]>;
    let oncall: DatabaseOncallStore;
    let state: NotificationStateStore;
    let now = NOW;
    const changing = changingCatalog(organisation());

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      const database = mockServices.database({
        knex,
        migrations: { skip: false },
      });
      oncall = await DatabaseOncallStore.create({ database });
      state = await NotificationStateStore.create({ database });
      // Jane and Mei each carried one 24-hour shift: no rotation is too small.
      await oncall.ingest({
        shifts: [
          ['jane-doe', 48, 24],
          ['mei-lin', 96, 72],
        ].map(([name, from, to]) => ({
          source: 'test',
          externalId: `shift-${name}`,
          teamRef: 'group:default/payments',
          userRef: `user:default/${name}`,
          startsAt: at(from as number),
          endsAt: at(to as number),
        })),
      });
      ({ backend, notifications, inbox } = await startNotificationsBackend(
        organisation(),
      ));
    });

    afterAll(() => backend?.stop());

    /** Pages for Jane during her shift. */
    async function pageJane(count: number, offset: number) {
      await oncall.ingest({
        pages: Array.from({ length: count }, (_, i) => ({
          source: 'test',
          externalId: `page-${offset + i}`,
          entityRef: 'component:default/payments-api',
          teamRef: 'group:default/payments',
          responderRef: 'user:default/jane-doe',
          severity: 'high' as const,
          triggeredAt: at(47 - (offset + i) * 0.5),
        })),
      });
    }

    async function evaluate(notify: object = {}) {
      const config = new ConfigReader({
        sreOwnership: { notifications: { enabled: true, ...notify } },
      });
      const auth = mockServices.auth();
      const logger = mockServices.logger.mock();
      const catalog = changing.catalog;
      const clock = () => new Date(now);
      const onCall = new OnCallNowReader({
        store: oncall,
        ttlMs: 0,
        now: clock,
      });
      const notifier = new BurdenNotifier({
        auth,
        catalog,
        burden: new BurdenService({
          store: oncall,
          catalog,
          permissions: mockServices.permissions(),
          settings: readBurdenSettings(config),
          now: clock,
        }),
        ownership: new OwnershipResolver({
          catalog,
          defaults: {},
          cache: new PrincipalEntityCache(),
          onCall,
        }),
        onCall,
        notifications,
        store: state,
        settings: readNotifySettings(config),
        logger,
        now: clock,
      });
      return notifier.run();
    }

    const status = (n: Notification) =>
      n.payload.scope === 'burden:group:default/payments:status:28d';

    it('sends nothing for a team that stays healthy', async () => {
      const run = await evaluate();
      expect(run.sent).toBe(0);
      expect(await inbox('jane-doe')).toEqual([]);
    });

    it('notifies the team and its role holders when the status worsens', async () => {
      await pageJane(5, 0); // 2.5 pages per shift for Jane: at risk
      const run = await evaluate();
      expect(run.failed).toBe(0);
      for (const name of ['jane-doe', 'mei-lin', 'tom-becker']) {
        const [notification, ...more] = (await inbox(name)).filter(status);
        expect(more).toEqual([]);
        expect(notification.payload).toMatchObject({
          title: 'payments on-call rotation is at risk',
          severity: 'high',
          topic: 'sre-ownership.burden',
          link: '/catalog/default/group/payments',
        });
        expect(notification.payload.description).toContain(
          'averaged more than 2 pages per 12-hour shift',
        );
      }
      // Not the parent group's members, not another team.
      expect(await inbox('ada-head')).toEqual([]);
      expect(await inbox('erik-johansson')).toEqual([]);
    });

    const personal = (n: Notification) =>
      n.payload.scope ===
      'burden:group:default/payments:limits:28d:user:default/jane-doe';

    it('tells only the engineer concerned about a personal limit, as high', async () => {
      const [jane, ...more] = (await inbox('jane-doe')).filter(personal);
      expect(more).toEqual([]);
      expect(jane.payload.title).toBe(
        'You are over the pages per shift limit in payments',
      );
      expect(jane.payload.description).toBe(
        'You averaged 2.5 pages per 12-hour shift (limit 2) in the last 28 days.',
      );
      expect(jane.payload.severity).toBe('high');
      expect((await inbox('mei-lin')).filter(personal)).toEqual([]);
    });

    it('lists every limit crossed in one notification per person', async () => {
      // 90 hours of toil: over half of Jane's working time in the window,
      // under twice the limit.
      await oncall.ingest({
        toil: Array.from({ length: 12 }, (_, day) => ({
          source: 'test',
          externalId: `toil-${day}`,
          teamRef: 'group:default/payments',
          userRef: 'user:default/jane-doe',
          category: 'manual deploys',
          startedAt: at(24 * (day + 1)),
          minutes: 450,
        })),
      });
      const run = await evaluate();
      expect(run.failed).toBe(0);
      const mine = (await inbox('jane-doe')).filter(n =>
        n.payload.scope?.includes(':user:default/jane-doe'),
      );
      expect(mine).toHaveLength(1);
      expect(mine[0].payload.scope).toBe(
        'burden:group:default/payments:limits:28d:user:default/jane-doe',
      );
      expect(mine[0].payload.title).toBe(
        'You are over 2 limits in payments: pages per shift and toil',
      );
      expect(mine[0].payload.description).toMatch(
        /^You (averaged 2\.5 pages per 12-hour shift|spent \d+% of working time on toil).+ You (averaged|spent) /,
      );
      expect(mine[0].payload.severity).toBe('high');
      // Evaluating again changes nothing.
      const again = await evaluate();
      expect(again.sent).toBe(0);
    });

    it('sends nothing when the team stays as it was', async () => {
      const before = await inbox('mei-lin');
      const run = await evaluate();
      expect(run.sent).toBe(0);
      expect(await inbox('mei-lin')).toEqual(before);
    });

    it('updates the notification of the same scope when it worsens again', async () => {
      await pageJane(15, 5); // 20 pages in 48 hours of cover: overloaded
      await evaluate();
      const scoped = (await inbox('mei-lin')).filter(status);
      expect(scoped).toHaveLength(1);
      expect(scoped[0].payload).toMatchObject({
        title: 'payments on-call rotation is overloaded',
        severity: 'critical',
      });
      expect(scoped[0].updated).toBeTruthy();
      expect(scoped[0].read).toBeFalsy();
    });

    it('sends nothing when the team improves, and notifies when it worsens again', async () => {
      const before = (await inbox('mei-lin')).filter(status)[0];
      now = NOW + 40 * 24 * HOUR; // every page has left the window
      expect((await evaluate()).sent).toBe(0);
      expect((await inbox('mei-lin')).filter(status)).toEqual([before]);
      now = NOW;
      await evaluate();
      const [again, ...more] = (await inbox('mei-lin')).filter(status);
      expect(more).toEqual([]);
      expect(new Date(again.updated!).getTime()).toBeGreaterThan(
        new Date(before.updated!).getTime(),
      );
    });

    it('tells the team when a specialist role drops to one person', async () => {
      changing.replace(organisation('user:mei-lin'));
      await evaluate();
      const [role] = (await inbox('jane-doe')).filter(
        n =>
          n.payload.scope ===
          'specialists:group:default/payments:incident-response-leader',
      );
      expect(role.payload).toMatchObject({
        title: 'payments has one incident response leader left',
        topic: 'sre-ownership.specialists',
        severity: 'normal',
      });
      expect(role.payload.description).toContain('Only mei-lin holds');
    });
  },
);
