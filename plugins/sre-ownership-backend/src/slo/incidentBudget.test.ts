import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { OncallPage } from '@sre-ownership/plugin-sre-ownership-common';
import { stringify } from 'yaml';
import { TimeRange } from '../oncall/OncallStore';
import {
  openMetrics,
  startPrometheus,
  TestPrometheus,
} from './__testUtils__/prometheus';
import { countedIntervals, mergeIntervals } from './incidentBudget';
import { SloDeclarationReader } from './SloDeclarationReader';
import { SloService } from './SloService';

jest.setTimeout(60_000);

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;
/** Evaluation time: 2026-06-01T00:00:00Z, on a sample. */
const T = 1_780_272_000;
const PORT = 9163;

const within = (time: number, start: number, end: number) =>
  time > start && time <= end;

/**
 * Ledger: 100 requests a minute. Errors a minute:
 * - 2 from 25 h to 23 h ago (the SLO window of 1 day starts 24 h ago);
 * - 30 from 10 h to 9 h 30 ago, 10 from 9 h to 8 h 30 ago;
 * - 5 from 3 h to 2 h ago, while no page is open;
 * - 20 in the last 20 minutes.
 */
const errors = (t: number) => {
  if (within(t, T - 25 * HOUR, T - 23 * HOUR)) return 2;
  if (within(t, T - 10 * HOUR, T - 9.5 * HOUR)) return 30;
  if (within(t, T - 9 * HOUR, T - 8.5 * HOUR)) return 10;
  if (within(t, T - 3 * HOUR, T - 2 * HOUR)) return 5;
  if (within(t, T - 20 * MINUTE, T)) return 20;
  return 0;
};

const history = openMetrics({
  ledger_requests: [
    {
      labels: { code: 'ok' },
      from: T - 3 * DAY,
      to: T,
      step: MINUTE,
      increment: t => 100 - errors(t),
    },
    {
      labels: { code: 'error' },
      from: T - 3 * DAY,
      to: T,
      step: MINUTE,
      increment: errors,
    },
  ],
});

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

const page = (
  id: string,
  triggered: number,
  resolved?: number,
): OncallPage => ({
  source: 'pagerduty',
  externalId: id,
  entityRef: 'component:default/ledger',
  severity: 'high',
  title: `${id} ledger errors`,
  triggeredAt: iso(triggered),
  ...(resolved === undefined ? {} : { resolvedAt: iso(resolved) }),
});

/** A: 10 h to 9 h ago; B overlaps it, 9 h 45 to 8 h ago; C still open. */
const PAGES = [
  page('INC-1', T - 40 * HOUR, T - 39 * HOUR), // before the window: left out
  page('INC-2', T - 30 * HOUR, T - 23 * HOUR), // counted from the window's start
  page('INC-A', T - 10 * HOUR, T - 9 * HOUR),
  page('INC-B', T - 9.75 * HOUR, T - 8 * HOUR),
  page('INC-Q', T - 5 * HOUR, T - 4 * HOUR), // no errors while open
  page('INC-C', T - 20 * MINUTE),
];

const ledger: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'ledger',
    namespace: 'default',
    annotations: {
      'sre-ownership.io/slos': stringify({
        apiVersion: 'openslo/v1',
        kind: 'SLO',
        metadata: { name: 'ledger-availability', displayName: 'Ledger' },
        spec: {
          budgetingMethod: 'Occurrences',
          timeWindow: [{ duration: '1d', isRolling: true }],
          objectives: [{ target: 0.99 }],
          indicator: {
            metadata: { name: 'ledger-requests' },
            spec: {
              ratioMetric: {
                counter: true,
                good: {
                  metricSource: {
                    type: 'Prometheus',
                    spec: { query: 'ledger_requests_total{code="ok"}' },
                  },
                },
                total: {
                  metricSource: {
                    type: 'Prometheus',
                    spec: { query: 'ledger_requests_total' },
                  },
                },
              },
            },
          },
        },
      }),
    },
  },
  spec: { type: 'service', owner: 'group:payments' },
};

let prometheus: TestPrometheus;
const asked: TimeRange[] = [];

beforeAll(async () => {
  prometheus = await startPrometheus(history, PORT);
});

afterAll(async () => {
  await prometheus?.stop();
});

