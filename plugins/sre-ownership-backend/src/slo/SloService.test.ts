import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { stringify } from 'yaml';
import { anOrganisation } from '../__testUtils__/catalog';
import { OnCallNowReader } from '../oncall/OnCallNowReader';
import { PrincipalEntityCache } from '../catalog/PrincipalEntityCache';
import { OwnershipResolver } from '../ownership/OwnershipResolver';
import {
  openMetrics,
  startPrometheus,
  TestPrometheus,
} from './__testUtils__/prometheus';
import { PrometheusSettings } from './prometheusConfig';
import { SloDeclarationReader } from './SloDeclarationReader';
import { SloService } from './SloService';

// Backfilling 15 days of history with promtool takes most of a minute on a
// busy machine.
jest.setTimeout(180_000);

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;
/** Evaluation time: 2026-06-01T00:00:00Z, on a sample. */
const T = 1_780_272_000;
const FROM = T - 15 * DAY;
const PORT = 9151;
const CLOSED_PORT = 9159;

const within = (time: number, start: number, end: number) =>
  time > start && time <= end;

/**
 * Checkout: 100 requests a minute. Errors: 50% for an hour ten days ago
 * (previous window), everything for 30 minutes five days ago, and 20% for
 * the last 50 minutes (a fast burn). The process restarted two days ago.
 */
const checkoutErrors = (time: number) => {
  if (within(time, T - 10 * DAY, T - 10 * DAY + HOUR)) return 50;
  if (within(time, T - 5 * DAY, T - 5 * DAY + 30 * MINUTE)) return 100;
  if (within(time, T - 50 * MINUTE, T)) return 20;
  return 0;
};

/** Search: 1000 requests a minute, 4 of them failing for the last 3 days (a slow burn); no error series before. */
const history = openMetrics({
  checkout_requests: [
    {
      labels: { code: 'ok' },
      from: FROM,
      to: T,
      step: MINUTE,
      increment: t => 100 - checkoutErrors(t),
      resetsAt: [T - 2 * DAY],
    },
    {
      labels: { code: 'error' },
      from: FROM,
      to: T,
      step: MINUTE,
      increment: checkoutErrors,
      resetsAt: [T - 2 * DAY],
    },
  ],
  search_requests: [
    { labels: {}, from: FROM, to: T, step: MINUTE, increment: () => 1000 },
  ],
  search_errors: [
    { labels: {}, from: T - 3 * DAY, to: T, step: MINUTE, increment: () => 4 },
  ],
});

const slo = (
  name: string,
  target: number,
  indicator: unknown,
  extra: Record<string, unknown> = {},
) => ({
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name },
  spec: {
    budgetingMethod: 'Occurrences',
    timeWindow: [{ duration: '7d', isRolling: true }],
    objectives: [{ target }],
    indicator: {
      metadata: { name: `${name}-sli` },
      spec: { ratioMetric: { counter: true, ...(indicator as object) } },
    },
    ...extra,
  },
});
const query = (q: string) => ({
  metricSource: { type: 'Prometheus', spec: { query: q } },
});

const checkoutSlo = slo('checkout-availability', 0.99, {
  good: query('checkout_requests_total{code="ok"}'),
  total: query('checkout_requests_total'),
});
const searchSlo = slo('search-availability', 0.998, {
  bad: query('sum(increase(search_errors_total[{{.window}}]))'),
  total: query('sum(increase(search_requests_total[{{.window}}]))'),
});
const missingSlo = slo('ghost-availability', 0.99, {
  good: query('ghost_requests_total{code="ok"}'),
  total: query('ghost_requests_total'),
});

const component = (
  name: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: {
      'sre-ownership.io/slo-guard': 'user:jane-doe, user:mei-lin',
      ...annotations,
    },
  },
  spec: { type: 'service', owner: 'group:payments' },
});

let prometheus: TestPrometheus;
let dir: string;

beforeAll(async () => {
  prometheus = await startPrometheus(history, PORT);
  dir = await mkdtemp(join(tmpdir(), 'sre-ownership-slo-'));
  await writeFile(
    join(dir, 'slos.yaml'),
    [checkoutSlo, searchSlo].map(d => stringify(d)).join('---\n'),
  );
});

