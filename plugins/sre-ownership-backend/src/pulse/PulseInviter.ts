import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { randomUUID } from 'crypto';
import { PulseSettings } from './pulseConfig';
import { onCallPeriodOf, PERIOD_LOOKBACK_MS } from './onCallPeriod';
import { PulseStore, StoredInvitation } from './PulseStore';

const DAY_MS = 24 * 60 * 60 * 1000;

/** "30 Nov, 09:00 – 7 Dec, 09:00 UTC". */
export function describeOnCallPeriod(
  startedAt: number,
  endedAt: number,
): string {
  const format = (at: number) =>
    new Date(at).toLocaleString('en-GB', {
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'UTC',
    });
  return `${format(startedAt)} – ${format(endedAt)} UTC`;
}

/** The name part of an entity ref: `payments` of `group:default/payments`. */
function nameOf(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

/** The notification topic of pulse invitations, which people can mute. */
export const PULSE_TOPIC = 'sre-ownership.pulse';

/** What one run of the inviter did. */
export interface InviterRun {
  invited: number;
  failed: number;
}

/**
 * Invites each engineer whose on-call period ended (and can still be
 * answered) to the pulse, once per continuous period: adjacent or
 * overlapping shifts of one engineer for one team are one period, invited
 * about by the shift that ends it and named in the invitation. The invitation is stored before it is sent, so
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
      const period = onCallPeriodOf(
        shift,
        await store.listShiftSpans({
          userRef: shift.userRef,
          teamRef: shift.teamRef,
          from: shift.startedAt - PERIOD_LOOKBACK_MS,
          to: shift.endedAt,
        }),
      );
      // A shift the next one carries on is not the end of the on-call:
      // the shift that ends the period invites, once, for all of it.
      if (!period.ended) continue;
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
        await this.send(invitation, period.startedAt);
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

  private async send(
    invitation: StoredInvitation,
    onCallStartedAt: number,
  ): Promise<void> {
    const { id, userRef } = invitation;
    const period = describeOnCallPeriod(
      onCallStartedAt,
      invitation.shiftEndedAt,
    );
    await this.options.notifications.send({
      recipients: { type: 'entity', entityRef: userRef },
      payload: {
        title: `How was your on-call, ${period}?`,
        description: `Your on-call for ${nameOf(
          invitation.teamRef,
        )} ${period} has ended. Three questions, anonymous: only team averages are shown, and only once enough people answered.`,
        link: `${this.options.settings.pagePath}/${encodeURIComponent(id)}`,
        severity: 'low',
        topic: PULSE_TOPIC,
        scope: `${PULSE_TOPIC}:${id}`,
      },
    });
  }
}