function service() {
  return new SloService({
    catalog: catalogServiceMock({ entities: [ledger] }),
    reader: new SloDeclarationReader({
      urlReader: mockServices.urlReader.mock(),
    }),
    settings: {
      instances: [{ name: 'test', baseUrl: prometheus.baseUrl, headers: {} }],
      defaultInstance: 'test',
      timeoutMs: 5000,
      cacheTtlMs: 0,
    },
    // As the store answers: pages about the entity triggered in the range.
    pages: {
      listPages: async ({ range }) => {
        asked.push(range);
        return PAGES.filter(
          p =>
            Date.parse(p.triggeredAt) >= range.from.getTime() &&
            Date.parse(p.triggeredAt) < range.to.getTime(),
        );
      },
    },
    getOwnership: async () => {
      throw new Error('not needed');
    },
    now: () => new Date(T * 1000),
  });
}

describe('budget per incident against a real Prometheus', () => {
  it('charges each page the bad events while it was open, as a share of the window budget', async () => {
    const result = await service().getIncidents(
      { kind: 'Component', namespace: 'default', name: 'ledger' },
      mockCredentials.user(),
    );
    // Pages are looked for from the start of the window before this one.
    expect(asked[0].from.toISOString()).toBe(iso(T - 2 * DAY));
    const [slo] = result.slos;
    expect(slo.error).toBeUndefined();
    expect(slo.window).toEqual({ start: iso(T - DAY), end: iso(T) });
    // 1 day of 100 requests a minute: 144,000; the target allows 1,440 bad.
    // Bad in the window: 120 + 900 + 300 + 300 + 400 = 2,020.
    expect(slo.consumed).toBeCloseTo(2020 / 1440, 12);
    const byId = Object.fromEntries(slo.incidents.map(i => [i.id, i]));
    expect(Object.keys(byId).sort()).toEqual(
      ['INC-2', 'INC-A', 'INC-B', 'INC-C', 'INC-Q'].sort(),
    );
    // The budget as time: 1% of a day is 14.4 minutes of full outage.
    const expected: Record<string, number> = {
      'INC-A': 900, // 30 a minute for 30 minutes
      'INC-B': 750, // 15 minutes of A's errors, then 30 minutes at 10
      'INC-C': 400, // still open: counted to now
      'INC-2': 120, // from the window's start: 60 minutes at 2
      'INC-Q': 0,
    };
    for (const [id, bad] of Object.entries(expected)) {
      expect([id, byId[id].badEvents]).toEqual([id, expect.closeTo(bad, 9)]);
      expect([id, byId[id].budgetShare]).toEqual([
        id,
        expect.closeTo(bad / 1440, 12),
      ]);
      expect([id, byId[id].outageMinutes]).toEqual([
        id,
        expect.closeTo((bad / 1440) * 14.4, 9),
      ]);
    }
    expect(byId['INC-2'].counted).toEqual({
      start: iso(T - DAY),
      end: iso(T - 23 * HOUR),
    });
    expect(byId['INC-C'].resolvedAt).toBeUndefined();
    expect(byId['INC-C'].counted.end).toBe(iso(T));
    // Most budget first.
    expect(slo.incidents.map(i => i.id)).toEqual([
      'INC-A',
      'INC-B',
      'INC-C',
      'INC-2',
      'INC-Q',
    ]);
    // Overlapping A and B count once: 120 + 1,200 + 400 while a page was
    // open; the 300 of 3 h ago outside any.
    expect(slo.duringIncidents).toBeCloseTo(1720 / 1440, 12);
    expect(slo.outsideIncidents).toBeCloseTo(300 / 1440, 12);
  });
});

describe('counted intervals', () => {
  it('clips pages to the window and merges overlapping ones', () => {
    const counted = countedIntervals(PAGES, { start: T - DAY, end: T });
    expect(counted.map(c => c.page.externalId)).toEqual([
      'INC-2',
      'INC-A',
      'INC-B',
      'INC-Q',
      'INC-C',
    ]);
    expect(mergeIntervals(counted.map(c => c.counted))).toEqual([
      { start: T - DAY, end: T - 23 * HOUR },
      { start: T - 10 * HOUR, end: T - 8 * HOUR },
      { start: T - 5 * HOUR, end: T - 4 * HOUR },
      { start: T - 20 * MINUTE, end: T },
    ]);
  });
});
