import {
  countOf,
  formatAbove,
  formatNumber,
  formatPercent,
  formatPercentAbove,
  weeks,
} from './format';
import { describePulseDecline, PulseDecline } from '../pulse/summary';
import { isAboveLimit, TeamRatios } from './teamFigures';
import {
  BurdenLimits,
  BurdenMeasure,
  BurdenStatus,
  TeamFigures,
} from './types';

/** What the status of a team is judged on: the current window's verdicts. */
export interface BurdenAssessmentInput {
  team: TeamFigures;
  /** The exact ratios behind the team's figures. */
  teamRatios: TeamRatios;
  /** Each engineer's over-limit measures, as computed with their figures. */
  engineers: Array<{ overLimit: BurdenMeasure[] }>;
  /** Pages in the last full week and the week before, when both are in the data. */
  lastWeeks?: { last: number; before: number };
  limits: BurdenLimits;
  /** The window in words: "in the last 28 days", "from 2026-09-01 to 2026-09-30". */
  period: string;
  /** Pulse averages that fell between the last two complete pulse periods. */
  pulseDeclines?: PulseDecline[];
  /** Whether any shift, page or toil entry of the team lies in the window. */
  hasEvents?: boolean;
}

/** A status and the sentences explaining it, most severe first. */
export interface BurdenAssessment {
  status: BurdenStatus;
  reasons: string[];
}

interface Finding {
  severity: 'overloaded' | 'at-risk';
  reason: string;
}

type Rule = (input: BurdenAssessmentInput) => Finding | Finding[] | undefined;

/** Indexes of the engineers above the limit of `measure`. */
function engineersAbove(
  input: BurdenAssessmentInput,
  measure: BurdenMeasure,
): number[] {
  return input.engineers
    .map((engineer, index) => ({ index, over: engineer.overLimit }))
    .filter(engineer => engineer.over.includes(measure))
    .map(engineer => engineer.index);
}

/** "3 of 5 engineers were" / "1 of 5 engineers was". */
function someOf(count: number, total: number): string {
  return `${count} of ${countOf(total, 'engineer', 'engineers')} ${
    count === 1 ? 'was' : 'were'
  }`;
}

const rotationTooSmall: Rule = ({ team, limits }) =>
  team.overLimit.includes('rotationSize')
    ? {
        severity: 'overloaded',
        reason: `The rotation has ${countOf(
          team.rotationSize,
          'engineer',
          'engineers',
        )}; ${team.requiredRotationSize} ${
          team.requiredRotationSize === 1 ? 'is' : 'are'
        } needed so nobody is on call more than ${weeks(
          limits.onCallWeeksPerMonth,
        )} per month.`,
      }
    : undefined;

/** Overloaded when at least half of those who carried the pager are over. */
const tooManyOnCallWeeks: Rule = input => {
  const over = engineersAbove(input, 'onCallWeeksPerMonth').length;
  const carried = input.team.rotationSize;
  if (!over) return undefined;
  return {
    severity: over * 2 >= carried ? 'overloaded' : 'at-risk',
    reason: `${someOf(over, carried)} on call more than ${weeks(
      input.limits.onCallWeeksPerMonth,
    )} per month ${input.period}.`,
  };
};

const teamPagesPerShift: Rule = ({ team, teamRatios, limits }) => {
  if (!team.overLimit.includes('pagesPerShift') || team.pagesPerShift === null)
    return undefined;
  return {
    severity: isAboveLimit(teamRatios.pagesPerShift, limits.pagesPerShift, 2)
      ? 'overloaded'
      : 'at-risk',
    reason: `The team averaged ${formatAbove(
      team.pagesPerShift,
      limits.pagesPerShift,
      1,
    )} pages per 12-hour shift (limit ${formatNumber(limits.pagesPerShift)}).`,
  };
};

const teamToil: Rule = ({ team, limits }) =>
  team.overLimit.includes('toilShare') && team.toilShare !== null
    ? {
        severity: 'overloaded',
        reason: `The team spent ${formatPercentAbove(
          team.toilShare,
          limits.toilShare,
        )} of working time on toil (limit ${formatPercent(limits.toilShare)}).`,
      }
    : undefined;

const engineersPagesPerShift: Rule = input => {
  const over = engineersAbove(input, 'pagesPerShift').length;
  if (!over) return undefined;
  return {
    severity: 'at-risk',
    reason: `${over} of ${countOf(
      input.team.rotationSize,
      'engineer',
      'engineers',
    )} averaged more than ${formatNumber(
      input.limits.pagesPerShift,
    )} pages per 12-hour shift ${input.period}.`,
  };
};

