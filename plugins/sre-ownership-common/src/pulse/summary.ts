import { PulsePeriod } from './periods';
import { PULSE_QUESTIONS, PulseQuestionId, PulseScores } from './questions';

/**
 * The default least number of answers in a period before its averages show.
 *
 * @public
 */
export const DEFAULT_PULSE_MINIMUM_ANSWERS = 5;

/**
 * The minimum may not be set lower than this: with one or two answers an
 * average is one person's answer.
 *
 * @public
 */
export const PULSE_MINIMUM_ANSWERS_FLOOR = 3;

/**
 * The default length of a pulse period, in days: the burden window's
 * default, so the pulse reads beside the burden figures.
 *
 * @public
 */
export const DEFAULT_PULSE_PERIOD_DAYS = 28;

/**
 * A fall of an average, on the 1–5 scale, at least this big (after rounding
 * both to one decimal) is a reason in the team's status.
 *
 * @public
 */
export const PULSE_DECLINE_THRESHOLD = 0.5;

/**
 * What is stored of a team's answers in one period: a count and a sum per
 * question. No single answer is kept.
 *
 * @public
 */
export interface PulseTotals {
  answers: number;
  sums: PulseScores;
}

/**
 * One period of a team's pulse. `averages` (one decimal) is present only when
 * `answers` reaches the minimum.
 *
 * @public
 */
export interface PulsePeriodSummary {
  period: PulsePeriod;
  answers: number;
  averages?: PulseScores;
}

/**
 * A question whose team average fell by at least
 * {@link PULSE_DECLINE_THRESHOLD} from the previous period.
 *
 * @public
 */
export interface PulseDecline {
  question: PulseQuestionId;
  previous: number;
  current: number;
}

/**
 * A team's pulse: the last complete period against the one before it.
 *
 * @public
 */
export interface TeamPulse {
  teamRef: string;
  /** Answers a period needs before its averages show. */
  minimumAnswers: number;
  current: PulsePeriodSummary;
  previous: PulsePeriodSummary;
  /** Questions whose average fell; empty unless both periods show averages. */
  declines: PulseDecline[];
}

const tenths = (value: number) => Math.round(value * 10);

/**
 * A period's summary: averages only when at least `minimumAnswers` answered.
 *
 * @public
 */
export function summarisePulsePeriod(
  period: PulsePeriod,
  totals: PulseTotals | undefined,
  minimumAnswers: number,
): PulsePeriodSummary {
  const answers = totals?.answers ?? 0;
  if (!totals || answers < minimumAnswers) return { period, answers };
  const averages = Object.fromEntries(
    PULSE_QUESTIONS.map(({ id }) => [
      id,
      tenths(totals.sums[id] / answers) / 10,
    ]),
  ) as PulseScores;
  return { period, answers, averages };
}

/**
 * The questions whose average fell by at least
 * {@link PULSE_DECLINE_THRESHOLD}, compared in tenths so the rule and the
 * sentence agree. Nothing when either period is below the minimum.
 *
 * @public
 */
export function pulseDeclines(
  current: PulsePeriodSummary,
  previous: PulsePeriodSummary,
): PulseDecline[] {
  const now = current.averages;
  const before = previous.averages;
  if (!now || !before) return [];
  return PULSE_QUESTIONS.filter(
    ({ id }) =>
      tenths(before[id]) - tenths(now[id]) >= tenths(PULSE_DECLINE_THRESHOLD),
  ).map(({ id }) => ({ question: id, previous: before[id], current: now[id] }));
}

/**
 * A decline in words: "The rotation's sustainability score fell from 3.8 to
 * 2.6 in the on-call pulse."
 *
 * @public
 */
export function describePulseDecline(decline: PulseDecline): string {
  const question = PULSE_QUESTIONS.find(q => q.id === decline.question)!;
  return `${question.scoreName} fell from ${decline.previous.toFixed(
    1,
  )} to ${decline.current.toFixed(1)} in the on-call pulse.`;
}

/**
 * Builds a team's pulse from the stored totals of the two compared periods.
 *
 * @public
 */
export function summariseTeamPulse(options: {
  teamRef: string;
  minimumAnswers: number;
  current: { period: PulsePeriod; totals?: PulseTotals };
  previous: { period: PulsePeriod; totals?: PulseTotals };
}): TeamPulse {
  const { teamRef, minimumAnswers } = options;
  const current = summarisePulsePeriod(
    options.current.period,
    options.current.totals,
    minimumAnswers,
  );
  const previous = summarisePulsePeriod(
    options.previous.period,
    options.previous.totals,
    minimumAnswers,
  );
  return {
    teamRef,
    minimumAnswers,
    current,
    previous,
    declines: pulseDeclines(current, previous),
  };
}

/**
 * The comments of a team's last complete period, for readers with
 * `sre-ownership.pulse.comments.read`: text only, in random order, and none
 * while the period is below the minimum.
 *
 * @public
 */
export interface TeamPulseComments {
  teamRef: string;
  period: PulsePeriod;
  comments: string[];
}
