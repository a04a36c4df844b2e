import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  PulseAnswer,
  PulseInvitation,
  TeamPulse,
  TeamPulseComments,
} from '@sre-ownership/plugin-sre-ownership-common';

/**
 * The anonymous on-call pulse (see docs/oncall-pulse.md).
 *
 * @public
 */
export interface SreOwnershipPulseApi {
  /** The caller's own invitation; a 403 error for anyone else's. */
  getPulseInvitation(id: string): Promise<PulseInvitation>;

  /** Answers the invitation's pulse, once; returns it answered. */
  answerPulse(id: string, answer: PulseAnswer): Promise<PulseInvitation>;

  /** A team's pulse aggregates: averages only from the minimum of answers. */
  getTeamPulse(team: CompoundEntityRef): Promise<TeamPulse>;

  /** A team's pulse comments; a 403 error without the comments permission. */
  getTeamPulseComments(team: CompoundEntityRef): Promise<TeamPulseComments>;
}
