import { OncallPage, OncallShift, ToilEntry } from '../../events';
import {
  DEFAULT_BURDEN_LIMITS,
  DEFAULT_WORKING_TIME,
  EngineerBurden,
  EngineerFigures,
  ServiceHealthInput,
  TeamBurden,
  TeamBurdenInput,
  TeamFigures,
} from '../types';

/** The team most fixtures are about. */
export const TEAM = 'group:default/payments';

/**
 * A Monday at 00:00 UTC, so the default 28-day windows are
 * [2024-04-01, 2024-04-29) and [2024-03-04, 2024-04-01), whole UTC weeks.
 */
export const NOW = '2024-04-29T00:00:00Z';

/** A User entity ref. */
export function user(name: string): string {
  return `user:default/${name}`;
}

/** A team member in a time zone. */
export function member(name: string, timezone: string) {
  return { userRef: user(name), timezone };
}

/** The ISO instant `hours` after `iso` (negative for before). */
export function hoursAfter(iso: string, hours: number): string {
  return new Date(Date.parse(iso) + hours * 3_600_000).toISOString();
}

/** The ISO instant `days` (24-hour days) before `iso`. */
export function daysBefore(iso: string, days: number): string {
  return hoursAfter(iso, -24 * days);
}

/** The ISO instant `minutes` after `iso`. */
export function minutesAfter(iso: string, minutes: number): string {
  return hoursAfter(iso, minutes / 60);
}

let sequence = 0;

/** A shift of `name` for {@link TEAM} unless overridden. */
export function aShift(
  name: string,
  startsAt: string,
  endsAt: string,
  overrides: Partial<OncallShift> = {},
): OncallShift {
  sequence += 1;
  return {
    source: 'ics',
    externalId: `shift-${sequence}`,
    teamRef: TEAM,
    userRef: user(name),
    startsAt,
    endsAt,
    ...overrides,
  };
}

interface PageOptions extends Partial<OncallPage> {
  /** Sets `acknowledgedAt` this many minutes after the trigger. */
  ackAfter?: number;
  /** Sets `resolvedAt` this many minutes after the trigger. */
  resolveAfter?: number;
  /** Sets `responderRef` to this user's ref. */
  responder?: string;
}

/** A critical page triggered at `triggeredAt`, nobody responding. */
export function aPage(
  triggeredAt: string,
  options: PageOptions = {},
): OncallPage {
  const { ackAfter, resolveAfter, responder, ...overrides } = options;
  sequence += 1;
  return {
    source: 'alertmanager',
    externalId: `page-${sequence}`,
    severity: 'critical',
    triggeredAt,
    ...(responder ? { responderRef: user(responder) } : {}),
    ...(ackAfter === undefined
      ? {}
      : { acknowledgedAt: minutesAfter(triggeredAt, ackAfter) }),
    ...(resolveAfter === undefined
      ? {}
      : { resolvedAt: minutesAfter(triggeredAt, resolveAfter) }),
    ...overrides,
  };
}

/** `minutes` of toil by `name` for {@link TEAM}. */
export function aToil(
  name: string,
  startedAt: string,
  minutes: number,
  overrides: Partial<ToilEntry> = {},
): ToilEntry {
  sequence += 1;
  return {
    source: 'api',
    externalId: `toil-${sequence}`,
    teamRef: TEAM,
    userRef: user(name),
    startedAt,
    minutes,
    ...overrides,
  };
}

/** Team burden input at {@link NOW} over 28 days, defaults, no events. */
export function teamInput(
  overrides: Partial<TeamBurdenInput> = {},
): TeamBurdenInput {
  return {
    teamRef: TEAM,
    now: NOW,
    windowDays: 28,
    members: [],
    defaultTimezone: 'UTC',
    shifts: [],
    pages: [],
    toil: [],
    limits: DEFAULT_BURDEN_LIMITS,
    workingTime: DEFAULT_WORKING_TIME,
    ...overrides,
  };
}

/** Service health input at {@link NOW} over 28 days, no events. */
export function serviceInput(
  overrides: Partial<ServiceHealthInput> = {},
): ServiceHealthInput {
  return {
    entityRef: 'component:default/checkout',
    now: NOW,
    windowDays: 28,
    pages: [],
    shifts: [],
    members: [],
    defaultTimezone: 'UTC',
    workingTime: DEFAULT_WORKING_TIME,
    ...overrides,
  };
}

/** One engineer's entry in a computed burden; fails the test if absent. */
export function engineerIn(burden: TeamBurden, name: string): EngineerBurden {
  const found = burden.engineers?.find(e => e.userRef === user(name));
  if (!found) {
    throw new Error(`${user(name)} is not among the engineers`);
  }
  return found;
}

/** Engineer figures, all zero (or undefined) unless overridden. */
export function engineerFigures(
  overrides: Partial<EngineerFigures> = {},
): EngineerFigures {
  return {
    onCallHours: 0,
    onCallShare: 0,
    onCallWeeksPerMonth: 0,
    pages: 0,
    pagesWhileOnCall: 0,
    offRotationPages: 0,
    pagesPerShift: null,
    offHoursPages: 0,
    sleepHoursPages: 0,
    respondingMinutes: 0,
    respondingOffRotationMinutes: 0,
    toilMinutes: 0,
    toilShare: null,
    ...overrides,
  };
}

/**
 * Figures of an engineer on call for `weeks` weeks of a 28-day window, the
 * on-call share following from it.
 */
export function onCallFor(
  weeks: number,
  overrides: Partial<EngineerFigures> = {},
): EngineerFigures {
  return engineerFigures({
    onCallHours: weeks * 168,
    onCallShare: weeks / 4,
    onCallWeeksPerMonth: weeks,
    ...overrides,
  });
}

/** Team figures, all zero (or undefined) unless overridden. */
export function teamFigures(overrides: Partial<TeamFigures> = {}): TeamFigures {
  return {
    pages: 0,
    unattributedPages: 0,
    pagesPerShift: null,
    offHoursPages: 0,
    sleepHoursPages: 0,
    mttaMinutes: {},
    mttrMinutes: {},
    toilMinutes: 0,
    toilShare: null,
    coverageHours: 0,
    personHours: 0,
    rotationSize: 0,
    requiredRotationSize: 0,
    overLimit: [],
    ...overrides,
  };
}
