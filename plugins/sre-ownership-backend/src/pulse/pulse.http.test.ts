import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { Notification } from '@backstage/plugin-notifications-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Server } from 'node:http';
import request from 'supertest';
import { startNotificationsBackend } from '../__testUtils__/notificationsBackend';
import { sreOwnershipPlugin } from '../plugin';
import { DatabasePulseStore } from './DatabasePulseStore';
import { readPulseSettings } from './pulseConfig';
import { PULSE_TOPIC, PulseInviter } from './PulseInviter';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const HOUR = 3_600_000;

const user = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: {},
});
const organisation: Entity[] = [
  user('jane-doe'),
  user('tom-becker'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments', namespace: 'default' },
    spec: { type: 'team', children: [] },
    relations: ['jane-doe', 'tom-becker'].map(name => ({
      type: 'hasMember',
      targetRef: `user:default/${name}`,
    })),
  },
];

const as = (name: string) =>
  mockCredentials.user.header(`user:default/${name}`);

describe.each(databases.eachSupportedId())(
  'the on-call pulse through its routes (%s)',
  databaseId => {
    let server: Server;
    let inbox: (name: string) => Promise<Notification[]>;
    let invite: () => Promise<{ invited: number; failed: number }>;
    const stops: Array<() => Promise<void>> = [];

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      const plugin = await startTestBackend({
        features: [
          sreOwnershipPlugin,
          catalogServiceMock.factory({ entities: organisation }),
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              sreOwnership: {
                pulse: { markerKey: 'a secret for the pulse route test' },
              },
            },
          }),
        ],
      });
      stops.push(() => plugin.stop());
      server = plugin.server;

      // A separate backend holds the real notifications plugin.
      const notificationsBackend = await startNotificationsBackend(
        organisation,
      );
      stops.push(() => notificationsBackend.backend.stop());
      inbox = notificationsBackend.inbox;

      const base = Date.now();
      const ended = (name: string, hoursAgo: number, id: string) => ({
        source: 'test',
        externalId: id,
        teamRef: 'group:default/payments',
        userRef: `user:default/${name}`,
        startsAt: new Date(base - (hoursAgo + 24) * HOUR).toISOString(),
        endsAt: new Date(base - hoursAgo * HOUR).toISOString(),
      });
      const ingested = await request(server)
        .post('/api/sre-ownership/events')
        .send({
          shifts: [
            ended('jane-doe', 2, 'jane-1'),
            // Two adjacent days of one on-call: one period, one invitation.
            ended('tom-becker', 54, 'tom-0'),
            ended('tom-becker', 30, 'tom-1'),
            // Not begun yet: nobody is invited for it.
            ended('jane-doe', -30, 'jane-2'),
          ],
        });
      if (ingested.status !== 201) {
        throw new Error(`Could not store the shifts: ${ingested.text}`);
      }

      const inviter = new PulseInviter({
        store: await DatabasePulseStore.create({
          database: mockServices.database({ knex, migrations: { skip: true } }),
        }),
        notifications: notificationsBackend.notifications,
        settings: readPulseSettings(new ConfigReader({})),
        logger: mockServices.logger.mock(),
      });
      invite = () => inviter.run();
    });

    afterAll(async () => {
      for (const stop of stops) await stop();
    });

    const invitationOf = async (name: string) => {
      const [notification, ...more] = (await inbox(name)).filter(
        n => n.payload.topic === PULSE_TOPIC,
      );
      expect(more).toEqual([]);
      return notification;
    };
    const idOf = (notification: Notification) =>
      notification.payload.link!.replace('/oncall-pulse/', '');
    const answer = (id: string, name: string, body: object) =>
      request(server)
        .post(`/api/sre-ownership/pulse/invitations/${id}/answer`)
        .set('Authorization', as(name))
        .send(body);
    const scores = { sustainable: 2, sleep: 1, actionable: 4 };

    it('invites each engineer once per continuous on-call period, naming it', async () => {
      expect(await invite()).toEqual({ invited: 2, failed: 0 });
      expect(await invite()).toEqual({ invited: 0, failed: 0 });
      const jane = await invitationOf('jane-doe');
      expect(jane.payload).toMatchObject({
        title: expect.stringMatching(/^How was your on-call, .+ – .+ UTC\?$/),
        severity: 'low',
        link: expect.stringMatching(/^\/oncall-pulse\/[\w-]+$/),
      });
      expect(jane.payload.description).toMatch(/^Your on-call for payments /);
      expect(jane.payload.scope).toBe(`${PULSE_TOPIC}:${idOf(jane)}`);
      // Tom's two days are one period, from the first day's start.
      const tom = await invitationOf('tom-becker');
      const response = await request(server)
        .get(`/api/sre-ownership/pulse/invitations/${idOf(tom)}`)
        .set('Authorization', as('tom-becker'));
      expect(response.status).toBe(200);
      const { from, to } = response.body.onCall;
      expect(Date.parse(to) - Date.parse(from)).toBe(48 * HOUR);
    });

    it('lets only the invited engineer see and answer their invitation, once', async () => {
      const id = idOf(await invitationOf('jane-doe'));
      const asTom = await request(server)
        .get(`/api/sre-ownership/pulse/invitations/${id}`)
        .set('Authorization', as('tom-becker'));
      expect(asTom.status).toBe(403);
      expect((await answer(id, 'tom-becker', { scores })).status).toBe(403);

      const open = await request(server)
        .get(`/api/sre-ownership/pulse/invitations/${id}`)
        .set('Authorization', as('jane-doe'));
      expect(open.status).toBe(200);
      expect(open.body).toMatchObject({
        id,
        teamRef: 'group:default/payments',
        state: 'open',
      });
      expect(Object.keys(open.body).sort()).toEqual([
        'answerBy',
        'id',
        'onCall',
        'period',
        'state',
        'teamRef',
      ]);
      // Jane's own on-call period, told to Jane only.
      expect(
        Date.parse(open.body.onCall.to) - Date.parse(open.body.onCall.from),
      ).toBe(24 * HOUR);

      const first = await answer(id, 'jane-doe', {
        scores,
        comment: 'The 3 am pages were all for one flaky check',
      });
      expect(first.status).toBe(201);
      expect(first.body.state).toBe('answered');
      const again = await answer(id, 'jane-doe', { scores });
      expect(again.status).toBe(409);
      expect(again.body.error.message).toMatch(/answered the pulse/);
    });

    it('refuses an invalid answer with a 400 naming the field', async () => {
      const id = idOf(await invitationOf('tom-becker'));
      const tooHigh = await answer(id, 'tom-becker', {
        scores: { ...scores, sleep: 6 },
      });
      expect(tooHigh.status).toBe(400);
      expect(tooHigh.body.error.message).toMatch(/sleep/);
      const long = await answer(id, 'tom-becker', {
        scores,
        comment: 'x'.repeat(1001),
      });
      expect(long.status).toBe(400);
      expect(long.body.error.message).toMatch(/comment/);
      const control = await answer(id, 'tom-becker', {
        scores,
        comment: 'bell\u0007',
      });
      expect(control.status).toBe(400);
      expect(control.body.error.message).toMatch(/comment/);
      const missing = await answer(id, 'tom-becker', {
        scores: { sustainable: 3, sleep: 3 },
      });
      expect(missing.status).toBe(400);
      expect(missing.body.error.message).toMatch(/actionable/);
    });

    it('answers 404 for an unknown invitation', async () => {
      const response = await answer('no-such-invitation', 'jane-doe', {
        scores,
      });
      expect(response.status).toBe(404);
    });

    it('shows no average below the minimum and names nobody on any route', async () => {
      const pulse = await request(server)
        .get('/api/sre-ownership/teams/default/payments/pulse')
        .set('Authorization', as('tom-becker'));
      expect(pulse.status).toBe(200);
      expect(pulse.body.minimumAnswers).toBe(5);
      expect(pulse.body.current.averages).toBeUndefined();
      expect(pulse.body.previous.averages).toBeUndefined();
      expect(pulse.body.declines).toEqual([]);

      const comments = await request(server)
        .get('/api/sre-ownership/teams/default/payments/pulse/comments')
        .set('Authorization', as('tom-becker'));
      expect(comments.status).toBe(200);
      expect(comments.body.comments).toEqual([]);

      const everything = JSON.stringify([pulse.body, comments.body]);
      expect(everything).not.toMatch(/jane|tom|user:/);
    });
  },
);
