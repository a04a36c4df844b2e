import {
  BURN_WINDOWS,
  BURN_WINDOW_SECONDS,
  BurnWindow,
  EventCounts,
  SloDeclaration,
  SloReading,
  SloStatus,
  calendarPeriodAt,
  computeSloFigures,
  countReadings,
  describeBurn,
  promqlDuration,
} from '@sre-ownership/plugin-sre-ownership-common';
import { PrometheusClient, PrometheusQueryError } from './PrometheusClient';
import {
  attainmentExpression,
  countOverWindow,
  measuredByReadings,
  queriesOf,
  withWindow,
} from './sloQueries';
import { ReadingGaps, fetchReadings, readingStep } from './sloReadings';

interface Stretch {
  start: number;
  end: number;
}

/** The measured window and the one before it, in seconds since the epoch. */
function windowsOf(slo: SloDeclaration, now: number) {
  if (slo.window.kind === 'rolling') {
    const seconds = slo.window.seconds;
    return {
      current: { start: now - seconds, end: now },
      previous: { start: now - 2 * seconds, end: now - seconds },
      budgetSeconds: seconds,
    };
  }
  const period = calendarPeriodAt(slo.window, now * 1000);
  const previous = calendarPeriodAt(slo.window, period.start - 1);
  const seconds = (ms: number) => Math.floor(ms / 1000);
  return {
    current: { start: seconds(period.start), end: now },
    previous: { start: seconds(previous.start), end: seconds(period.start) },
    // A calendar SLO is budgeted over its whole period, not the part so far.
    budgetSeconds: seconds(period.end) - seconds(period.start),
  };
}

interface Measured {
  current: EventCounts | null;
  previous: EventCounts | null;
  burn: Record<BurnWindow, EventCounts | null>;
  /** The stretch the current figures cover. */
  window: Stretch;
}

/**
 * Checks each query of the SLO with Prometheus itself before measuring:
 * one instant evaluation as written (`{{.window}}` as 5m). A query
 * Prometheus refuses, or one that is not an instant vector, fails the SLO
 * with the field it was declared at.
 */
async function checkQueries(
  slo: SloDeclaration,
  client: PrometheusClient,
  now: number,
) {
  for (const query of queriesOf(slo.indicator)) {
    let type: string;
    try {
      type = await client.resultType(withWindow(query, '5m'), now);
    } catch (error) {
      if (error instanceof PrometheusQueryError) {
        throw new PrometheusQueryError(`${query.field}: ${error.message}`);
      }
      throw error;
    }
    if (type !== 'vector') {
      throw new PrometheusQueryError(
        `${query.field}: ${query.query} is a ${
          type === 'matrix' ? 'range vector' : type
        } in Prometheus "${
          client.name
        }"; give an instant vector, with {{.window}} where a range goes (e.g. sum(rate(http_requests_total[{{.window}}])))`,
      );
    }
  }
}

/** Instant queries over each whole window: counter ratios and raw ratios with `{{.window}}`. */
async function measureByWindows(
  slo: SloDeclaration,
  client: PrometheusClient,
  now: number,
  notes: Set<string>,
): Promise<Measured> {
  const { indicator } = slo;
  const count = async (
    window: Stretch,
    label: string,
  ): Promise<EventCounts | null> => {
    const duration = promqlDuration(window.end - window.start);
    if (window.end <= window.start) return null;
    if (indicator.metric === 'raw') {
      const ratio = await client.query(
        `avg(${withWindow(indicator.ratio, duration)})`,
        window.end,
      );
      if (ratio === null) {
        notes.add(
          `The ratio query returned no series over the ${label}; check ${indicator.ratio.query} in Prometheus`,
        );
        return null;
      }
      const share = Math.min(1, Math.max(0, ratio));
      return {
        bad: indicator.rawType === 'failure' ? share : 1 - share,
        total: 1,
      };
    }
    if (indicator.metric !== 'ratio') return null;
    const counted = (indicator.good ?? indicator.bad)!;
    const [total, value] = await Promise.all([
      client.query(countOverWindow(indicator.total, duration), window.end),
      client.query(countOverWindow(counted, duration), window.end),
    ]);
    if (total === null) {
      notes.add(
        `The total query returned no series over the ${label}; check ${indicator.total.query} in Prometheus`,
      );
      return null;
    }
    // A counter of bad (or good) events that never moved may have no series
    // at all; with total events present that means none happened.
    if (value === null) {
      notes.add(
        `The ${
          indicator.good ? 'good' : 'bad'
        } query returned no series over the ${label}; counted as 0`,
      );
    }
    const events = value ?? 0;
    // Bad events cannot exceed all events; rounding of increase() at window
    // edges can make good exceed total by a fraction.
    const bad = Math.min(
      total,
      Math.max(0, indicator.good ? total - events : events),
    );
    return { bad, total };
  };
  const windows = windowsOf(slo, now);
  const [current, previous, ...burnCounts] = await Promise.all([
    count(windows.current, `SLO window`),
    count(windows.previous, 'previous window'),
    ...BURN_WINDOWS.map(window =>
      count(
        { start: now - BURN_WINDOW_SECONDS[window], end: now },
        `last ${window}`,
      ),
    ),
  ]);
  const burn = Object.fromEntries(
    BURN_WINDOWS.map((w, i) => [w, burnCounts[i]]),
  ) as Record<BurnWindow, EventCounts | null>;
  return { current, previous, burn, window: windows.current };
}

