import {
  AuthService,
  DatabaseService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { BurdenService } from '../burden/BurdenService';
import { OnCallNowReader } from '../oncall/OnCallNowReader';
import { OwnershipResolver } from '../ownership/OwnershipResolver';
import { BurdenNotifier } from './BurdenNotifier';
import { NotificationStateStore } from './NotificationStateStore';
import { NotifySettings } from './notifyConfig';

/** The id of the scheduled notification evaluation. */
export const NOTIFY_TASK_ID = 'sre-ownership-notify';

/**
 * Schedules the notification evaluation when `sreOwnership.notifications`
 * is enabled: once across all replicas (global scope), on its configured
 * frequency.
 */
export async function scheduleNotifications(options: {
  database: DatabaseService;
  scheduler: SchedulerService;
  logger: LoggerService;
  auth: AuthService;
  catalog: CatalogService;
  notifications: NotificationService;
  burden: BurdenService;
  ownership: OwnershipResolver;
  onCall: OnCallNowReader;
  settings: NotifySettings;
}): Promise<void> {
  const { settings } = options;
  if (!settings.enabled) return;
  const logger = options.logger.child({ task: NOTIFY_TASK_ID });
  const notifier = new BurdenNotifier({
    ...options,
    logger,
    settings,
    store: await NotificationStateStore.create({ database: options.database }),
  });
  await options.scheduler.scheduleTask({
    id: NOTIFY_TASK_ID,
    scope: 'global',
    frequency: settings.frequency,
    timeout: { minutes: 10 },
    initialDelay: { seconds: 30 },
    fn: async signal => {
      const run = await notifier.run(signal);
      if (run.sent || run.failed) {
        logger.info(
          `Sent ${run.sent} notifications (${run.failed} failed) for ${run.conditions} conditions`,
        );
      }
    },
  });
}
