import {
  coreServices,
  createServiceFactory,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { urlReaderServiceFactory } from '@backstage/backend-defaults/urlReader';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import request from 'supertest';
import { DatabaseOncallStore } from '../../oncall/DatabaseOncallStore';
import { sreOwnershipPlugin } from '../../plugin';
import { startFeedServer } from './__testUtils__/feedServer';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

/** Every log line of the backend, with its fields. */
function capturingLogger(lines: string[]): LoggerService {
  const logger: LoggerService = {
    error: (message, meta) =>
      void lines.push(`${message} ${JSON.stringify(meta ?? {})}`),
    warn: (message, meta) =>
      void lines.push(`${message} ${JSON.stringify(meta ?? {})}`),
    info: (message, meta) =>
      void lines.push(`${message} ${JSON.stringify(meta ?? {})}`),
    debug: (message, meta) =>
      void lines.push(`${message} ${JSON.stringify(meta ?? {})}`),
    child: () => logger,
  };
  return logger;
}

const entity = (kind: string, name: string, spec: object = {}) =>
  ({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default' },
    spec,
  } as Entity);

// Starts now, so the shift falls inside the window a run reads.
const aRota = () => {
  const start = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+/, '');
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'BEGIN:VEVENT',
    'UID:weekly-rota',
    `DTSTART:${start}`,
    'DURATION:P7D',
    'ATTENDEE:mailto:amara.okafor@acme.example',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');
};

/** Makes every insert of a shift fail with the database's own error. */
async function refuseShifts(knex: Knex) {
  if (knex.client.config.client === 'pg') {
    await knex.raw(`CREATE OR REPLACE FUNCTION refuse_shifts() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'shifts refused'; END $$ LANGUAGE plpgsql`);
    await knex.raw(`CREATE TRIGGER refuse_shifts BEFORE INSERT ON oncall_shifts
      FOR EACH ROW EXECUTE FUNCTION refuse_shifts()`);
  } else {
    await knex.raw(`CREATE TRIGGER refuse_shifts BEFORE INSERT ON oncall_shifts
      BEGIN SELECT RAISE(ABORT, 'shifts refused'); END`);
  }
}

describe.each(databases.eachSupportedId())(
  'schedule feed secrets (%s)',
  databaseId => {
    let feeds: Awaited<ReturnType<typeof startFeedServer>>;

    beforeAll(async () => {
      feeds = await startFeedServer((req, res) => {
        if (req.url?.startsWith('/moved.ics')) {
          res.writeHead(302, {
            location: `/private/SECRET-IN-THE-REDIRECT/feed.ics?token=SECRET-QUERY`,
          });
        } else if (req.url?.startsWith('/moved-away.ics')) {
          res.writeHead(302, {
            location: 'https://elsewhere.example/private/SECRET-AWAY/feed.ics',
          });
        } else if (req.url === '/rota.ics') {
          res.writeHead(200, { 'content-type': 'text/calendar' });
          res.write(aRota());
        } else {
          res.writeHead(404, 'Not Found');
        }
        res.end();
      });
    });

    afterAll(() => feeds.close());

    it('shows every failed feed by its name and masked host only, in the route and the log', async () => {
      const knex = await databases.init(databaseId);
      await DatabaseOncallStore.create({
        database: mockServices.database({ knex }),
      });
      await refuseShifts(knex);
      const logs: string[] = [];
      const schedules = [
        [
          'gone',
          `${feeds.origin}/private/SECRET-IN-THE-PATH/feed.ics?token=SECRET-QUERY`,
        ],
        ['moved', `${feeds.origin}/moved.ics?token=SECRET-QUERY`],
        ['moved-away', `${feeds.origin}/moved-away.ics`],
        ['with-password', `http://user:SECRET-PASSWORD@${feeds.host}/feed.ics`],
        ['local', 'file:///srv/SECRET-DIR/rota.ics'],
        [
          'unresolvable',
          'https://feeds.invalid/private/SECRET-IN-DNS/feed.ics',
        ],
        ['refused-by-the-database', `${feeds.origin}/rota.ics`],
      ].map(([name, url]) => ({ name, url, team: 'group:default/payments' }));
      const backend = await startTestBackend({
        features: [
          sreOwnershipPlugin,
          urlReaderServiceFactory,
          catalogServiceMock.factory({
            entities: [
              entity('User', 'amara-okafor', {
                profile: { email: 'amara.okafor@acme.example' },
              }),
              entity('Group', 'payments'),
            ],
          }),
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              backend: {
                reading: {
                  allow: [{ host: feeds.host }, { host: '*.invalid' }],
                },
              },
              sreOwnership: { schedules },
            },
          }),
          mockServices.scheduler.factory({
            includeInitialDelayedTasksOnStartup: true,
          }),
          createServiceFactory({
            service: coreServices.logger,
            deps: {},
            factory: () => capturingLogger(logs),
          }),
        ],
      });

      const response = await request(backend.server)
        .get('/api/sre-ownership/schedules/status')
        .set('authorization', mockCredentials.user.header());

      expect(response.status).toBe(200);
      const errors = Object.fromEntries(
        response.body.items.map(
          (item: { feed: string; lastError?: string }) => [
            item.feed,
            item.lastError,
          ],
        ),
      );
      expect(errors).toEqual({
        gone: `answered HTTP 404 Not Found at http://${feeds.host}/…`,
        moved: `answered HTTP 404 Not Found at http://${feeds.host}/…, where http://${feeds.host}/… redirected`,
        'moved-away': `redirected from http://${feeds.host}/… to https://elsewhere.example/…, which backend.reading.allow does not allow`,
        'with-password': `is at http://${feeds.host}/… with a user name or password in the URL, which is not sent; put the feed's token in its path or query`,
        local: 'is a local file (file:…) that does not exist',
        unresolvable:
          'could not be fetched from https://feeds.invalid/…: the host name did not resolve, or the connection failed',
        'refused-by-the-database':
          'its shifts could not be stored: a database error, logged by the backend',
      });
      expect(response.text).not.toMatch(/SECRET|insert into|oncall_shifts/i);
      const feedLog = logs.filter(line => /schedule feed/.test(line));
      expect(feedLog).toHaveLength(schedules.length);
      expect(feedLog.join('\n')).not.toMatch(/SECRET/);
      // The database's own words go to the log, for an operator.
      expect(feedLog.join('\n')).toMatch(/shifts refused/);
      await backend.stop();
    });
  },
);
