import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  PulseAnswer,
  PulseDecline,
  PulseInvitation,
  PulsePeriod,
  PulsePeriodSummary,
  TeamPulse,
  TeamPulseComments,
  publishedPulsePeriods,
  pulseDeclines,
  pulsePeriodOf,
} from '@sre-ownership/plugin-sre-ownership-common';
import { createHmac } from 'crypto';
import { PulseSettings } from './pulseConfig';
import { PulsePublisher } from './PulsePublisher';
import { onCallPeriodOf, PERIOD_LOOKBACK_MS } from './onCallPeriod';
import { PulseStore, StoredInvitation } from './PulseStore';
import { shuffle } from './shuffle';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The on-call pulse: an invited engineer's view of their invitation and
 * their one answer per team and period, and each team's published
 * summaries. An answer is only ever added to its period's totals; the trace
 * of who answered is a keyed hash, written apart from the answer.
 */
export class PulseService {
  private readonly publisher: PulsePublisher;

  constructor(
    private readonly options: {
      store: PulseStore;
      catalog: CatalogService;
      auth: AuthService;
      settings: PulseSettings;
      now?: () => Date;
    },
  ) {
    this.publisher = new PulsePublisher(options);
  }

  /** The caller's own invitation; 403 for anyone but its engineer. */
  async getInvitation(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<PulseInvitation> {
    const invitation = await this.ownInvitation(id, credentials);
    return this.describe(invitation, await this.state(invitation));
  }

  /**
   * Records the caller's answer, once per team and period, while the
   * invitation is open; 409 when they answered for the period already or
   * it has closed.
   */
  async answer(
    id: string,
    answer: PulseAnswer,
    credentials: BackstageCredentials,
  ): Promise<PulseInvitation> {
    const invitation = await this.ownInvitation(id, credentials);
    const marker = this.marker(invitation);
    const state = await this.state(invitation);
    if (state === 'answered') throw this.answeredAlready(invitation);
    if (state === 'closed' || !marker) throw this.closed();
    // The marker is written on its own, before and apart from the answer:
    // no transaction, row or id of the answer's write names it.
    if (!(await this.options.store.claimAnswerMarker(marker))) {
      throw this.answeredAlready(invitation);
    }
    const comment = answer.comment?.trim();
    let outcome: 'added' | 'published';
    try {
      outcome = await this.options.store.addToOpenPeriod({
        teamRef: invitation.teamRef,
        periodStart: this.periodOf(invitation).from,
        scores: answer.scores,
        ...(comment ? { comment } : {}),
      });
    } catch (error) {
      // Not counted, so the engineer may send it again; the answer's own
      // error is the one to report.
      await this.options.store.releaseAnswerMarker(marker).catch(() => {});
      throw error;
    }
    if (outcome === 'published') throw this.closed();
    return this.describe(invitation, 'answered');
  }

  /** A team's pulse, for anyone who may see the Group. */
  async getTeamPulse(
    team: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<TeamPulse> {
    return this.summarise(await this.visibleTeam(team, credentials));
  }

  /**
   * The comments of the team's latest published period, shuffled; none when
   * that period stayed below the minimum. The route has checked
   * `sre-ownership.pulse.comments.read` on the team.
   */
  async getComments(
    team: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<TeamPulseComments> {
    const teamRef = await this.visibleTeam(team, credentials);
    const { current: period } = publishedPulsePeriods(
      this.now(),
      this.options.settings.periodDays,
      this.options.settings.answerWithinDays,
    );
    // Published only when the period reached the minimum; empty otherwise.
    const comments = await this.publishedComments(teamRef, period);
    return { teamRef, period, comments };
  }

  /** The declines among a team's status reasons (docs/oncall-pulse.md). */
  async declinesFor(teamRef: string): Promise<PulseDecline[]> {
    return (await this.summarise(teamRef)).declines;
  }

  /** The two latest published periods; nothing of a period still open. */
  private async summarise(teamRef: string): Promise<TeamPulse> {
    const { settings } = this.options;
    const periods = publishedPulsePeriods(
      this.now(),
      settings.periodDays,
      settings.answerWithinDays,
    );
    const published = await this.publisher.published(teamRef, [
      periods.current,
      periods.previous,
    ]);
    const summaryOf = (period: PulsePeriod): PulsePeriodSummary => {
      const summary = published.get(period.from);
      return {
        period,
        answers: summary?.people ?? 0,
        ...(summary?.averages ? { averages: summary.averages } : {}),
      };
    };
    const current = summaryOf(periods.current);
    const previous = summaryOf(periods.previous);
    return {
      teamRef,
      minimumAnswers:
        published.get(periods.current.from)?.minimumAnswers ??
        settings.minimumAnswers,
      current,
      previous,
      declines: pulseDeclines(current, previous),
    };
  }

  /** The published comments of the period the team view shows. */
  private async publishedComments(teamRef: string, period: PulsePeriod) {
    const published = await this.publisher.published(teamRef, [period]);
    return shuffle(published.get(period.from)?.comments ?? []);
  }

  private async visibleTeam(
    team: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<string> {
    if (team.kind.toLocaleLowerCase('en-US') !== 'group') {
      throw new InputError(`${stringifyEntityRef(team)} is not a Group`);
    }
    const group = await this.options.catalog.getEntityByRef(team, {
      credentials,
    });
    if (!group) throw new NotFoundError(`No Group ${stringifyEntityRef(team)}`);
    return stringifyEntityRef(group);
  }

  private async ownInvitation(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<StoredInvitation> {
    if (!this.options.auth.isPrincipal(credentials, 'user')) {
      throw new NotAllowedError(
        'Only the invited engineer can answer the pulse',
      );
    }
    const invitation = await this.options.store.getInvitation(id);
    if (!invitation) throw new NotFoundError(`No pulse invitation ${id}`);
    if (invitation.userRef !== credentials.principal.userEntityRef) {
      throw new NotAllowedError(
        "This pulse invitation is for another engineer's shift",
      );
    }
    return invitation;
  }

  private async state(invitation: StoredInvitation) {
    const marker = this.marker(invitation);
    // Without a key no answer is taken (invitations are off).
    if (!marker) return 'closed' as const;
    if (await this.options.store.hasAnswerMarker(marker)) {
      return 'answered' as const;
    }
    return this.now() >= this.answerBy(invitation) ? 'closed' : 'open';
  }

  private answeredAlready(invitation: StoredInvitation) {
    const period = this.periodOf(invitation);
    return new ConflictError(
      `You have answered the pulse of ${invitation.teamRef} for the period from ${period.from} to before ${period.to} already: each engineer answers once per period`,
    );
  }

  private closed() {
    return new ConflictError(
      `This pulse closed ${this.options.settings.answerWithinDays} days after the shift ended`,
    );
  }

  private async describe(
    invitation: StoredInvitation,
    state: PulseInvitation['state'],
  ): Promise<PulseInvitation> {
    const onCallStartedAt = await this.onCallStart(invitation);
    return {
      id: invitation.id,
      teamRef: invitation.teamRef,
      period: this.periodOf(invitation),
      onCall: {
        from: new Date(onCallStartedAt).toISOString(),
        to: new Date(invitation.shiftEndedAt).toISOString(),
      },
      state,
      answerBy: new Date(this.answerBy(invitation)).toISOString(),
    };
  }

  /**
   * The start of the continuous on-call period the invited shift ended,
   * merged again from the stored shifts as the inviter merged it.
   */
  private async onCallStart(invitation: StoredInvitation): Promise<number> {
    const end = invitation.shiftEndedAt;
    const spans = await this.options.store.listShiftSpans({
      userRef: invitation.userRef,
      teamRef: invitation.teamRef,
      from: end - PERIOD_LOOKBACK_MS,
      to: end,
    });
    return onCallPeriodOf({ startedAt: end, endedAt: end }, spans).startedAt;
  }

  private periodOf(invitation: StoredInvitation) {
    return pulsePeriodOf(
      invitation.shiftEndedAt,
      this.options.settings.periodDays,
    );
  }

  private answerBy(invitation: StoredInvitation): number {
    return (
      invitation.shiftEndedAt + this.options.settings.answerWithinDays * DAY_MS
    );
  }

  /**
   * HMAC of engineer, team and period: one per person and period, so the
   * minimum counts people; only a holder of the key can test a name.
   */
  private marker(invitation: StoredInvitation): string | undefined {
    const { markerKey } = this.options.settings;
    if (!markerKey) return undefined;
    return createHmac('sha256', markerKey)
      .update(
        [
          'pulse answer',
          invitation.userRef,
          invitation.teamRef,
          this.periodOf(invitation).from,
        ].join('\n'),
      )
      .digest('hex');
  }

  private now(): number {
    return (this.options.now?.() ?? new Date()).getTime();
  }
}
