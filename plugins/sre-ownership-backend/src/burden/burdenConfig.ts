import { Config } from '@backstage/config';
import {
  BurdenLimits,
  DEFAULT_BURDEN_LIMITS,
  DEFAULT_BURDEN_WINDOW_DAYS,
  DEFAULT_REST_RULES,
  DEFAULT_TIMEZONE,
  DEFAULT_WORKING_TIME,
  invalidAppConfigUnder,
  isKnownTimezone,
  RegionalHolidays,
  RestRules,
  WorkingTime,
} from '@sre-ownership/plugin-sre-ownership-common';

/** How on-call burden is measured, from `sreOwnership.burden`. */
export interface BurdenSettings {
  windowDays: number;
  limits: BurdenLimits;
  workingTime: WorkingTime;
  defaultTimezone: string;
  /** How much rest heavy on-call periods earn, from `restOwed`. */
  restRules: RestRules;
}

/** Names the key under this section in every refusal. */
const fail: (key: string, problem: string) => never = invalidAppConfigUnder(
  'sreOwnership.burden',
);

function positive(
  config: Config,
  key: string,
  fallback: number,
  max = Infinity,
): number {
  const value = config.getOptionalNumber(key);
  if (value === undefined) return fallback;
  if (!(value > 0) || value > max)
    fail(
      key,
      `must be a number above 0${max < Infinity ? ` and at most ${max}` : ''}`,
    );
  return value;
}

function clock(config: Config, key: string, fallback: string): string {
  const value = config.getOptionalString(key) ?? fallback;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value))
    fail(key, `"${value}" must be a time of day as HH:MM`);
  return value;
}

/** A whole number of at least 0 (a rule at 0 owes nothing). */
function wholeMinutes(config: Config, key: string, fallback: number): number {
  const value = config.getOptionalNumber(key);
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0 || value > 100_000)
    fail(key, `must be a whole number from 0 to 100000, got ${value}`);
  return value;
}

function readRestRules(config: Config): RestRules {
  return {
    sleepPageMinutes: wholeMinutes(
      config,
      'restOwed.sleepPageMinutes',
      DEFAULT_REST_RULES.sleepPageMinutes,
    ),
    busyShiftMinutes: wholeMinutes(
      config,
      'restOwed.busyShiftMinutes',
      DEFAULT_REST_RULES.busyShiftMinutes,
    ),
    offHoursResponsePercent: wholeMinutes(
      config,
      'restOwed.offHoursResponsePercent',
      DEFAULT_REST_RULES.offHoursResponsePercent,
    ),
  };
}

function dates(key: string, values: string[]): string[] {
  values.forEach(day => {
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(day) ||
      new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day
    )
      fail(key, `"${day}" must be a real date as YYYY-MM-DD`);
  });
  return values;
}

/**
 * Business hours within one day: hours that wrap midnight (22:00–06:00) or
 * are empty (09:00–09:00) would silently count every hour as outside them.
 * Sleep hours may wrap; business hours may not.
 */
function businessHours(config: Config) {
  const businessStart = clock(
    config,
    'workingTime.businessStart',
    DEFAULT_WORKING_TIME.businessStart,
  );
  const businessEnd = clock(
    config,
    'workingTime.businessEnd',
    DEFAULT_WORKING_TIME.businessEnd,
  );
  if (businessEnd <= businessStart) {
    fail(
      'workingTime.businessEnd',
      `"${businessEnd}" must be after workingTime.businessStart "${businessStart}": business hours lie within one day, and cannot wrap midnight or be empty`,
    );
  }
  return { businessStart, businessEnd };
}

function readRegionalHolidays(config: Config): RegionalHolidays[] {
  const calendars =
    config.getOptionalConfigArray('workingTime.regionalHolidays') ?? [];
  return calendars.map((calendar, index) => {
    const key = `workingTime.regionalHolidays[${index}]`;
    const timezones = calendar.getStringArray('timezones');
    timezones.forEach(zone => timezone(zone, `${key}.timezones`));
    return {
      name: calendar.getOptionalString('name') ?? `calendar ${index + 1}`,
      timezones,
      dates: dates(`${key}.dates`, calendar.getStringArray('dates')),
    };
  });
}

function timezone(value: string, key: string): string {
  return isKnownTimezone(value)
    ? value
    : fail(key, `"${value}" is not an IANA time zone`);
}

/** Reads and validates `sreOwnership.burden`; every key is optional. */
export function readBurdenSettings(root: Config): BurdenSettings {
  const config = root.getOptionalConfig('sreOwnership.burden');
  if (!config) {
    return {
      windowDays: DEFAULT_BURDEN_WINDOW_DAYS,
      limits: DEFAULT_BURDEN_LIMITS,
      workingTime: DEFAULT_WORKING_TIME,
      defaultTimezone: DEFAULT_TIMEZONE,
      restRules: DEFAULT_REST_RULES,
    };
  }
  // A day that does not exist (2026-02-30) would roll over into another.
  const holidays = dates(
    'workingTime.holidays',
    config.getOptionalStringArray('workingTime.holidays') ?? [],
  );
  return {
    windowDays: positive(config, 'windowDays', DEFAULT_BURDEN_WINDOW_DAYS, 366),
    limits: {
      onCallWeeksPerMonth: positive(
        config,
        'limits.onCallWeeksPerMonth',
        DEFAULT_BURDEN_LIMITS.onCallWeeksPerMonth,
      ),
      pagesPerShift: positive(
        config,
        'limits.pagesPerShift',
        DEFAULT_BURDEN_LIMITS.pagesPerShift,
      ),
      onCallShare: positive(
        config,
        'limits.onCallShare',
        DEFAULT_BURDEN_LIMITS.onCallShare,
        1,
      ),
      toilShare: positive(
        config,
        'limits.toilShare',
        DEFAULT_BURDEN_LIMITS.toilShare,
        1,
      ),
    },
    workingTime: {
      ...businessHours(config),
      sleepStart: clock(
        config,
        'workingTime.sleepStart',
        DEFAULT_WORKING_TIME.sleepStart,
      ),
      sleepEnd: clock(
        config,
        'workingTime.sleepEnd',
        DEFAULT_WORKING_TIME.sleepEnd,
      ),
      holidays,
      regionalHolidays: readRegionalHolidays(config),
    },
    defaultTimezone: timezone(
      config.getOptionalString('defaultTimezone') ?? DEFAULT_TIMEZONE,
      'defaultTimezone',
    ),
    restRules: readRestRules(config),
  };
}