afterAll(async () => {
  await prometheus?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function service(settings: Partial<PrometheusSettings> = {}) {
  const catalog = catalogServiceMock({
    entities: [
      ...anOrganisation(),
      component('checkout', {
        'sre-ownership.io/slo-file': './slos.yaml',
        'backstage.io/managed-by-location': `file:${join(
          dir,
          'catalog-info.yaml',
        )}`,
      }),
      component('ghost', { 'sre-ownership.io/slos': stringify(missingSlo) }),
    ],
  });
  const ownership = new OwnershipResolver({
    catalog,
    defaults: { derivedEscalationStepMinutes: 15 },
    cache: new PrincipalEntityCache(),
    // No shifts: these tests are about SLOs, not who is on call.
    onCall: new OnCallNowReader({
      store: { listShifts: async () => [], shiftWrites: () => 0 },
      ttlMs: 0,
    }),
  });
  return new SloService({
    catalog,
    reader: new SloDeclarationReader({
      urlReader: mockServices.urlReader.mock(),
    }),
    settings: {
      instances: [
        {
          name: 'test',
          baseUrl: prometheus.baseUrl,
          publicUrl: 'https://prometheus.acme.example',
          headers: {},
        },
      ],
      defaultInstance: 'test',
      timeoutMs: 5000,
      cacheTtlMs: 30_000,
      ...settings,
    },
    getOwnership: (ref, credentials) =>
      ownership.getOwnership(ref, credentials),
    now: () => new Date(T * 1000),
  });
}

const statusOf = (name: string, settings?: Partial<PrometheusSettings>) =>
  service(settings).getSloStatus(
    { kind: 'Component', namespace: 'default', name },
    mockCredentials.user(),
  );

describe('SloService against a real Prometheus', () => {
  it('measures attainment, budget and a page-level burn exactly, across a counter reset', async () => {
    const status = await statusOf('checkout');
    expect(status.problems).toEqual([]);
    const checkout = status.slos.find(
      s => s.slo.name === 'checkout-availability',
    )!;
    expect(checkout.error).toBeUndefined();
    expect(checkout.notes).toEqual([]);
    expect(checkout.window).toEqual({
      start: '2026-05-25T00:00:00.000Z',
      end: '2026-06-01T00:00:00.000Z',
    });
    // 7 days of 100 requests a minute: 1,008,000; 3,000 failed five days
    // ago and 1,000 in the last 50 minutes. The target allows 1%: 10,080.
    const figures = checkout.figures!;
    expect(figures.attainment).toBeCloseTo(1 - 4000 / 1_008_000, 12);
    expect(figures.budget.consumed).toBeCloseTo(4000 / 10_080, 12);
    expect(figures.budget.remaining).toBeCloseTo(1 - 4000 / 10_080, 12);
    expect(figures.budget.totalSeconds).toBeCloseTo(0.01 * 7 * DAY, 9);
    expect(figures.budget.remainingSeconds).toBeCloseTo(
      (1 - 4000 / 10_080) * 0.01 * 7 * DAY,
      6,
    );
    // The window before: 1,500 of 1,008,000 failed ten days ago.
    expect(figures.previousConsumed).toBeCloseTo(3000 / 10_080, 12);
    // Burn rate: error share over the window divided by 1%.
    const expected = {
      '5m': 20,
      '30m': 20,
      '1h': (1000 / 6000) * 100,
      '2h': (1000 / 12_000) * 100,
      '6h': (1000 / 36_000) * 100,
      '1d': (1000 / 144_000) * 100,
      '3d': (1000 / 432_000) * 100,
    };
    for (const [window, rate] of Object.entries(expected)) {
      expect([
        window,
        figures.burnRates[window as keyof typeof expected],
      ]).toEqual([window, expect.closeTo(rate, 9)]);
    }
    expect(figures.burn.severity).toBe('page');
    expect(figures.burn.rule).toEqual({
      severity: 'page',
      factor: 14.4,
      long: '1h',
      short: '5m',
    });
    const exhaustedIn = ((1 - 4000 / 10_080) * 7 * DAY) / ((1000 / 6000) * 100);
    expect(figures.burn.exhaustedInSeconds).toBeCloseTo(exhaustedIn, 6);
    expect(checkout.summary).toBe(
      'burning 16.7x over 1h: budget gone in 6.1 hours at this rate',
    );
    expect(checkout.queryUrl).toBe(
      `https://prometheus.acme.example/graph?${new URLSearchParams({
        'g0.expr':
          'sum(increase(checkout_requests_total{code="ok"}[1w])) / sum(increase(checkout_requests_total[1w]))',
        'g0.tab': '0',
        'g0.range_input': '1w',
      })}`,
    );
  });

  it('classifies a slow burn as a ticket, counting a bad counter with no series as none', async () => {
    const status = await statusOf('checkout');
    const search = status.slos.find(s => s.slo.name === 'search-availability')!;
    const figures = search.figures!;
    // 4 of 1,000 a minute for 3 days: 17,280 of 10,080,000; the target allows 0.2%: 20,160.
    expect(figures.attainment).toBeCloseTo(1 - 17_280 / 10_080_000, 12);
    expect(figures.budget.consumed).toBeCloseTo(17_280 / 20_160, 12);
    expect(figures.previousConsumed).toBe(0);
    expect(search.notes).toEqual([
      'The bad query returned no series over the previous window; counted as 0',
    ]);
    for (const window of ['5m', '30m', '1h', '2h', '6h', '1d', '3d'] as const) {
      expect([window, figures.burnRates[window]]).toEqual([
        window,
        expect.closeTo(2, 9),
      ]);
    }
    expect(figures.burn).toEqual({
      severity: 'ticket',
      rule: { severity: 'ticket', factor: 1, long: '3d', short: '6h' },
      rate: expect.closeTo(2, 9),
      exhaustedInSeconds: expect.closeTo(
        ((1 - 17_280 / 20_160) * 7 * DAY) / 2,
        4,
      ),
    });
    expect(search.summary).toBe(
      'burning 2x over 3d: budget gone in 12 hours at this rate',
    );
  });

  it('names the SLO guard, primary and backup, from the resolved ownership', async () => {
    const { guard } = await statusOf('checkout');
    expect(guard?.primary?.ref).toBe('user:default/jane-doe');
    expect(guard?.backups.map(b => b.ref)).toEqual(['user:default/mei-lin']);
  });

  it('says null, not 0, when the total query returns no series', async () => {
    const { slos } = await statusOf('ghost');
    expect(slos[0].figures?.attainment).toBeNull();
    expect(slos[0].figures?.budget.remaining).toBeNull();
    expect(slos[0].figures?.burn.severity).toBe('unknown');
    expect(slos[0].notes).toContain(
      'The total query returned no series over the SLO window; check ghost_requests_total in Prometheus',
    );
  });

  it('says so when Prometheus does not answer, and when none is configured', async () => {
    const down = await statusOf('ghost', {
      instances: [
        {
          name: 'test',
          baseUrl: `http://127.0.0.1:${CLOSED_PORT}`,
          headers: {},
        },
      ],
    });
    expect(down.slos[0].error).toEqual({
      kind: 'unavailable',
      message: `Prometheus "test" at http://127.0.0.1:${CLOSED_PORT} did not answer (ECONNREFUSED)`,
    });
    const none = await statusOf('ghost', {
      instances: [],
      defaultInstance: undefined,
    });
    expect(none.prometheusConfigured).toBe(false);
    expect(none.slos[0].error?.kind).toBe('not-configured');
  });

  it('reports a query Prometheus refuses on its SLO, and an unreadable file on the card', async () => {
    const broken = slo('broken', 0.99, {
      good: query('sum(rate(x_total[{{.window}}])'),
      total: query('sum(rate(x_total[{{.window}}]))'),
    });
    const catalog = catalogServiceMock({
      entities: [
        component('broken', {
          'sre-ownership.io/slos': stringify(broken),
          'sre-ownership.io/slo-file': './missing.yaml',
          'backstage.io/managed-by-location': `file:${join(
            dir,
            'catalog-info.yaml',
          )}`,
        }),
      ],
    });
    const status = await new SloService({
      catalog,
      reader: new SloDeclarationReader({
        urlReader: mockServices.urlReader.mock(),
      }),
      settings: {
        instances: [{ name: 'test', baseUrl: prometheus.baseUrl, headers: {} }],
        defaultInstance: 'test',
        timeoutMs: 5000,
        cacheTtlMs: 0,
      },
      getOwnership: async () => ({ specialists: [] } as any),
      now: () => new Date(T * 1000),
    }).getSloStatus(
      { kind: 'Component', namespace: 'default', name: 'broken' },
      mockCredentials.user(),
    );
    expect(status.slos[0].error?.kind).toBe('query-failed');
    expect(status.slos[0].error?.message).toContain('refused the query');
    expect(status.problems).toEqual([
      {
        entityRef: 'component:default/broken',
        file: 'sre-ownership.io/slo-file',
        field: './missing.yaml',
        message: expect.stringMatching(
          /^could not be read: ENOENT: no such file or directory, open 'the file'; check the path/,
        ),
      },
    ]);
  });
});