/**
 * Readings every step (a minute, or one time slice): the whole steps that
 * fit in each window, the last ending at its end (rolling windows and burn
 * windows count back from now, calendar periods forward from their start).
 */
async function measureByReadings(
  slo: SloDeclaration,
  client: PrometheusClient,
  now: number,
  notes: Set<string>,
): Promise<Measured> {
  const step = readingStep(slo);
  const windows = windowsOf(slo, now);
  const steps = (stretch: Stretch) =>
    Math.floor((stretch.end - stretch.start) / step);
  const burnSteps = Object.fromEntries(
    BURN_WINDOWS.map(w => [w, Math.floor(BURN_WINDOW_SECONDS[w] / step)]),
  ) as Record<BurnWindow, number>;
  const longestBurn = Math.max(...Object.values(burnSteps));
  const currentSteps = steps(windows.current);
  const rolling = slo.window.kind === 'rolling';
  // Rolling: one stretch back from now serves the window and every burn window.
  const currentEnd = rolling
    ? now
    : windows.current.start + currentSteps * step;
  const previousSteps = steps(windows.previous);
  const previousEnd = rolling
    ? now - currentSteps * step
    : windows.previous.start + previousSteps * step;
  const [current, previous, burnStretch] = await Promise.all([
    fetchReadings(
      slo,
      client,
      currentEnd,
      rolling ? Math.max(currentSteps, longestBurn) : currentSteps,
    ),
    fetchReadings(slo, client, previousEnd, previousSteps),
    rolling
      ? Promise.resolve(undefined)
      : fetchReadings(slo, client, now, longestBurn),
  ]);
  const last = (readings: Array<SloReading | null>, n: number) =>
    n <= 0 ? [] : readings.slice(-n);
  const burnReadings = (burnStretch ?? current).readings;
  const note = (gaps: ReadingGaps, label: string) => {
    const { indicator } = slo;
    if (gaps.noTotal) {
      // The total query, or the one query of a threshold or raw ratio.
      const query = queriesOf(indicator).slice(-1)[0];
      notes.add(
        `The ${
          indicator.metric === 'ratio' ? 'total' : indicator.metric
        } query returned no series over the ${label}; check ${
          query.query
        } in Prometheus`,
      );
    } else if (gaps.noCounted && indicator.metric === 'ratio') {
      notes.add(
        `The ${
          indicator.good ? 'good' : 'bad'
        } query returned no series over the ${label}; counted as 0`,
      );
    }
  };
  note(current.gaps, 'SLO window');
  note(previous.gaps, 'previous window');
  const burn = Object.fromEntries(
    BURN_WINDOWS.map(w => [
      w,
      countReadings(last(burnReadings, burnSteps[w]), slo.budgeting),
    ]),
  ) as Record<BurnWindow, EventCounts | null>;
  return {
    current: countReadings(last(current.readings, currentSteps), slo.budgeting),
    previous: countReadings(previous.readings, slo.budgeting),
    burn,
    window: { start: currentEnd - currentSteps * step, end: currentEnd },
  };
}

/**
 * Counts the SLO's events (or slices) over its window, the previous window
 * and every burn window at `now`, and computes its figures. Throws the
 * client's errors when Prometheus is down or refuses a query.
 */
export async function measureSlo(
  slo: SloDeclaration,
  client: PrometheusClient,
  now: number,
): Promise<Omit<SloStatus, 'prometheus'>> {
  await checkQueries(slo, client, now);
  const notes = new Set<string>(slo.notes ?? []);
  const measured = measuredByReadings(slo)
    ? await measureByReadings(slo, client, now, notes)
    : await measureByWindows(slo, client, now, notes);
  const figures = computeSloFigures({
    target: slo.target,
    windowSeconds: windowsOf(slo, now).budgetSeconds,
    current: measured.current,
    previous: measured.previous,
    burn: measured.burn,
  });
  const range = promqlDuration(measured.window.end - measured.window.start);
  return {
    slo,
    window: {
      start: new Date(measured.window.start * 1000).toISOString(),
      end: new Date(measured.window.end * 1000).toISOString(),
    },
    figures,
    summary: describeBurn(figures.burn),
    notes: [...notes],
    queryUrl: client.graphUrl(
      attainmentExpression(slo, range, promqlDuration(readingStep(slo))),
      range,
    ),
  };
}
