import { Config } from '@backstage/config';
import { HumanDuration } from '@backstage/types';
import {
  DEFAULT_PULSE_MINIMUM_ANSWERS,
  DEFAULT_PULSE_PERIOD_DAYS,
  invalidAppConfigUnder,
  PULSE_MINIMUM_ANSWERS_FLOOR,
} from '@sre-ownership/plugin-sre-ownership-common';
import { readOptionalDuration } from '../appConfig/readDuration';

/** How the on-call pulse works, from `sreOwnership.pulse`. */
export interface PulseSettings {
  /** Whether engineers are invited when their shift ends. */
  invitations: boolean;
  /** How often ended shifts are looked for. */
  frequency: HumanDuration;
  /** Answers a period needs before its averages (and comments) show. */
  minimumAnswers: number;
  /** Length of a pulse period, in days. */
  periodDays: number;
  /** Days after the end of a shift during which it may be answered. */
  answerWithinDays: number;
  /**
   * Secret key of the hash that marks (engineer, team, period) as answered.
   * Absent only while invitations are off; then no answer is taken.
   */
  markerKey?: string;
  /** Where the frontend mounts the pulse page; invitations link there. */
  pagePath: string;
}

const PREFIX = 'sreOwnership.pulse';

/** Names the key under this section in every refusal. */
const fail: (key: string, problem: string) => never =
  invalidAppConfigUnder(PREFIX);

function wholeNumber(
  config: Config,
  key: string,
  fallback: number,
  min: number,
  max: number,
  why = '',
): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    fail(
      key,
      `is ${value}; it must be a whole number from ${min} to ${max}${why}`,
    );
  }
  return value;
}

/**
 * The public key of `useDemoMarkerKey`: anyone who reads it here can tell,
 * from the database, who answered in which period. For a demo only.
 */
const DEMO_MARKER_KEY = 'sre-ownership demo pulse: not a secret';

/**
 * The secret of the answer markers. Whoever holds it can test whether a
 * given engineer answered for a team and period, so there is no built-in
 * key outside a demo that says so: one is required as soon as invitations
 * (the only way answers come in) are on.
 */
function readMarkerKey(
  config: Config | undefined,
  invitations: boolean,
): string | undefined {
  const markerKey = config?.getOptionalString('markerKey');
  if (markerKey !== undefined) {
    if (markerKey.length < 16) {
      fail('markerKey', 'must be at least 16 characters long');
    }
    return markerKey;
  }
  if (config?.getOptionalBoolean('useDemoMarkerKey')) return DEMO_MARKER_KEY;
  if (invitations) {
    fail(
      'markerKey',
      'is missing; it is required when sreOwnership.pulse.invitations.enabled is true. Set a secret of at least 16 characters (for example from an environment variable), so that no one without it can tell who answered',
    );
  }
  return undefined;
}

/**
 * Reads and validates `sreOwnership.pulse`. A minimum below 3 stops the
 * backend: an average of one or two answers would show what a person said.
 */
export function readPulseSettings(root: Config): PulseSettings {
  const config = root.getOptionalConfig(PREFIX);
  const read = <T>(fn: (c: Config) => T, fallback: T) =>
    config ? fn(config) : fallback;
  const pagePath = config?.getOptionalString('pagePath') ?? '/oncall-pulse';
  if (!/^\/[\w\-/]*$/.test(pagePath) || pagePath.endsWith('/')) {
    fail('pagePath', `"${pagePath}" must be an app path such as /oncall-pulse`);
  }
  const invitations =
    config?.getOptionalBoolean('invitations.enabled') ?? false;
  const markerKey = readMarkerKey(config, invitations);
  return {
    invitations,
    frequency: read(
      section =>
        readOptionalDuration(section, 'frequency', {
          fallback: { minutes: 15 },
          fail,
        }),
      { minutes: 15 },
    ),
    minimumAnswers: read(
      c =>
        wholeNumber(
          c,
          'minimumAnswers',
          DEFAULT_PULSE_MINIMUM_ANSWERS,
          PULSE_MINIMUM_ANSWERS_FLOOR,
          1000,
          ', so that no average shows what one or two people answered',
        ),
      DEFAULT_PULSE_MINIMUM_ANSWERS,
    ),
    periodDays: read(
      c => wholeNumber(c, 'periodDays', DEFAULT_PULSE_PERIOD_DAYS, 7, 366),
      DEFAULT_PULSE_PERIOD_DAYS,
    ),
    answerWithinDays: read(
      c => wholeNumber(c, 'answerWithinDays', 7, 1, 60),
      7,
    ),
    ...(markerKey ? { markerKey } : {}),
    pagePath,
  };
}
