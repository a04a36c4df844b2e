import { PulseScores } from '@sre-ownership/plugin-sre-ownership-common';

/** A shift that has ended and whose engineer has not been invited yet. */
export interface EndedShift {
  source: string;
  externalId: string;
  userRef: string;
  teamRef: string;
  /** Epoch milliseconds. */
  startedAt: number;
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
 * One engineer's answer as it is added to their team's open period: no
 * person, shift, marker or time.
 */
export interface PulseContribution {
  teamRef: string;
  /** First day of the period, YYYY-MM-DD. */
  periodStart: string;
  scores: PulseScores;
  comment?: string;
}

/** What is kept of a period while it takes answers. */
export interface OpenPulsePeriod {
  /** Engineers who answered: one answer each. */
  people: number;
  sums: PulseScores;
  /** In random order. */
  comments: string[];
}

/** A period's summary as published, once, after its answers closed. */
export interface PublishedPulsePeriod {
  /** Engineers who answered. */
  people: number;
  /** The minimum in force when it was published. */
  minimumAnswers: number;
  /** One decimal; absent below the minimum. */
  averages?: PulseScores;
  /** In random order; empty below the minimum. */
  comments: string[];
}

/** A team's period, as the tables key it. */
export interface PulsePeriodKey {
  teamRef: string;
  periodStart: string;
}

/**
 * Persists the on-call pulse so that nothing stored orders or joins an
 * answer, a comment and a marker: see
 * migrations/20261207013000_replace_pulse_answer_tables.js.
 */
export interface PulseStore {
  /** Shifts that ended within `[from, to)` and have no invitation yet. */
  listUninvitedShifts(range: {
    from: number;
    to: number;
  }): Promise<EndedShift[]>;
  /**
   * One engineer's shifts for one team that overlap `[from, to]`, by start:
   * what the merge of a continuous on-call period reads.
   */
  listShiftSpans(options: {
    userRef: string;
    teamRef: string;
    from: number;
    to: number;
  }): Promise<Array<{ startedAt: number; endedAt: number }>>;
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
  /**
   * Stores an answer marker on its own; false when it existed already (the
   * engineer answered for this team and period). Written in a statement of
   * its own, never in the transaction that adds the answer.
   */
  claimAnswerMarker(marker: string): Promise<boolean>;
  /** Removes a marker whose answer could not be added, so it can be sent again. */
  releaseAnswerMarker(marker: string): Promise<void>;
  hasAnswerMarker(marker: string): Promise<boolean>;
  /**
   * Adds an answer to its team's open period in place, reshuffling the
   * comments; `published` (and nothing written) when the period's summary
   * has been published already.
   */
  addToOpenPeriod(answer: PulseContribution): Promise<'added' | 'published'>;
  /**
   * The periods still holding answers that have not been published: all of
   * them, or those of one team among `periodStarts`.
   */
  listOpenPeriods(filter?: {
    teamRef: string;
    periodStarts: string[];
  }): Promise<PulsePeriodKey[]>;
  /**
   * Publishes a period once, in one transaction: the open totals, summarised
   * by `summarise`, become its summary and are deleted. A period published
   * already keeps its summary. Undefined when the period had no answer:
   * nothing is written for it.
   */
  publishPeriod(
    period: PulsePeriodKey,
    summarise: (open: OpenPulsePeriod) => PublishedPulsePeriod,
  ): Promise<PublishedPulsePeriod | undefined>;
  /** The team's published summaries of the given periods, by period start. */
  readPublished(
    teamRef: string,
    periodStarts: string[],
  ): Promise<Map<string, PublishedPulsePeriod>>;
}
