import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { PulseSettings } from './pulseConfig';
import { PulseInviter } from './PulseInviter';
import { PulseStore } from './PulseStore';

/** The id of the scheduled pulse invitations. */
export const PULSE_TASK_ID = 'sre-ownership-pulse-invitations';

/**
 * Schedules the pulse invitations when `sreOwnership.pulse.invitations.enabled`
 * is true: once across all replicas (global scope), on its frequency.
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
    },
  });
}
