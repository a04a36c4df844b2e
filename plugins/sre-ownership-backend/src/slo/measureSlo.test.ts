import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BurnWindow,
  SloDeclaration,
  parseOpenSlo,
} from '@sre-ownership/plugin-sre-ownership-common';
import {
  openMetrics,
  startPrometheus,
  TestPrometheus,
} from './__testUtils__/prometheus';
import { PrometheusClient } from './PrometheusClient';
import { measureSlo } from './measureSlo';

jest.setTimeout(60_000);

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;
/** Evaluation time: 2026-06-01T00:00:00Z (a Monday), on a sample. */
const T = 1_780_272_000;
/** Three days of history, one sample a minute. */
const FROM = T - 3 * DAY;
const PORT = 9152;

/** The minute ending at `time` lies in (start, end]. */
const within = (time: number, start: number, end: number) =>
  time > start && time <= end;

/**
 * api: 100 requests a minute. Errors a minute:
 * - 50 for an hour from T − 1d − 12h (previous day: 60 minutes at 50%);
 * - 10 for 20 minutes from T − 2h (10%);
 * - 3 for 10 minutes from T − 1h (3%);
 * - 6 for the last 45 minutes (6%).
 * So the last day has 20 + 10 + 45 = 75 minutes with errors, 65 of them
 * above 5%, and 20·10 + 10·3 + 45·6 = 500 failed requests of 144,000.
 */
const apiErrors = (t: number) => {
  if (within(t, T - DAY - 12 * HOUR, T - DAY - 11 * HOUR)) return 50;
  if (within(t, T - 2 * HOUR, T - 2 * HOUR + 20 * MINUTE)) return 10;
  if (within(t, T - HOUR, T - HOUR + 10 * MINUTE)) return 3;
  if (within(t, T - 45 * MINUTE, T)) return 6;
  return 0;
};

/**
 * p99 latency in seconds, a gauge sampled each minute: 0.2; 0.45 for 90
 * minutes from T − 1d − 6h (previous day); 0.5 for 40 minutes from T − 3h;
 * exactly 0.3 for the last 10 minutes.
 */
const latency = (t: number) => {
  if (within(t, T - DAY - 6 * HOUR, T - DAY - 6 * HOUR + 90 * MINUTE))
    return 0.45;
  if (within(t, T - 3 * HOUR, T - 3 * HOUR + 40 * MINUTE)) return 0.5;
  if (within(t, T - 10 * MINUTE, T)) return 0.3;
  return 0.2;
};

/** Consumers of a queue: 4; 2 for 25 minutes from T − 5h; exactly 3 for the last 20 minutes. */
const consumers = (t: number) => {
  if (within(t, T - 5 * HOUR, T - 5 * HOUR + 25 * MINUTE)) return 2;
  if (within(t, T - 20 * MINUTE, T)) return 3;
  return 4;
};

/** Wifi satisfaction, a ratio: 0.9, and 0.6 for the last hour. */
const satisfaction = (t: number) => (within(t, T - HOUR, T) ? 0.6 : 0.9);

/**
 * web (OpenSLO's Go SDK example): 100 requests a minute, 90 answered 2xx, 5
 * 4xx and 5 5xx, so 95% good; 75 2xx and 20 5xx for the hour from T − 2h
 * (80%), and 45 2xx and 50 5xx for 30 minutes from T − 2d (50%).
 */
const webRequests = (code: '2xx' | '4xx' | '5xx') => (t: number) => {
  if (code === '4xx') return 5;
  if (within(t, T - 2 * HOUR, T - HOUR)) return code === '2xx' ? 75 : 20;
  if (within(t, T - 2 * DAY, T - 2 * DAY + 30 * MINUTE)) {
    return code === '2xx' ? 45 : 50;
  }
  return code === '2xx' ? 90 : 5;
};
/** A counter exposed without `_total`, as the example names it: its running sum. */
const running = (increment: (t: number) => number) => {
  let value = 0;
  return (t: number) => {
    if (t > FROM) value += increment(t);
    return value;
  };
};

const minutely = { from: FROM, to: T, step: MINUTE };
const history = openMetrics(
  {
    api_requests: [
      {
        labels: { code: 'ok' },
        ...minutely,
        increment: t => 100 - apiErrors(t),
      },
      { labels: { code: 'error' }, ...minutely, increment: apiErrors },
    ],
  },
  {
    api_latency_p99_seconds: [{ labels: {}, ...minutely, value: latency }],
    queue_consumers: [{ labels: {}, ...minutely, value: consumers }],
    wifi_satisfaction_ratio: [{ labels: {}, ...minutely, value: satisfaction }],
    http_requests: (['2xx', '4xx', '5xx'] as const).map(code => ({
      labels: { k8s_cluster: 'prod', component: 'web', code },
      ...minutely,
      value: running(webRequests(code)),
    })),
  },
);

