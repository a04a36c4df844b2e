import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import {
  createMockDirectory,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { pathToFileURL } from 'node:url';
import { sreOwnershipPlugin } from '../plugin';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const feeds = createMockDirectory();

const DAY_MS = 86_400_000;
const icsTime = (ms: number) =>
  `${new Date(ms).toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;

/** A weekly rota of one person that started a week ago, in UTC. */
const aWeeklyRota = (uid: string, email: string) => {
  const start = Math.floor(Date.now() / DAY_MS) * DAY_MS - 7 * DAY_MS;
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTART:${icsTime(start)}`,
    `DTEND:${icsTime(start + 7 * DAY_MS)}`,
    'RRULE:FREQ=WEEKLY;COUNT=4',
    `ATTENDEE:mailto:${email}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');
};

const entity = (kind: string, name: string, rest: Partial<Entity> = {}) =>
  ({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    ...rest,
    metadata: { name, namespace: 'default', ...rest.metadata },
    spec: rest.spec ?? {},
  } as Entity);

describe('on-call schedule sync wiring', () => {
  let knex: Knex;

  beforeAll(async () => {
    knex = await databases.init('SQLITE_3');
    feeds.setContent({
      'platform.ics': aWeeklyRota('platform', 'amara.okafor@acme.example'),
      'search.ics': aWeeklyRota('search', 'kenji.sato@acme.example'),
    });
  });

  const entities = () => [
    entity('User', 'amara-okafor', {
      spec: { profile: { email: 'amara.okafor@acme.example' } },
    }),
    entity('User', 'kenji-sato', {
      spec: { profile: { email: 'kenji.sato@acme.example' } },
    }),
    entity('Group', 'platform-sre', {
      metadata: {
        name: 'platform-sre',
        annotations: {
          'sre-ownership.io/oncall-schedule-url':
            'https://schedules.example.com/platform.ics',
        },
      },
    }),
    entity('Group', 'search'),
  ];

  const config = {
    sreOwnership: {
      schedules: [
        {
          name: 'search-primary',
          url: pathToFileURL(feeds.resolve('search.ics')).href,
          team: 'search',
        },
      ],
      scheduleSync: { frequency: { minutes: 5 } },
    },
  };

  it('schedules one global sync task at the configured frequency', async () => {
    const scheduler = mockServices.scheduler.mock();
    await startTestBackend({
      features: [
        sreOwnershipPlugin,
        catalogServiceMock.factory({ entities: entities() }),
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({ data: config }),
        scheduler.factory,
      ],
    });
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'sre-ownership-ics-sync',
        scope: 'global',
        frequency: { minutes: 5 },
        initialDelay: { seconds: 10 },
      }),
    );
  });

  it('stores the shifts of annotated Groups and configured feeds when it runs', async () => {
    // Annotated feeds are read through the backend's URL reader.
    const urlReader = mockServices.urlReader.mock({
      readUrl: async () => {
        const calendar = readFileSync(feeds.resolve('platform.ics'));
        return {
          buffer: async () => calendar,
          stream: () => Readable.from([calendar]),
        };
      },
    });
    await startTestBackend({
      features: [
        urlReader.factory,
        sreOwnershipPlugin,
        catalogServiceMock.factory({ entities: entities() }),
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({ data: config }),
        mockServices.scheduler.factory({
          includeInitialDelayedTasksOnStartup: true,
        }),
      ],
    });
    const rows = await knex('oncall_shifts')
      .select('source', 'team_ref', 'user_ref')
      .count({ n: '*' })
      .groupBy('source', 'team_ref', 'user_ref')
      .orderBy('source');
    expect(rows.map(row => ({ ...row, n: Number(row.n) }))).toEqual([
      {
        source: 'ics:group:default/platform-sre',
        team_ref: 'group:default/platform-sre',
        user_ref: 'user:default/amara-okafor',
        n: 4,
      },
      {
        source: 'ics:search-primary',
        team_ref: 'group:default/search',
        user_ref: 'user:default/kenji-sato',
        n: 4,
      },
    ]);
  });
});
