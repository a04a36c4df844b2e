import { PulsePeriod } from './periods';

/**
 * Where an invitation to the pulse stands for its engineer.
 * `open`: they may answer; `answered`: they did; `closed`: too long after
 * the shift ended.
 *
 * @public
 */
export type PulseInvitationState = 'open' | 'answered' | 'closed';

/**
 * An invitation as its engineer (and only they) sees it: the on-call period
 * it asks about, and which team and pulse period their answer will count
 * in. The answer itself keeps none of it.
 *
 * @public
 */
export interface PulseInvitation {
  id: string;
  teamRef: string;
  period: PulsePeriod;
  /**
   * The continuous on-call period asked about (the engineer's adjacent or
   * overlapping shifts for the team, merged), ISO instants.
   */
  onCall: { from: string; to: string };
  state: PulseInvitationState;
  /** Until when an answer is accepted (ISO instant). */
  answerBy: string;
}