/** An OpenSLO v1 SLO over a one-day rolling window, as YAML. */
const openSlo = (
  name: string,
  indicator: string,
  objective: string,
  budgeting = 'Occurrences',
  window = '[{ duration: 1d, isRolling: true }]',
) => `
apiVersion: openslo/v1
kind: SLO
metadata: { name: ${name} }
spec:
  budgetingMethod: ${budgeting}
  timeWindow: ${window}
  objectives: [${objective}]
  indicator:
    metadata: { name: ${name}-sli }
    spec:
${indicator}`;

const ratio = (good: string, total: string, counter = true) => `
      ratioMetric:
        counter: ${counter}
        good: { metricSource: { type: Prometheus, spec: { query: '${good}' } } }
        total: { metricSource: { type: Prometheus, spec: { query: '${total}' } } }`;
const threshold = (query: string) => `
      thresholdMetric:
        metricSource: { type: Prometheus, spec: { query: '${query}' } }`;

const apiRatio = ratio('api_requests_total{code="ok"}', 'api_requests_total');

const sloth = `
version: "prometheus/v1"
service: "api"
slos:
  - name: "requests-availability"
    objective: 99
    sli:
      events:
        error_query: sum(rate(api_requests_total{code="error"}[{{.window}}]))
        total_query: sum(rate(api_requests_total[{{.window}}]))
  - name: "wifi-satisfaction"
    objective: 95
    sli:
      raw:
        error_ratio_query: |
          1 - (
            sum(sum_over_time(wifi_satisfaction_ratio[{{.window}}]))
            /
            sum(count_over_time(wifi_satisfaction_ratio[{{.window}}]))
          )
`;

const declarations = parseOpenSlo(
  [
    openSlo(
      'api-minutes',
      apiRatio,
      '{ target: 0.95, timeSliceTarget: 0.95, timeSliceWindow: 1m }',
      'Timeslices',
    ),
    openSlo(
      'api-minutes-week',
      apiRatio,
      '{ target: 0.95, timeSliceTarget: 0.95, timeSliceWindow: 1m }',
      'Timeslices',
      '[{ duration: 1w, isRolling: false, calendar: { startTime: "2026-01-04 00:00:00", timeZone: UTC } }]',
    ),
    openSlo(
      'api-minutes-ratio',
      apiRatio,
      '{ target: 0.99, timeSliceWindow: 1m }',
      'RatioTimeslices',
    ),
    openSlo(
      'api-expression',
      ratio('sum(api_requests_total{code="ok"})', 'sum(api_requests_total)'),
      '{ target: 0.99 }',
    ),
    openSlo(
      'api-latency',
      threshold('api_latency_p99_seconds'),
      '{ op: lt, value: 0.3, target: 0.95 }',
    ),
    openSlo(
      'api-latency-slices',
      threshold('api_latency_p99_seconds'),
      '{ op: lte, value: 0.3, target: 0.95, timeSliceTarget: 0.95, timeSliceWindow: 5m }',
      'Timeslices',
    ),
    openSlo(
      'queue-consumers-gte',
      threshold('queue_consumers'),
      '{ op: gte, value: 3, target: 0.95 }',
    ),
    openSlo(
      'queue-consumers-gt',
      threshold('queue_consumers'),
      '{ op: gt, value: 3, target: 0.95 }',
    ),
    sloth,
  ].join('\n---\n'),
  { entityRef: 'component:default/api', file: 'slos.yaml' },
);

let prometheus: TestPrometheus;
let client: PrometheusClient;

beforeAll(async () => {
  prometheus = await startPrometheus(history, PORT);
  client = new PrometheusClient(
    { name: 'test', baseUrl: prometheus.baseUrl, headers: {} },
    { timeoutMs: 5000, cacheTtlMs: 30_000 },
  );
});

afterAll(async () => {
  await prometheus?.stop();
});

const sloNamed = (name: string): SloDeclaration => {
  const slo = declarations.slos.find(s => s.name === name);
  if (!slo) throw new Error(`no SLO ${name}: ${JSON.stringify(declarations)}`);
  return slo;
};
const measure = (name: string) => measureSlo(sloNamed(name), client, T);

