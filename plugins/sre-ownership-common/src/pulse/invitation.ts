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
 * An invitation as its engineer sees it: which team and period their
 * answer will count in, never the shift's times.
 *
 * @public
 */
export interface PulseInvitation {
  id: string;
  teamRef: string;
  period: PulsePeriod;
  state: PulseInvitationState;
  /** Until when an answer is accepted (ISO instant). */
  answerBy: string;
}
