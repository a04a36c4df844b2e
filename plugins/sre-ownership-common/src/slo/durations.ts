import { CalendarUnit } from './types';

const UNITS: Record<string, { unit: CalendarUnit; seconds?: number }> = {
  m: { unit: 'minute', seconds: 60 },
  h: { unit: 'hour', seconds: 3600 },
  d: { unit: 'day', seconds: 86_400 },
  w: { unit: 'week', seconds: 7 * 86_400 },
  M: { unit: 'month' },
  Q: { unit: 'quarter' },
  Y: { unit: 'year' },
};

/** An OpenSLO duration such as `28d` or `1M`, read. */
export interface OpenSloDuration {
  count: number;
  unit: CalendarUnit;
  /** Length in seconds; absent for months, quarters and years. */
  seconds?: number;
}

/**
 * Reads an OpenSLO v1 duration shorthand: a positive whole number and one
 * of the units m, h, d, w, M, Q, Y. Undefined when it is not one.
 */
export function parseOpenSloDuration(
  text: string,
): OpenSloDuration | undefined {
  const match = /^([1-9][0-9]{0,5})([mhdwMQY])$/.exec(text);
  if (!match) return undefined;
  const count = Number(match[1]);
  const { unit, seconds } = UNITS[match[2]];
  return {
    count,
    unit,
    seconds: seconds === undefined ? undefined : count * seconds,
  };
}

/**
 * A number of seconds as the shortest PromQL duration that states it
 * exactly, e.g. `2419200` as `28d` and `5400` as `90m`.
 *
 * @public
 */
export function promqlDuration(seconds: number): string {
  for (const [suffix, size] of [
    ['w', 604_800],
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
  ] as const) {
    if (seconds % size === 0) return `${seconds / size}${suffix}`;
  }
  return `${seconds}s`;
}
