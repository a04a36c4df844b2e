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
  TeamPulse,
  TeamPulseComments,
  comparedPulsePeriods,
  pulsePeriodOf,
  summariseTeamPulse,
} from '@sre-ownership/plugin-sre-ownership-common';
import { createHmac } from 'crypto';
import { PulseSettings } from './pulseConfig';
import { PulseStore, StoredInvitation } from './PulseStore';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The on-call pulse: an invited engineer's view of their invitation and
 * their one answer, and each team's aggregates. Answers are stored as team
 * totals per period; the only trace of who answered is a keyed hash that
 * cannot be tied to the totals.
 */
export class PulseService {
  constructor(
    private readonly options: {
      store: PulseStore;
      catalog: CatalogService;
      auth: AuthService;
      settings: PulseSettings;
      now?: () => Date;
    },
  ) {}

  /** The caller's own invitation; 403 for anyone but its engineer. */
  async getInvitation(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<PulseInvitation> {
    const invitation = await this.ownInvitation(id, credentials);
    return this.describe(invitation, await this.state(invitation));
  }

  /**
   * Records the caller's answer for their shift, once, while the invitation
   * is open; 409 when it was answered or has closed.
   */
  async answer(
    id: string,
    answer: PulseAnswer,
    credentials: BackstageCredentials,
  ): Promise<PulseInvitation> {
    const invitation = await this.ownInvitation(id, credentials);
    const state = await this.state(invitation);
    if (state === 'closed') {
      throw new ConflictError(
        `This pulse closed ${this.options.settings.answerWithinDays} days after the shift ended`,
      );
    }
    const comment = answer.comment?.trim();
    const outcome = await this.options.store.recordAnswer({
      marker: this.marker(invitation),
      teamRef: invitation.teamRef,
      periodStart: this.periodOf(invitation).from,
      scores: answer.scores,
      ...(comment ? { comment } : {}),
    });
    if (outcome === 'duplicate') {
      throw new ConflictError('This shift has been answered already');
    }
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
   * The comments of the team's last complete period, shuffled; none while
   * that period is below the minimum. The route has checked
   * `sre-ownership.pulse.comments.read` on the team.
   */
  async getComments(
    team: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<TeamPulseComments> {
    const teamRef = await this.visibleTeam(team, credentials);
    const pulse = await this.summarise(teamRef);
    const period = pulse.current.period;
    const shown = pulse.current.averages !== undefined;
    const comments = shown
      ? shuffle(await this.options.store.listComments(teamRef, period.from))
      : [];
    return { teamRef, period, comments };
  }

  /** The declines among a team's status reasons (docs/oncall-pulse.md). */
  async declinesFor(teamRef: string): Promise<PulseDecline[]> {
    return (await this.summarise(teamRef)).declines;
  }

  private async summarise(teamRef: string): Promise<TeamPulse> {
    const { settings, store } = this.options;
    const { current, previous } = comparedPulsePeriods(
      this.now(),
      settings.periodDays,
    );
    const totals = await store.readTotals(teamRef, [
      current.from,
      previous.from,
    ]);
    return summariseTeamPulse({
      teamRef,
      minimumAnswers: settings.minimumAnswers,
      current: { period: current, totals: totals.get(current.from) },
      previous: { period: previous, totals: totals.get(previous.from) },
    });
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
    if (await this.options.store.hasResponse(this.marker(invitation))) {
      return 'answered' as const;
    }
    return this.now() >= this.answerBy(invitation) ? 'closed' : 'open';
  }

  private describe(
    invitation: StoredInvitation,
    state: PulseInvitation['state'],
  ): PulseInvitation {
    return {
      id: invitation.id,
      teamRef: invitation.teamRef,
      period: this.periodOf(invitation),
      state,
      answerBy: new Date(this.answerBy(invitation)).toISOString(),
    };
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

  /** HMAC of engineer and shift: only a holder of the key can test a pair. */
  private marker(invitation: StoredInvitation): string {
    return createHmac('sha256', this.options.settings.markerKey)
      .update(
        [
          invitation.userRef,
          invitation.shiftSource,
          invitation.shiftExternalId,
        ].join('\n'),
      )
      .digest('hex');
  }

  private now(): number {
    return (this.options.now?.() ?? new Date()).getTime();
  }
}

/** Fisher–Yates: the order of comments says nothing of when they came. */
function shuffle<T>(items: T[]): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}
