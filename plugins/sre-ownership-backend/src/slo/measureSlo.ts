import {
  BURN_WINDOWS,
  BURN_WINDOW_SECONDS,
  BurnWindow,
  EventCounts,
  SloDeclaration,
  SloStatus,
  calendarPeriodAt,
  computeSloFigures,
  describeBurn,
  promqlDuration,
} from '@sre-ownership/plugin-sre-ownership-common';
import { PrometheusClient } from './PrometheusClient';
import { attainmentExpression, countOverWindow } from './sloQueries';

/**
 * The measured window and the one before it, in seconds since the epoch,
 * and the length the budget is computed over.
 */
export function windowsOf(slo: SloDeclaration, now: number) {
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

/**
 * Counts the SLO's events over its window, the previous window and every
 * burn window at `now`, and computes its figures. Throws the client's
 * errors when Prometheus is down or refuses a query.
 */
export async function measureSlo(
  slo: SloDeclaration,
  client: PrometheusClient,
  now: number,
): Promise<Omit<SloStatus, 'prometheus'>> {
  const { indicator } = slo;
  const notes = new Set<string>();
  const count = async (
    window: { start: number; end: number },
    label: string,
  ): Promise<EventCounts | null> => {
    const duration = promqlDuration(window.end - window.start);
    if (window.end <= window.start) return null;
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
  const figures = computeSloFigures({
    target: slo.target,
    windowSeconds: windows.budgetSeconds,
    current,
    previous,
    burn,
  });
  const range = promqlDuration(windows.current.end - windows.current.start);
  return {
    slo,
    window: {
      start: new Date(windows.current.start * 1000).toISOString(),
      end: new Date(windows.current.end * 1000).toISOString(),
    },
    figures,
    summary: describeBurn(figures.burn),
    notes: [...notes],
    queryUrl: client.graphUrl(attainmentExpression(indicator, range), range),
  };
}
