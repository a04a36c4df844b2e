import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { PulseSettings } from './pulseConfig';
import { PulseInviter } from './PulseInviter';
import { PulsePublisher } from './PulsePublisher';
import { PulseStore } from './PulseStore';

/** The id of the scheduled pulse invitations. */
export const PULSE_TASK_ID = 'sre-ownership-pulse-invitations';

/**
 * Schedules the pulse invitations when `sreOwnership.pulse.invitations.enabled`
 * is true: once across all replicas (global scope), on its frequency. The
 * same task publishes the periods whose answers have closed, so that their
 * totals do not wait for a reader to become summaries.
 */
export async function schedulePulseInvitations(options: {
  scheduler: SchedulerService;
  logger: LoggerService;
  notifications: NotificationService;
  store: PulseStore;
  settings: PulseSettings;
}): Promise<void> {
  const { settings, scheduler } = options;
  if (!settings.invitations) return;
  const logger = options.logger.child({ task: PULSE_TASK_ID });
  const inviter = new PulseInviter({ ...options, logger });
  const publisher = new PulsePublisher(options);
  await scheduler.scheduleTask({
    id: PULSE_TASK_ID,
    scope: 'global',
    frequency: settings.frequency,
    timeout: { minutes: 5 },
    initialDelay: { seconds: 30 },
    fn: async signal => {
      const run = await inviter.run(signal);
      if (run.invited || run.failed) {
        logger.info(
          `Sent ${run.invited} pulse invitations (${run.failed} failed)`,
        );
      }
      const published = await publisher.publishDue(Date.now());
      if (published) logger.info(`Published ${published} pulse periods`);
    },
  });
}