/** Checks each burn rate to 9 decimals; null where given as null. */
function expectBurnRates(
  actual: Record<BurnWindow, number | null>,
  expected: Record<BurnWindow, number | null>,
) {
  for (const [window, rate] of Object.entries(expected)) {
    expect([window, actual[window as BurnWindow]]).toEqual([
      window,
      rate === null ? null : expect.closeTo(rate, 9),
    ]);
  }
}

describe('measureSlo against a real Prometheus', () => {
  it('reads every declaration of the file', () => {
    expect(declarations.problems).toEqual([]);
    expect(declarations.slos.map(s => [s.name, s.format])).toEqual([
      ['api-requests-availability', 'sloth'],
      ['api-wifi-satisfaction', 'sloth'],
      ['api-minutes', 'openslo'],
      ['api-minutes-week', 'openslo'],
      ['api-minutes-ratio', 'openslo'],
      ['api-expression', 'openslo'],
      ['api-latency', 'openslo'],
      ['api-latency-slices', 'openslo'],
      ['queue-consumers-gte', 'openslo'],
      ['queue-consumers-gt', 'openslo'],
    ]);
  });

  it('counts Timeslices: a minute is good when at least 95% of its requests succeed', async () => {
    const { figures, window, notes } = await measure('api-minutes');
    expect(notes).toEqual([]);
    expect(window).toEqual({
      start: '2026-05-31T00:00:00.000Z',
      end: '2026-06-01T00:00:00.000Z',
    });
    // 1,440 one-minute slices, all with requests. Bad: the 20 minutes at
    // 10% and the 45 at 6%; the 10 at 3% are good (97% >= 95%). 65 bad.
    expect(figures!.attainment).toBeCloseTo(1 - 65 / 1440, 12);
    // The target allows 5% of 1,440 slices to be bad: 72.
    expect(figures!.budget.consumed).toBeCloseTo(65 / 72, 12);
    expect(figures!.budget.totalSeconds).toBeCloseTo(0.05 * DAY, 9);
    // The day before: 60 minutes at 50%.
    expect(figures!.previousConsumed).toBeCloseTo(60 / 72, 12);
    // Burn: bad slices over slices in each window, over 5%.
    expectBurnRates(figures!.burnRates, {
      '5m': 5 / 5 / 0.05,
      '30m': 30 / 30 / 0.05,
      '1h': 45 / 60 / 0.05, // 15
      '2h': 65 / 120 / 0.05,
      '6h': 65 / 360 / 0.05,
      '1d': 65 / 1440 / 0.05,
      // 4,320 slices back to T − 3d + 1m, the first with a sample before it.
      '3d': (65 + 60) / 4320 / 0.05,
    });
    // 15x over 1h and 20x over 5m: the workbook's first page rule.
    expect(figures!.burn.severity).toBe('page');
    expect(figures!.burn.rule?.factor).toBe(14.4);
    expect(figures!.burn.exhaustedInSeconds).toBeCloseTo(
      ((1 - 65 / 72) * DAY) / 15,
      6,
    );
  });

  it('counts Timeslices over a calendar week from its start, budgeted over the whole week', async () => {
    const { figures, window } = await measure('api-minutes-week');
    // The week began on Sunday 2026-05-31 00:00 UTC, one day before T.
    expect(window).toEqual({
      start: '2026-05-31T00:00:00.000Z',
      end: '2026-06-01T00:00:00.000Z',
    });
    expect(figures!.attainment).toBeCloseTo(1 - 65 / 1440, 12);
    expect(figures!.budget.consumed).toBeCloseTo(65 / 1440 / 0.05, 12);
    expect(figures!.budget.totalSeconds).toBeCloseTo(0.05 * 7 * DAY, 9);
    // The week before has data only from T − 3d: 2,880 slices, 60 bad.
    expect(figures!.previousConsumed).toBeCloseTo(60 / 2880 / 0.05, 12);
    expect(figures!.burnRates['1h']).toBeCloseTo(15, 9);
  });

  it('averages the slices for RatioTimeslices, whatever their traffic', async () => {
    const { figures } = await measure('api-minutes-ratio');
    // Bad share summed over the slices: 20 × 0.1 + 10 × 0.03 + 45 × 0.06 = 5.
    expect(figures!.attainment).toBeCloseTo(1 - 5 / 1440, 12);
    expect(figures!.budget.consumed).toBeCloseTo(5 / 1440 / 0.01, 9);
    expect(figures!.previousConsumed).toBeCloseTo((60 * 0.5) / 1440 / 0.01, 9);
    expectBurnRates(figures!.burnRates, {
      '5m': 0.06 / 0.01,
      '30m': 0.06 / 0.01,
      '1h': (45 * 0.06 + 10 * 0.03) / 60 / 0.01,
      '2h': 5 / 120 / 0.01,
      '6h': 5 / 360 / 0.01,
      '1d': 5 / 1440 / 0.01,
      '3d': (5 + 30) / 4320 / 0.01,
    });
  });

  it('counts a counter written as a PromQL expression through a subquery', async () => {
    const { figures, queryUrl } = await measure('api-expression');
    // 500 failed requests of 144,000 in the last day; 3,000 the day before.
    expect(figures!.attainment).toBeCloseTo(1 - 500 / 144_000, 12);
    expect(figures!.budget.consumed).toBeCloseTo(500 / 1440, 9);
    expect(figures!.previousConsumed).toBeCloseTo(3000 / 1440, 9);
    expectBurnRates(figures!.burnRates, {
      '5m': 30 / 500 / 0.01, // 6
      '30m': 180 / 3000 / 0.01,
      '1h': 300 / 6000 / 0.01,
      '2h': 500 / 12_000 / 0.01,
      '6h': 500 / 36_000 / 0.01,
      '1d': 500 / 144_000 / 0.01,
      '3d': 3500 / 432_000 / 0.01,
    });
    expect(figures!.burn.severity).toBe('ok');
    expect(new URL(queryUrl!).searchParams.get('g0.expr')).toBe(
      'sum(increase((sum(api_requests_total{code="ok"}))[1d:1m])) / sum(increase((sum(api_requests_total))[1d:1m]))',
    );
  });

  it('reads a latency threshold each minute: lt 0.3 counts 0.3 as bad', async () => {
    const { figures } = await measure('api-latency');
    // 1,440 readings; bad: 40 at 0.5 and the last 10 at exactly 0.3.
    expect(figures!.attainment).toBeCloseTo(1 - 50 / 1440, 12);
    expect(figures!.budget.consumed).toBeCloseTo(50 / 72, 12);
    // The day before: 90 readings at 0.45.
    expect(figures!.previousConsumed).toBeCloseTo(90 / 72, 12);
    expectBurnRates(figures!.burnRates, {
      '5m': 5 / 5 / 0.05,
      '30m': 10 / 30 / 0.05,
      '1h': 10 / 60 / 0.05,
      '2h': 10 / 120 / 0.05,
      '6h': 50 / 360 / 0.05,
      '1d': 50 / 1440 / 0.05,
      '3d': 140 / 4320 / 0.05,
    });
    expect(figures!.burn.severity).toBe('ok');
  });

  it('reads a threshold at the end of each 5-minute slice: lte 0.3 counts 0.3 as good', async () => {
    const { figures, window } = await measure('api-latency-slices');
    expect(window.start).toBe('2026-05-31T00:00:00.000Z');
    // 288 slices; the 40 minutes at 0.5 hold 8 slice ends, all bad.
    expect(figures!.attainment).toBeCloseTo(1 - 8 / 288, 12);
    expect(figures!.budget.consumed).toBeCloseTo(8 / 288 / 0.05, 12);
    // The day before: 90 minutes at 0.45, 18 slice ends.
    expect(figures!.previousConsumed).toBeCloseTo(18 / 288 / 0.05, 12);
    expectBurnRates(figures!.burnRates, {
      '5m': 0,
      '30m': 0,
      '1h': 0,
      '2h': 0,
      '6h': 8 / 72 / 0.05,
      '1d': 8 / 288 / 0.05,
      '3d': 26 / 864 / 0.05,
    });
  });

  it('compares with gte and gt: exactly 3 consumers is good for gte 3 and bad for gt 3', async () => {
    const gte = (await measure('queue-consumers-gte')).figures!;
    // 25 readings at 2 consumers are bad.
    expect(gte.attainment).toBeCloseTo(1 - 25 / 1440, 12);
    expect(gte.previousConsumed).toBe(0);
    expect(gte.burnRates['5m']).toBe(0);
    const gt = (await measure('queue-consumers-gt')).figures!;
    // And the last 20 at exactly 3.
    expect(gt.attainment).toBeCloseTo(1 - 45 / 1440, 12);
    expect(gt.burnRates['5m']).toBeCloseTo(1 / 0.05, 9);
    expect(gt.burnRates['1h']).toBeCloseTo(20 / 60 / 0.05, 9);
  });

  it('measures a Sloth spec as written: error and total queries over Sloth’s 30-day period', async () => {
    const { figures, window, slo } = await measure('api-requests-availability');
    expect(slo.window).toEqual({
      kind: 'rolling',
      seconds: 30 * DAY,
      duration: '30d',
    });
    expect(window.start).toBe('2026-05-02T00:00:00.000Z');
    // History starts at T − 3d with the counters at 0, so rate() neither
    // extrapolates before it nor after T: 3,500 of 432,000 failed.
    expect(figures!.attainment).toBeCloseTo(1 - 3500 / 432_000, 12);
    expect(figures!.budget.consumed).toBeCloseTo(3500 / 432_000 / 0.01, 9);
    expect(figures!.previousConsumed).toBeNull();
    expect(figures!.burnRates['5m']).toBeCloseTo(6, 9);
    expect(figures!.burnRates['1h']).toBeCloseTo(5, 9);
  });

  it('measures a Sloth raw error ratio over each window', async () => {
    const { figures } = await measure('api-wifi-satisfaction');
    // count_over_time over [T − w, T] holds the samples at both ends: the
    // last 5 minutes hold 6 samples of 0.6; the last hour 60 of 0.6 and
    // one of 0.9; the 30 days all 4,321 samples, 60 of them 0.6.
    expect(figures!.burnRates['5m']).toBeCloseTo(0.4 / 0.05, 9);
    expect(figures!.burnRates['1h']).toBeCloseTo(
      (1 - (60 * 0.6 + 0.9) / 61) / 0.05,
      9,
    );
    const error30d = 1 - (60 * 0.6 + 4261 * 0.9) / 4321;
    expect(figures!.attainment).toBeCloseTo(1 - error30d, 12);
    expect(figures!.budget.consumed).toBeCloseTo(error30d / 0.05, 9);
  });

  it("measures OpenSLO's Go SDK example as published: Timeslices over a calendar week in New York", async () => {
    const file = join(
      __dirname,
      '../../../sre-ownership-common/src/slo/__fixtures__/published/go-sdk--v1-examples-slos.yaml',
    );
    const published = parseOpenSlo(readFileSync(file, 'utf8'), {
      entityRef: 'component:default/web',
      file: 'go-sdk--v1-examples-slos.yaml',
    });
    expect(published.problems).toEqual([]);
    const { figures, window } = await measureSlo(published.slos[0], client, T);
    // Weeks start on Saturdays at 12:00 in New York (2022-01-01 was one):
    // the current one on 2026-05-30 at 16:00 UTC, 32 hours before T.
    expect(window).toEqual({
      start: '2026-05-30T16:00:00.000Z',
      end: '2026-06-01T00:00:00.000Z',
    });
    // 1,920 one-minute slices. A slice at 95% good (2xx and 4xx) meets
    // timeSliceTarget 0.95 exactly and is good; the 60 at 80% are bad.
    expect(figures!.attainment).toBeCloseTo(1 - 60 / 1920, 12);
    // Budgeted over the whole week: 0.5% of it; consumed (60/1920)/0.005.
    expect(figures!.budget.consumed).toBeCloseTo(60 / 1920 / 0.005, 9);
    expect(figures!.budget.totalSeconds).toBeCloseTo(0.005 * 7 * DAY, 9);
    // The week before has data from T − 3d to its end: 40 h, 2,400 slices,
    // 30 of them at 50%.
    expect(figures!.previousConsumed).toBeCloseTo(30 / 2400 / 0.005, 9);
    expect(figures!.burnRates['1h']).toBe(0);
    expect(figures!.burnRates['2h']).toBeCloseTo(60 / 120 / 0.005, 9);
  });

  it('names the field of a query Prometheus refuses, and of one that is not an instant vector', async () => {
    const broken = parseOpenSlo(
      [
        openSlo(
          'unclosed',
          threshold('max(api_latency_p99_seconds'),
          '{ op: lt, value: 0.3, target: 0.95 }',
        ),
        openSlo(
          'range',
          threshold('api_latency_p99_seconds[5m]'),
          '{ op: lt, value: 0.3, target: 0.95 }',
        ),
      ].join('\n---\n'),
      { entityRef: 'component:default/api', file: 'slos.yaml' },
    );
    expect(broken.problems).toEqual([]);
    await expect(measureSlo(broken.slos[0], client, T)).rejects.toThrow(
      /^spec\.indicator\.spec\.thresholdMetric\.metricSource\.spec\.query: Prometheus "test" refused the query max\(api_latency_p99_seconds: .*unclosed left parenthesis/,
    );
    await expect(measureSlo(broken.slos[1], client, T)).rejects.toThrow(
      'spec.indicator.spec.thresholdMetric.metricSource.spec.query: api_latency_p99_seconds[5m] is a range vector in Prometheus "test"; give an instant vector',
    );
  });
});
