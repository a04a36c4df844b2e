import {
  PulseScores,
  PulseTotals,
} from '@sre-ownership/plugin-sre-ownership-common';

/** A shift that has ended and whose engineer has not been invited yet. */
export interface EndedShift {
  source: string;
  externalId: string;
  userRef: string;
  teamRef: string;
  /** Epoch milliseconds. */
  endedAt: number;
}

/** An invitation as stored: the only record tying an engineer to a shift. */
export interface StoredInvitation {
  id: string;
  userRef: string;
  teamRef: string;
  shiftSource: string;
  shiftExternalId: string;
  /** Epoch milliseconds. */
  shiftEndedAt: number;
}

/**
 * One answer to record. `marker` is the keyed hash of engineer and shift;
 * the answer itself carries only the team and the period.
 */
export interface PulseAnswerRecord {
  marker: string;
  teamRef: string;
  /** First day of the period, YYYY-MM-DD. */
  periodStart: string;
  scores: PulseScores;
  comment?: string;
}

/**
 * Persists the on-call pulse so that no row of an answer names a person, a
 * shift or a time: see migrations/20261202150000_create_pulse_tables.js.
 */
export interface PulseStore {
  /** Shifts that ended within `[from, to)` and have no invitation yet. */
  listUninvitedShifts(range: {
    from: number;
    to: number;
  }): Promise<EndedShift[]>;
  /**
   * Stores the invitation for its shift unless the shift has one already;
   * true when this call stored it (so exactly one caller sends it).
   */
  claimInvitation(
    invitation: StoredInvitation,
    invitedAt: number,
  ): Promise<boolean>;
  /** Forgets an invitation that could not be sent, so it is tried again. */
  releaseInvitation(id: string): Promise<void>;
  getInvitation(id: string): Promise<StoredInvitation | undefined>;
  /** Whether an answer with this marker was recorded. */
  hasResponse(marker: string): Promise<boolean>;
  /**
   * Records an answer in one transaction: the marker, the team's totals for
   * the period and the comment. `duplicate` when the marker exists already,
   * and then nothing is written.
   */
  recordAnswer(answer: PulseAnswerRecord): Promise<'recorded' | 'duplicate'>;
  /** The team's totals of the given periods, by period start. */
  readTotals(
    teamRef: string,
    periodStarts: string[],
  ): Promise<Map<string, PulseTotals>>;
  /** The comments of one team and period, in no meaningful order. */
  listComments(teamRef: string, periodStart: string): Promise<string[]>;
}
