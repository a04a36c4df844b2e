import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { invalidAppConfig } from '@sre-ownership/plugin-sre-ownership-common';

const DATE_UNITS = [
  ['years', 'Y'],
  ['months', 'M'],
  ['weeks', 'W'],
  ['days', 'D'],
] as const;
const TIME_UNITS = [
  ['hours', 'H'],
  ['minutes', 'M'],
  ['seconds', 'S'],
] as const;

/** A duration in both forms app-config takes, e.g. `{ minutes: 15 } or PT15M`. */
export function describeDuration(duration: HumanDuration): string {
  const parts = Object.entries(duration).map(([unit, n]) => `${unit}: ${n}`);
  const iso = (units: typeof DATE_UNITS | typeof TIME_UNITS) =>
    units
      .filter(([unit]) => duration[unit] !== undefined)
      .map(([unit, letter]) => `${duration[unit]}${letter}`)
      .join('');
  const time = iso(TIME_UNITS);
  return `{ ${parts.join(', ')} } or P${iso(DATE_UNITS)}${time && `T${time}`}`;
}

/**
 * Reads an optional duration setting, in any form `readDurationFromConfig`
 * takes: the fallback when the key is absent; refused, naming the key and
 * the accepted forms, when it is not a duration, and when it is not longer
 * than zero (or, with `zeroAllowed`, when it is negative).
 */
export function readOptionalDuration(
  config: Config,
  key: string,
  options: {
    fallback: HumanDuration;
    zeroAllowed?: boolean;
    /** The example the refusal shows; the fallback unless that is zero. */
    example?: HumanDuration;
    /** How to refuse; a section's reader names keys relative to it. */
    fail?: (key: string, problem: string) => never;
  },
): HumanDuration {
  const { fallback, zeroAllowed = false, fail = invalidAppConfig } = options;
  if (!config.has(key)) return fallback;
  let duration: HumanDuration;
  try {
    duration = readDurationFromConfig(config, { key });
  } catch {
    return fail(
      key,
      `is not a duration; write it as ${describeDuration(
        options.example ?? fallback,
      )}`,
    );
  }
  const ms = durationToMilliseconds(duration);
  if (zeroAllowed ? !(ms >= 0) : !(ms > 0)) {
    fail(
      key,
      zeroAllowed ? 'must not be negative' : 'must be longer than zero',
    );
  }
  return duration;
}
