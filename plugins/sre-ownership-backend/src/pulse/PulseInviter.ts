import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { randomUUID } from 'crypto';
import { PulseSettings } from './pulseConfig';
import { PulseStore } from './PulseStore';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The notification topic of pulse invitations, which people can mute. */
export const PULSE_TOPIC = 'sre-ownership.pulse';

/** What one run of the inviter did. */
export interface InviterRun {
  invited: number;
  failed: number;
}

/**
 * Invites each engineer whose shift ended (and can still be answered) to
 * the pulse, once per shift: the invitation is stored before it is sent, so
 * a rerun or a second replica finds it and sends nothing.
 */
export class PulseInviter {
  constructor(
    private readonly options: {
      store: PulseStore;
      notifications: NotificationService;
      settings: PulseSettings;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  async run(signal?: AbortSignal): Promise<InviterRun> {
    const { store, settings, logger } = this.options;
    const now = (this.options.now?.() ?? new Date()).getTime();
    const shifts = await store.listUninvitedShifts({
      from: now - settings.answerWithinDays * DAY_MS,
      to: now + 1,
    });
    let invited = 0;
    let failed = 0;
    for (const shift of shifts) {
      if (signal?.aborted) break;
      const invitation = {
        id: randomUUID(),
        userRef: shift.userRef,
        teamRef: shift.teamRef,
        shiftSource: shift.source,
        shiftExternalId: shift.externalId,
        shiftEndedAt: shift.endedAt,
      };
      if (!(await store.claimInvitation(invitation, now))) continue;
      try {
        await this.send(invitation.id, invitation.userRef);
        invited += 1;
      } catch (error) {
        failed += 1;
        await store.releaseInvitation(invitation.id);
        logger.warn(
          `Could not send the pulse invitation for a shift of ${shift.teamRef}: ${error}`,
        );
      }
    }
    return { invited, failed };
  }

  private async send(id: string, userRef: string): Promise<void> {
    await this.options.notifications.send({
      recipients: { type: 'entity', entityRef: userRef },
      payload: {
        title: 'How was your on-call shift?',
        description:
          'Three questions, anonymous: only team averages are shown, and only once enough people answered.',
        link: `${this.options.settings.pagePath}/${encodeURIComponent(id)}`,
        severity: 'low',
        topic: PULSE_TOPIC,
        scope: `${PULSE_TOPIC}:${id}`,
      },
    });
  }
}
