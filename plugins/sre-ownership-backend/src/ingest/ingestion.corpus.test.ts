import { createHmac } from 'node:crypto';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import request from 'supertest';
import { anOrganisation } from '../__testUtils__/catalog';
import {
  badDeliveries,
  goodAlert,
  goodIncidentEvent,
  goodRecords,
  IngestionRoute,
} from './__testUtils__/badDeliveries';
import { sreOwnershipPlugin } from '../plugin';

jest.setTimeout(300_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const SECRET = 'corpus-s3cret';

const PATHS: Record<IngestionRoute, string> = {
  events: '/api/sre-ownership/events',
  alertmanager: '/api/sre-ownership/webhooks/alertmanager',
  pagerduty: '/api/sre-ownership/webhooks/pagerduty',
};

const corpus = badDeliveries();

describe('the corpus of bad deliveries', () => {
  it('covers every route with at least 1,000 deliveries', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(1000);
    for (const route of Object.keys(PATHS)) {
      expect(corpus.filter(d => d.route === route).length).toBeGreaterThan(50);
    }
  });
});

describe.each(databases.eachSupportedId())(
  'every ingestion route refuses bad deliveries whole (%s)',
  databaseId => {
    let knex: Knex;
    let server: Parameters<typeof request>[0];

    const send = (route: IngestionRoute, body: unknown) => {
      const raw = JSON.stringify(body);
      const delivery = request(server)
        .post(PATHS[route])
        .set('content-type', 'application/json');
      if (route === 'pagerduty') {
        const signature = createHmac('sha256', SECRET)
          .update(raw)
          .digest('hex');
        delivery.set('x-pagerduty-signature', `v1=${signature}`);
      }
      return delivery.send(raw);
    };

    // Everything stored, to show that a refused delivery changed nothing.
    const snapshot = async () =>
      JSON.stringify(
        await Promise.all(
          ['oncall_shifts', 'oncall_pages', 'toil_entries'].map(table =>
            knex(table).select().orderBy('id'),
          ),
        ),
      );

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      const entities = anOrganisation().map(entity =>
        entity.metadata.name === 'payments-api'
          ? {
              ...entity,
              metadata: {
                ...entity.metadata,
                annotations: {
                  ...entity.metadata.annotations,
                  'pagerduty.com/service-id': 'PAYAPI1',
                },
              },
            }
          : entity,
      );
      ({ server } = await startTestBackend({
        features: [
          sreOwnershipPlugin,
          catalogServiceMock.factory({ entities }),
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: { sreOwnership: { pagerDuty: { webhookSecrets: [SECRET] } } },
          }),
        ],
      }));
      // Rows the good records of the bad deliveries would change or add to.
      const seeded = [
        await send('events', {
          shifts: [{ ...goodRecords.shifts(0), schedule: 'secondary' }],
          pages: [{ ...goodRecords.pages(0), title: 'Earlier title' }],
          toil: [{ ...goodRecords.toil(0), minutes: 30 }],
        }),
        await send('alertmanager', {
          version: '4',
          status: 'firing',
          alerts: [goodAlert(1, 'firing')],
        }),
        await send('pagerduty', {
          event: {
            ...goodIncidentEvent().event,
            event_type: 'incident.triggered',
            occurred_at: '2026-03-03T02:00:00Z',
          },
        }),
      ];
      const statuses = seeded.map(response => response.status);
      if (statuses.join() !== '201,201,202') {
        throw new Error(`Seeding the database failed: ${statuses}`);
      }
    });

    it(`answers each of the ${corpus.length} with a 4xx naming the field, and stores nothing`, async () => {
      const before = await snapshot();
      expect(before).toContain('Earlier title');
      const wrong: string[] = [];
      for (const delivery of corpus) {
        const response = await send(delivery.route, delivery.body);
        const message: string = response.body?.error?.message ?? '';
        if (response.status < 400 || response.status >= 500) {
          wrong.push(
            `${delivery.route} ${delivery.what}: ${response.status} ${message}`,
          );
        } else if (!message.includes(`${delivery.field}:`)) {
          wrong.push(
            `${delivery.route} ${delivery.what}: does not name ${delivery.field}: ${message}`,
          );
        }
      }
      expect(wrong).toEqual([]);
      expect(await snapshot()).toBe(before);
    });
  },
);
