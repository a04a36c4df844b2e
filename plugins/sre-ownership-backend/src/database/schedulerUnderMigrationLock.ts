import {
  DatabaseService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { withMigrationLock } from './migrateLatest';

/**
 * The plugin's scheduler, with its first use of the database under the
 * plugin's migration lock ({@link withMigrationLock}).
 *
 * Backstage's scheduler creates its tables in the plugin's database on first
 * use (the first global `scheduleTask`, `triggerTask` or `cancelTask`),
 * through knex's own migration lock. knex creates that lock's table and row
 * without any lock, so instances starting at once on an empty database can
 * each insert a row; knex then refuses to lock ("Migration table is already
 * locked") and the plugin fails to start on every instance, now and at every
 * later start (knex/knex#3538). Taken under the plugin's advisory lock, one
 * instance creates the tables and the others find them.
 */
export function schedulerUnderMigrationLock(
  scheduler: SchedulerService,
  database: DatabaseService,
): SchedulerService {
  let firstUse: Promise<unknown> | undefined;
  const afterFirstUse = <T>(use: () => Promise<T>): Promise<T> => {
    if (!firstUse) {
      const first = database
        .getClient()
        .then(knex => withMigrationLock(knex, use));
      // Later calls wait for the tables, whatever the first call's outcome.
      firstUse = first.catch(() => undefined);
      return first;
    }
    return firstUse.then(use);
  };
  const locked: SchedulerService = {
    scheduleTask: task => afterFirstUse(() => scheduler.scheduleTask(task)),
    triggerTask: id => afterFirstUse(() => scheduler.triggerTask(id)),
    cancelTask: id => afterFirstUse(() => scheduler.cancelTask(id)),
    createScheduledTaskRunner: schedule => ({
      run: task => locked.scheduleTask({ ...task, ...schedule }),
    }),
    getScheduledTasks: () => scheduler.getScheduledTasks(),
  };
  return locked;
}
