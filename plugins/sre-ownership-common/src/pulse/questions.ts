/**
 * The ids of the three questions of the on-call pulse, in the order they
 * are asked: the one list the contract's answer and average fields are
 * made from.
 *
 * @public
 */
export const PULSE_QUESTION_IDS = [
  'sustainable',
  'sleep',
  'actionable',
] as const;

/**
 * The three questions of the on-call pulse.
 *
 * @public
 */
export type PulseQuestionId = (typeof PULSE_QUESTION_IDS)[number];

/**
 * One pulse question and its 1–5 scale. On every scale 5 is the good end,
 * so that a team average always reads "higher is better".
 *
 * @public
 */
export interface PulseQuestion {
  id: PulseQuestionId;
  /** The question as the engineer reads it. */
  text: string;
  /** What 1 means. */
  lowLabel: string;
  /** What 5 means. */
  highLabel: string;
  /** The average's name in a sentence: "The sleep score fell …". */
  scoreName: string;
}

/**
 * The pulse questions, in the order they are asked.
 *
 * @public
 */
export const PULSE_QUESTIONS: readonly PulseQuestion[] = [
  {
    id: 'sustainable',
    text: 'Was this rotation sustainable?',
    lowLabel: 'Not at all',
    highLabel: 'Fully sustainable',
    scoreName: "The rotation's sustainability score",
  },
  {
    id: 'sleep',
    text: 'How disrupted was your sleep?',
    lowLabel: 'Badly disrupted',
    highLabel: 'Not disrupted',
    scoreName: 'The sleep score',
  },
  {
    id: 'actionable',
    text: 'Were the pages actionable?',
    lowLabel: 'None were',
    highLabel: 'All were',
    scoreName: "The pages' actionability score",
  },
];

/**
 * A score per question, 1–5 for one answer or an average for a team.
 *
 * @public
 */
export type PulseScores = Record<PulseQuestionId, number>;

/**
 * One engineer's answer to the pulse for one shift.
 *
 * @public
 */
export interface PulseAnswer {
  scores: PulseScores;
  /** Optional free text, at most {@link PULSE_COMMENT_MAX_LENGTH} characters. */
  comment?: string;
}

/**
 * The longest comment accepted, in characters: room for a few sentences,
 * too short for a narrative that names people and nights.
 *
 * @public
 */
export const PULSE_COMMENT_MAX_LENGTH = 1000;

/**
 * The lowest and highest score of every question.
 *
 * @public
 */
export const PULSE_SCORE_RANGE = { min: 1, max: 5 } as const;
