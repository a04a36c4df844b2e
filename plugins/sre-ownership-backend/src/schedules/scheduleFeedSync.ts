import {
  AuthService,
  LoggerService,
  SchedulerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { OncallStore } from '../oncall/OncallStore';
import { IcsScheduleSync } from './ics/IcsScheduleSync';
import { ScheduleFeedConfig } from './scheduleConfig';

/** The scheduled task that reads the schedule feeds. */
export const ICS_SYNC_TASK_ID = 'sre-ownership-ics-sync';

/**
 * Schedules the reading of the schedule feeds: a global task, so one
 * replica at a time writes a feed's shifts.
 */
export async function scheduleFeedSync(options: {
  catalog: CatalogService;
  urlReader: UrlReaderService;
  auth: AuthService;
  logger: LoggerService;
  scheduler: SchedulerService;
  store: OncallStore;
  feeds: ScheduleFeedConfig[];
  frequency: HumanDuration;
}): Promise<void> {
  const { scheduler, frequency } = options;
  const icsSync = new IcsScheduleSync({
    catalog: options.catalog,
    urlReader: options.urlReader,
    auth: options.auth,
    logger: options.logger.child({ task: ICS_SYNC_TASK_ID }),
    store: options.store,
    feeds: options.feeds,
  });
  await scheduler.scheduleTask({
    id: ICS_SYNC_TASK_ID,
    scope: 'global',
    frequency,
    timeout: { minutes: 5 },
    initialDelay: { seconds: 10 },
    fn: async signal => {
      await icsSync.run(signal);
    },
  });
}
