import { DefaultSchedulerService } from '@backstage/backend-defaults/scheduler';
import {
  DatabaseService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { schedulerUnderMigrationLock } from './schedulerUnderMigrationLock';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
const INSTANCES = 6;

/** Counters, histograms and gauges that record nothing. */
const noMetrics = {
  createCounter: () => ({ add: () => {} }),
  createUpDownCounter: () => ({ add: () => {} }),
  createHistogram: () => ({ record: () => {} }),
  createGauge: () => ({ record: () => {} }),
};

/** Backstage's scheduler of one backend instance, on its own pool. */
function schedulerOf(database: DatabaseService): SchedulerService {
  return DefaultSchedulerService.create({
    database,
    logger: mockServices.logger.mock(),
    metrics: noMetrics as unknown as Parameters<
      typeof DefaultSchedulerService.create
    >[0]['metrics'],
    rootLifecycle: mockServices.rootLifecycle.mock(),
    httpRouter: mockServices.httpRouter.mock(),
    pluginMetadata: { getId: () => 'sre-ownership' },
  });
}

describe('schedulerUnderMigrationLock (POSTGRES_15)', () => {
  const instances: Knex[] = [];

  afterEach(async () => {
    await Promise.all(instances.splice(0).map(instance => instance.destroy()));
  });

  it("lets instances starting at once on an empty database all schedule their tasks, leaving one lock row for the scheduler's migrations", async () => {
    const fresh = await databases.init('POSTGRES_15');
    const schedulers = [];
    for (let i = 0; i < INSTANCES; i += 1) {
      const knex = knexFactory({
        client: 'pg',
        connection: fresh.client.config.connection,
        pool: { min: 0, max: 3 },
      });
      instances.push(knex);
      const database = mockServices.database({ knex });
      schedulers.push(
        schedulerUnderMigrationLock(schedulerOf(database), database),
      );
    }
    // Connected already, so that all of them start together.
    await Promise.all(instances.map(instance => instance.raw('SELECT 1')));

    const outcomes = await Promise.allSettled(
      schedulers.map(scheduler =>
        scheduler.scheduleTask({
          id: 'sre-ownership-ics-sync',
          scope: 'global',
          frequency: { minutes: 15 },
          timeout: { minutes: 1 },
          initialDelay: { hours: 1 },
          fn: async () => {},
        }),
      ),
    );

    expect(outcomes.map(outcome => outcome.status)).toEqual(
      Array(INSTANCES).fill('fulfilled'),
    );
    const lockRows = await fresh(
      'backstage_backend_tasks__knex_migrations_lock',
    ).select('is_locked');
    expect(lockRows).toEqual([{ is_locked: 0 }]);
  });
});
