import {
  DEFAULT_BURDEN_LIMITS,
  EngineerBurden,
  EngineerFigures,
  OnCallNow,
  ServiceHealthFigures,
  ServiceOnCallHealth,
  TeamBurden,
  TeamFigures,
  WeeklyVolume,
} from '@sre-ownership/plugin-sre-ownership-common';
import { ENTITY_REF } from './resolvedOwnership';

/** The Group the burden fixtures describe. */
export const TEAM_REF = 'group:default/payments';

/** Pages per week for consecutive weeks, the first starting 2025-01-06 (a Monday). */
export function weeklyVolume(...pages: number[]): WeeklyVolume[] {
  const firstMonday = Date.UTC(2025, 0, 6);
  const week = 7 * 24 * 3600 * 1000;
  return pages.map((count, index) => ({
    weekStart: new Date(firstMonday + index * week).toISOString(),
    pages: count,
  }));
}

/** A team's figures for one window: a quiet but staffed rotation. */
export function someTeamFigures(
  overrides: Partial<TeamFigures> = {},
): TeamFigures {
  return {
    pages: 6,
    unattributedPages: 0,
    pagesPerShift: 0.5,
    offHoursPages: 2,
    sleepHoursPages: 1,
    mttaMinutes: { critical: 4, high: 12 },
    mttrMinutes: { critical: 50, high: 130 },
    toilMinutes: 600,
    toilShare: 0.1,
    coverageHours: 672,
    personHours: 672,
    rotationSize: 4,
    requiredRotationSize: 4,
    overLimit: [],
    ...overrides,
  };
}

/** Nothing recorded in a window: no shift, page or toil. */
export function noTeamFigures(): TeamFigures {
  return someTeamFigures({
    pages: 0,
    pagesPerShift: null,
    offHoursPages: 0,
    sleepHoursPages: 0,
    mttaMinutes: {},
    mttrMinutes: {},
    toilMinutes: 0,
    toilShare: 0,
    coverageHours: 0,
    personHours: 0,
    rotationSize: 0,
    requiredRotationSize: 0,
  });
}

/** One engineer's figures for one window, comfortably within every limit. */
export function someEngineerFigures(
  overrides: Partial<EngineerFigures> = {},
): EngineerFigures {
  return {
    onCallHours: 168,
    onCallShare: 0.125,
    onCallWeeksPerMonth: 0.5,
    pages: 2,
    pagesWhileOnCall: 2,
    offRotationPages: 0,
    pagesPerShift: 0.5,
    offHoursPages: 1,
    sleepHoursPages: 0,
    respondingMinutes: 95,
    respondingOffRotationMinutes: 0,
    toilMinutes: 300,
    toilShare: 0.1,
    ...overrides,
  };
}

/** An engineer of the team, within every limit unless told otherwise. */
export function anEngineerBurden(
  userRef: string,
  overrides: Partial<EngineerBurden> = {},
): EngineerBurden {
  return {
    userRef,
    timezone: 'Europe/London',
    member: true,
    current: someEngineerFigures(),
    previous: someEngineerFigures(),
    overLimit: [],
    ...overrides,
  };
}

/**
 * A healthy team's burden over the default 28-day window, with two engineers
 * and four weeks of pages. Tests override what they are about.
 */
export function aTeamBurden(overrides: Partial<TeamBurden> = {}): TeamBurden {
  return {
    teamRef: TEAM_REF,
    window: {
      from: '2025-01-06T00:00:00Z',
      to: '2025-02-03T00:00:00Z',
      days: 28,
      endsNow: true,
    },
    previousWindow: {
      from: '2024-12-09T00:00:00Z',
      to: '2025-01-06T00:00:00Z',
      days: 28,
      endsNow: false,
    },
    limits: DEFAULT_BURDEN_LIMITS,
    status: 'healthy',
    reasons: [],
    current: someTeamFigures(),
    previous: someTeamFigures({ pages: 4 }),
    weeklyVolume: weeklyVolume(1, 2, 1, 2),
    weekOverWeekChange: 1,
    requiredRotationSize: 4,
    engineers: [
      anEngineerBurden('user:default/jane-doe'),
      anEngineerBurden('user:default/mei-lin', { timezone: 'Asia/Singapore' }),
    ],
    problems: [],
    ...overrides,
  };
}

/** A service's figures for one window. */
export function someServiceHealthFigures(
  overrides: Partial<ServiceHealthFigures> = {},
): ServiceHealthFigures {
  return {
    pages: 5,
    offHoursShare: 0.4,
    mttaMinutes: { critical: 3 },
    mttrMinutes: { critical: 45 },
    ...overrides,
  };
}

/** Who carries the team's pager now (Jane, until 18:00 UTC) and next (Mei). */
export function anOnCallNow(overrides: Partial<OnCallNow> = {}): OnCallNow {
  return {
    teamRef: TEAM_REF,
    current: [
      { userRef: 'user:default/jane-doe', until: '2025-02-03T18:00:00Z' },
    ],
    next: { userRef: 'user:default/mei-lin', from: '2025-02-03T18:00:00Z' },
    ...overrides,
  };
}

/** The on-call health of the fixture service, paged and covered. */
export function aServiceHealth(
  overrides: Partial<ServiceOnCallHealth> = {},
): ServiceOnCallHealth {
  return {
    entityRef: ENTITY_REF,
    window: {
      from: '2025-01-06T00:00:00Z',
      to: '2025-02-03T00:00:00Z',
      days: 28,
      endsNow: true,
    },
    previousWindow: {
      from: '2024-12-09T00:00:00Z',
      to: '2025-01-06T00:00:00Z',
      days: 28,
      endsNow: false,
    },
    current: someServiceHealthFigures(),
    previous: someServiceHealthFigures({ pages: 3, offHoursShare: 0.2 }),
    weeklyVolume: weeklyVolume(1, 1, 2, 1),
    weekOverWeekChange: -0.5,
    onCall: [anOnCallNow()],
    ...overrides,
  };
}
