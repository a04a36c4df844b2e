import {
  OncallPage,
  SloDeclaration,
  SloIncidentAttribution,
  SloIncidentBudget,
  promqlDuration,
} from '@sre-ownership/plugin-sre-ownership-common';
import { PrometheusClient } from './PrometheusClient';
import { windowsOf } from './measureSlo';
import { countOverWindow, measuredByReadings } from './sloQueries';

/**
 * Whether the budget can be attributed to incidents: counter ratios with
 * Occurrences budgeting, whose events can be counted over any interval.
 * Time slices and readings are counted in whole steps, which an incident's
 * open time does not line up with.
 */
export function attributable(slo: SloDeclaration): boolean {
  return slo.indicator.metric === 'ratio' && !measuredByReadings(slo);
}

/** A closed interval of seconds since the epoch. */
interface Interval {
  start: number;
  end: number;
}

/**
 * The part of each page's open time that lies inside the SLO window: from
 * its trigger (or the window's start) to its resolution (or `now`, while it
 * is open). Pages entirely outside the window are left out.
 */
export function countedIntervals(
  pages: OncallPage[],
  window: Interval,
): Array<{ page: OncallPage; counted: Interval }> {
  const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);
  return pages.flatMap(page => {
    const start = Math.max(seconds(page.triggeredAt), window.start);
    const end = Math.min(
      page.resolvedAt ? seconds(page.resolvedAt) : window.end,
      window.end,
    );
    return end > start ? [{ page, counted: { start, end } }] : [];
  });
}

/** Overlapping or touching intervals merged, in order. */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) {
      last.end = Math.max(last.end, interval.end);
    } else {
      merged.push({ ...interval });
    }
  }
  return merged;
}

/**
 * Bad and total events of the SLO's indicator between `start` and `end`:
 * both counted over `end − start` at `end`, as every other figure is.
 * Null when the total query has no series there.
 */
async function eventsBetween(
  slo: SloDeclaration,
  client: PrometheusClient,
  interval: Interval,
): Promise<{ bad: number; total: number } | null> {
  const { indicator } = slo;
  if (indicator.metric !== 'ratio') return null;
  const duration = promqlDuration(interval.end - interval.start);
  const counted = (indicator.good ?? indicator.bad)!;
  const [total, value] = await Promise.all([
    client.query(countOverWindow(indicator.total, duration), interval.end),
    client.query(countOverWindow(counted, duration), interval.end),
  ]);
  if (total === null) return null;
  const events = value ?? 0;
  const bad = Math.min(
    total,
    Math.max(0, indicator.good ? total - events : events),
  );
  return { bad, total };
}

/**
 * The error budget each page about the entity spent while it was open,
 * as defined in docs/slos.md ("Budget per incident"): the bad events
 * between its trigger and its resolution, inside the SLO window, over the
 * bad events the target allows in the whole window.
 */
export async function attributeIncidents(
  slo: SloDeclaration,
  client: PrometheusClient,
  pages: OncallPage[],
  now: number,
): Promise<Omit<SloIncidentAttribution, 'error'>> {
  const windows = windowsOf(slo, now);
  const window = windows.current;
  const allowed = 1 - slo.target;
  const whole = await eventsBetween(slo, client, window);
  // The bad events the target allows over the window; null without events.
  const budgetEvents = whole && whole.total > 0 ? allowed * whole.total : null;
  const share = (bad: number | null) =>
    bad === null || budgetEvents === null ? null : bad / budgetEvents;
  const budgetMinutes = (allowed * windows.budgetSeconds) / 60;
  const counted = countedIntervals(pages, window);
  const incidents: SloIncidentBudget[] = await Promise.all(
    counted.map(async ({ page, counted: interval }) => {
      const events = await eventsBetween(slo, client, interval);
      const budgetShare = share(events?.bad ?? null);
      return {
        id: page.externalId,
        source: page.source,
        ...(page.title ? { title: page.title } : {}),
        severity: page.severity,
        triggeredAt: page.triggeredAt,
        ...(page.resolvedAt ? { resolvedAt: page.resolvedAt } : {}),
        counted: {
          start: new Date(interval.start * 1000).toISOString(),
          end: new Date(interval.end * 1000).toISOString(),
        },
        badEvents: events?.bad ?? null,
        budgetShare,
        outageMinutes:
          budgetShare === null ? null : budgetShare * budgetMinutes,
      };
    }),
  );
  incidents.sort(
    (a, b) =>
      (b.budgetShare ?? -1) - (a.budgetShare ?? -1) ||
      a.triggeredAt.localeCompare(b.triggeredAt),
  );
  const union = await Promise.all(
    mergeIntervals(counted.map(c => c.counted)).map(
      async interval => (await eventsBetween(slo, client, interval))?.bad ?? 0,
    ),
  );
  const consumed = share(whole?.bad ?? null);
  const during = share(union.reduce((sum, bad) => sum + bad, 0));
  return {
    sloName: slo.name,
    displayName: slo.displayName,
    window: {
      start: new Date(window.start * 1000).toISOString(),
      end: new Date(window.end * 1000).toISOString(),
    },
    incidents,
    duringIncidents: during,
    consumed,
    // Counts at different edges may disagree by a fraction of a scrape:
    // never below zero.
    outsideIncidents:
      consumed === null || during === null
        ? null
        : Math.max(0, consumed - during),
  };
}