/** Left out when it names the same engineers as the weeks-per-month rule. */
const engineersOnCallShare: Rule = input => {
  const over = engineersAbove(input, 'onCallShare');
  const overWeeks = engineersAbove(input, 'onCallWeeksPerMonth');
  if (!over.length || over.join() === overWeeks.join()) return undefined;
  return {
    severity: 'at-risk',
    reason: `${someOf(
      over.length,
      input.team.rotationSize,
    )} on call more than ${formatPercent(
      input.limits.onCallShare,
    )} of the time ${input.period}.`,
  };
};

const engineersToil: Rule = input => {
  const over = engineersAbove(input, 'toilShare').length;
  if (!over) return undefined;
  return {
    severity: 'at-risk',
    reason: `${over} of ${countOf(
      input.engineers.length,
      'engineer',
      'engineers',
    )} spent more than ${formatPercent(
      input.limits.toilShare,
    )} of working time on toil ${input.period}.`,
  };
};

/** Alert volume rising more than half week over week. */
const ALERT_VOLUME_RISE = 0.5;
/** Fewer pages than this in a week make no trend: 2 to 4 is not a rise. */
const MIN_WEEKLY_PAGES_FOR_TREND = 10;

const alertVolumeRising: Rule = ({ lastWeeks }) => {
  if (!lastWeeks || lastWeeks.last < MIN_WEEKLY_PAGES_FOR_TREND)
    return undefined;
  const { last, before } = lastWeeks;
  // (last - before) / before > 0.5, in integers: 2 × (last - before) > before
  if (before === 0 || !(2 * (last - before) > before)) return undefined;
  return {
    severity: 'at-risk',
    reason: `Alert volume rose ${formatPercentAbove(
      (last - before) / before,
      ALERT_VOLUME_RISE,
    )} week over week.`,
  };
};

/**
 * The engineers' own verdict, falling: at risk, one sentence per question
 * whose average fell by at least PULSE_DECLINE_THRESHOLD (pulse/summary.ts,
 * which also requires both periods to have the minimum of answers).
 */
const pulseFalling: Rule = ({ pulseDeclines }) =>
  (pulseDeclines ?? []).map(decline => ({
    severity: 'at-risk',
    reason: describePulseDecline(decline),
  }));

/** In order of severity within each status. */
const RULES: Rule[] = [
  rotationTooSmall,
  tooManyOnCallWeeks,
  teamPagesPerShift,
  teamToil,
  engineersPagesPerShift,
  engineersOnCallShare,
  engineersToil,
  alertVolumeRising,
  pulseFalling,
];

function healthyReason(engineers: number, period: string): string {
  if (engineers === 0) {
    return `Nobody was on call or paged ${period}.`;
  }
  const who =
    { 1: 'The only engineer', 2: 'Both engineers' }[engineers] ??
    `All ${engineers} engineers`;
  return `${who} stayed within every limit ${period}.`;
}

/** Why a window with no events has no status. */
export function noDataReason(period: string): string {
  return `No shifts, pages or toil were recorded for this team ${period}, so there is nothing to judge its on-call load by: connect a schedule feed, the Alertmanager or PagerDuty webhook, or send events to the ingestion API.`;
}

/**
 * Judges a team's current window. No data when no shift, page or toil entry
 * of the team lies in it and nothing else (a pulse decline) applies: an empty
 * window says nothing about the load, so it is never healthy. Overloaded when the rotation is smaller
 * than required, at least half of those who carried the pager exceed the
 * on-call weeks limit, team pages per shift exceed twice their limit, or team
 * toil exceeds its limit. Otherwise at risk when any engineer exceeds any
 * limit, team pages per shift exceed their limit, or alert volume rose more
 * than 50% week over week, or an on-call pulse average fell by 0.5 or more.
 * Otherwise healthy. Every condition that applies
 * gives a sentence, overloading ones first.
 */
export function assessBurden(input: BurdenAssessmentInput): BurdenAssessment {
  const findings = RULES.flatMap(rule => rule(input) ?? []).filter(
    (finding): finding is Finding => finding !== undefined,
  );
  const overloaded = findings.filter(f => f.severity === 'overloaded');
  const atRisk = findings.filter(f => f.severity === 'at-risk');
  if (!findings.length && input.hasEvents === false) {
    return { status: 'no-data', reasons: [noDataReason(input.period)] };
  }
  if (!findings.length) {
    return {
      status: 'healthy',
      reasons: [healthyReason(input.engineers.length, input.period)],
    };
  }
  return {
    status: overloaded.length ? 'overloaded' : 'at-risk',
    reasons: [...overloaded, ...atRisk].map(f => f.reason),
  };
}
