import {
  SloDeclaration,
  SloReading,
  promqlDuration,
} from '@sre-ownership/plugin-sre-ownership-common';
import { PrometheusClient } from './PrometheusClient';
import { readingQueries } from './sloQueries';

const clamp = (value: number, max: number) => Math.min(max, Math.max(0, value));

/** Seconds between readings of an SLO budgeted by occurrences. */
export const OCCURRENCE_STEP_SECONDS = 60;

/** Seconds between an SLO's readings: one time slice, or a minute. */
export function readingStep(slo: SloDeclaration): number {
  return slo.budgeting.method === 'Occurrences'
    ? OCCURRENCE_STEP_SECONDS
    : slo.budgeting.sliceSeconds;
}

/** What the readings of one stretch found, for the notes. */
export interface ReadingGaps {
  /** The total (or threshold, or raw ratio) query had no value at any step. */
  noTotal: boolean;
  /** The good or bad query had no value at any step while total had. */
  noCounted: boolean;
}

/**
 * `count` readings of the SLO's indicator `step` seconds apart, the last
 * ending at `end`, oldest first; null where a step has no data (no series,
 * NaN, or a total of 0).
 */
export async function fetchReadings(
  slo: SloDeclaration,
  client: PrometheusClient,
  end: number,
  count: number,
): Promise<{ readings: Array<SloReading | null>; gaps: ReadingGaps }> {
  if (count <= 0) {
    return { readings: [], gaps: { noTotal: false, noCounted: false } };
  }
  const step = readingStep(slo);
  const queries = readingQueries(slo.indicator, promqlDuration(step));
  const [counted, total] = await Promise.all([
    client.queryRange(queries.counted, end, count, step),
    queries.total
      ? client.queryRange(queries.total, end, count, step)
      : Promise.resolve(undefined),
  ]);
  const readings: Array<SloReading | null> = [];
  for (let i = 0; i < count; i++) {
    const time = end - (count - 1 - i) * step;
    const value = counted.get(time);
    if (!total) {
      // A raw ratio: the value is the share of good (or bad) events.
      readings.push(
        value === undefined
          ? null
          : { good: clamp(queries.countsBad ? 1 - value : value, 1), total: 1 },
      );
      continue;
    }
    const all = total.get(time);
    if (all === undefined || all <= 0) {
      readings.push(null);
      continue;
    }
    // A good or bad count with no value while total has events is 0.
    const events = value ?? 0;
    readings.push({
      good: clamp(queries.countsBad ? all - events : events, all),
      total: all,
    });
  }
  return {
    readings,
    gaps: {
      noTotal: (total ?? counted).size === 0,
      noCounted: total !== undefined && total.size > 0 && counted.size === 0,
    },
  };
}
