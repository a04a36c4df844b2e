import { stringify } from 'yaml';
import { parseOpenSlo } from './parseOpenSlo';
import { sloDocument, yamlDocuments } from './__testUtils__/openSlo';

const source = { entityRef: 'component:default/checkout', file: 'slos.yaml' };
const parse = (...documents: unknown[]) =>
  parseOpenSlo(yamlDocuments(...documents), source);
const onlyProblem = (...documents: unknown[]) => {
  const { slos, problems } = parse(...documents);
  expect(slos).toEqual([]);
  expect(problems).toHaveLength(1);
  return problems[0];
};

describe('parseOpenSlo', () => {
  it('reads an SLO with an inline ratio SLI and a rolling window', () => {
    const { slos, problems } = parse(sloDocument());
    expect(problems).toEqual([]);
    expect(slos).toEqual([
      {
        name: 'checkout-availability',
        displayName: 'Checkout availability',
        declaredIn: 'slos.yaml',
        format: 'openslo',
        target: 0.999,
        window: { kind: 'rolling', seconds: 28 * 86_400, duration: '28d' },
        budgeting: { method: 'Occurrences' },
        indicator: {
          metric: 'ratio',
          name: 'checkout-requests',
          counter: true,
          good: {
            query: 'http_requests_total{job="checkout",code!~"5.."}',
            form: 'selector',
            field:
              'spec.indicator.spec.ratioMetric.good.metricSource.spec.query',
          },
          total: {
            query: 'http_requests_total{job="checkout"}',
            form: 'selector',
            field:
              'spec.indicator.spec.ratioMetric.total.metricSource.spec.query',
          },
        },
      },
    ]);
  });

  it('reads a referenced SLI, its DataSource and a calendar window', () => {
    const dataSource = {
      apiVersion: 'openslo/v1',
      kind: 'DataSource',
      metadata: { name: 'prod-prometheus' },
      spec: { type: 'Prometheus', connectionDetails: { instance: 'prod' } },
    };
    const metric = (query: string) => ({
      metricSource: {
        metricSourceRef: 'prod-prometheus',
        type: 'Prometheus',
        spec: { query },
      },
    });
    const sli = {
      apiVersion: 'openslo/v1',
      kind: 'SLI',
      metadata: { name: 'search-errors' },
      spec: {
        ratioMetric: {
          counter: true,
          bad: metric(
            'sum(rate(search_requests_total{code=~"5.."}[{{.window}}]))',
          ),
          total: metric('sum(rate(search_requests_total[{{.window}}]))'),
        },
      },
    };
    const slo = sloDocument({
      metadata: { name: 'search-availability', displayName: undefined },
      spec: {
        indicator: undefined,
        indicatorRef: 'search-errors',
        timeWindow: [
          {
            duration: '1M',
            isRolling: false,
            calendar: {
              startTime: '2024-01-01 00:00:00',
              timeZone: 'Europe/Berlin',
            },
          },
        ],
        objectives: [{ targetPercent: 99.5 }],
      },
    });
    const { slos, problems } = parse(dataSource, sli, slo);
    expect(problems).toEqual([]);
    expect(slos[0]).toMatchObject({
      name: 'search-availability',
      displayName: 'search-availability',
      target: 0.995,
      window: {
        kind: 'calendar',
        unit: 'month',
        count: 1,
        startTime: '2024-01-01T00:00:00',
        timeZone: 'Europe/Berlin',
      },
      indicator: {
        name: 'search-errors',
        prometheus: 'prod',
        bad: { form: 'template' },
        total: {
          query: 'sum(rate(search_requests_total[{{.window}}]))',
          form: 'template',
        },
      },
    });
  });

  it('makes one SLO per objective', () => {
    const { slos } = parse(
      sloDocument({
        spec: {
          objectives: [
            { displayName: 'strict', target: 0.999 },
            { displayName: 'relaxed', target: 0.99 },
          ],
        },
      }),
    );
    expect(slos.map(s => [s.name, s.displayName, s.target])).toEqual([
      ['checkout-availability#1', 'Checkout availability: strict', 0.999],
      ['checkout-availability#2', 'Checkout availability: relaxed', 0.99],
    ]);
  });

  it('keeps the good SLOs of a file and reports the broken one by document and field', () => {
    const broken = sloDocument({
      metadata: { name: 'broken' },
      spec: { objectives: [{ target: 99.9 }] },
    });
    const { slos, problems } = parse(sloDocument(), broken);
    expect(slos.map(s => s.name)).toEqual(['checkout-availability']);
    expect(problems).toEqual([
      {
        entityRef: 'component:default/checkout',
        file: 'slos.yaml',
        document: 2,
        declares: 'SLO broken',
        field: 'spec.objectives[0].target',
        message:
          'is 99.9; write a share between 0 and 1, e.g. 0.999, or targetPercent: 99.9',
      },
    ]);
  });

  it.each([
    [
      { apiVersion: 'openslo/v1alpha' },
      'apiVersion',
      'only OpenSLO v1 is read; rewrite it as apiVersion: openslo/v1',
    ],
    [
      { apiVersion: 'sloth.slok.dev/v1' },
      'kind',
      'is "SLO"; of Sloth\'s resources only PrometheusServiceLevel is read',
    ],
    [{ kind: 'Slo' }, 'kind', 'use SLO, SLI or DataSource'],
    [
      { metadata: { name: 'Checkout SLO' } },
      'metadata.name',
      'lower-case letters',
    ],
    [
      { spec: { budgetingMethod: 'Timeslices' } },
      'spec.objectives[0].timeSliceWindow',
      'is missing; Timeslices budgeting needs the length of a slice',
    ],
    [
      {
        spec: {
          budgetingMethod: 'Timeslices',
          objectives: [{ target: 0.99, timeSliceWindow: '1m' }],
        },
      },
      'spec.objectives[0].timeSliceTarget',
      'is missing; Timeslices budgeting needs the share a slice must reach',
    ],
    [
      {
        spec: {
          budgetingMethod: 'RatioTimeslices',
          objectives: [{ target: 0.99, timeSliceWindow: '29d' }],
        },
      },
      'spec.objectives[0].timeSliceWindow',
      '29d is longer than the SLO window',
    ],
    [
      { spec: { budgetingMethod: 'Weekly' } },
      'spec.budgetingMethod',
      'is "Weekly"; write Occurrences (good events over all events), Timeslices',
    ],
    [
      { spec: { budgetingMethod: undefined } },
      'spec.budgetingMethod',
      'is missing; write Occurrences',
    ],
    [
      {
        spec: {
          indicator: {
            spec: {
              ratioMetric: undefined,
              thresholdMetric: {
                metricSource: { spec: { query: 'latency_p99_seconds' } },
              },
            },
          },
          objectives: [{ target: 0.99, value: 0.3 }],
        },
      },
      'spec.objectives[0].op',
      'is missing; a threshold metric needs op: lt, lte, gt or gte',
    ],
    [
      {
        spec: {
          indicator: {
            spec: {
              ratioMetric: { raw: { metricSource: { spec: { query: 'x' } } } },
            },
          },
        },
      },
      'spec.indicator.spec.ratioMetric.rawType',
      'is missing; write rawType: success',
    ],
    [
      {
        spec: {
          objectives: [
            { target: 0.99, indicator: { metadata: { name: 'x' } } },
          ],
        },
      },
      'spec.objectives[0].indicator',
      'composite SLOs are not read',
    ],
    [
      { spec: { timeWindow: [{ duration: '28 days', isRolling: true }] } },
      'spec.timeWindow[0].duration',
      'e.g. 28d',
    ],
    [
      { spec: { timeWindow: [{ duration: '1M', isRolling: true }] } },
      'spec.timeWindow[0].duration',
      'no fixed length',
    ],
    [
      { spec: { timeWindow: [{ duration: '1M', isRolling: false }] } },
      'spec.timeWindow[0].calendar',
      'needs calendar',
    ],
    [
      {
        spec: {
          timeWindow: [
            {
              duration: '1M',
              isRolling: false,
              calendar: { startTime: '2024-01-01', timeZone: 'Mars/Olympus' },
            },
          ],
        },
      },
      'spec.timeWindow[0].calendar.timeZone',
      'IANA time zone',
    ],
    [{ spec: { objectives: [] } }, 'spec.objectives', 'at least one objective'],
    [{ spec: { indicator: undefined } }, 'spec.indicator', 'spec.indicatorRef'],
    [
      { spec: { indicatorRef: 'nope', indicator: undefined } },
      'spec.indicatorRef',
      'names no SLI "nope"',
    ],
    [
      { spec: { indicator: { spec: { ratioMetric: { counter: 'yes' } } } } },
      'spec.indicator.spec.ratioMetric.counter',
      'is "yes"; write counter: true when good and total are counters',
    ],
    [
      {
        spec: {
          indicator: {
            spec: {
              ratioMetric: {
                bad: { metricSource: { spec: { query: 'x_total' } } },
              },
            },
          },
        },
      },
      'spec.indicator.spec.ratioMetric.good',
      'exactly one of good and bad',
    ],
    [
      {
        spec: {
          indicator: {
            spec: {
              ratioMetric: {
                good: { metricSource: { spec: { query: '  ' } } },
              },
            },
          },
        },
      },
      'spec.indicator.spec.ratioMetric.good.metricSource.spec.query',
      'is "  "; give a PromQL query',
    ],
    [
      {
        spec: {
          indicator: {
            spec: {
              ratioMetric: { total: { metricSource: { type: 'Datadog' } } },
            },
          },
        },
      },
      'spec.indicator.spec.ratioMetric.total.metricSource.type',
      'only Prometheus is read',
    ],
    [
      {
        spec: {
          indicator: {
            spec: {
              ratioMetric: {
                total: { metricSource: { metricSourceRef: 42 } },
              },
            },
          },
        },
      },
      'spec.indicator.spec.ratioMetric.total.metricSource.metricSourceRef',
      'is 42; name a DataSource of the same file or a Prometheus instance',
    ],
  ])('reports %j at %s', (patch, field, fix) => {
    const problem = onlyProblem(sloDocument(patch));
    expect(problem.field).toBe(field);
    expect(problem.message).toContain(fix);
    expect(problem.file).toBe('slos.yaml');
    expect(problem.entityRef).toBe('component:default/checkout');
  });

  it('reports YAML syntax errors with the line', () => {
    const { slos, problems } = parseOpenSlo(
      'apiVersion: openslo/v1\nkind: [SLO\n',
      source,
    );
    expect(slos).toEqual([]);
    expect(problems[0].field).toMatch(/^line \d+$/);
    expect(problems[0].message).toMatch(/^is not valid YAML/);
  });

  it('refuses a DataSource that is not Prometheus or gives an address', () => {
    const dataSource = (spec: unknown) => ({
      apiVersion: 'openslo/v1',
      kind: 'DataSource',
      metadata: { name: 'ds' },
      spec,
    });
    expect(onlyProblem(dataSource({ type: 'Datadog' })).field).toBe(
      'spec.type',
    );
    expect(
      onlyProblem(
        dataSource({ type: 'Prometheus', connectionDetails: { instance: 42 } }),
      ).message,
    ).toContain('addresses are never read from the catalog');
  });

  it('reports two SLOs of one name and reads past other OpenSLO kinds', () => {
    const service = {
      apiVersion: 'openslo/v1',
      kind: 'Service',
      metadata: { name: 'checkout' },
      spec: {},
    };
    const { slos, problems } = parse(service, sloDocument(), sloDocument());
    expect(slos).toHaveLength(1);
    expect(problems.map(p => [p.document, p.field])).toEqual([
      [3, 'metadata.name'],
    ]);
  });

  it('ignores empty documents', () => {
    expect(parseOpenSlo('', source)).toEqual({ slos: [], problems: [] });
  });

  it('reads a top-level list of declarations, as OpenSLO publishes them', () => {
    const broken = sloDocument({
      metadata: { name: 'broken' },
      spec: { objectives: [{ target: 99.9 }] },
    });
    const other = sloDocument({ metadata: { name: 'checkout-latency' } });
    const list = stringify([sloDocument(), broken]);
    const { slos, problems } = parseOpenSlo(
      `${list}---\n${stringify(other)}`,
      source,
    );
    expect(slos.map(s => s.name)).toEqual([
      'checkout-availability',
      'checkout-latency',
    ]);
    expect(problems.map(p => [p.document, p.declares, p.field])).toEqual([
      [2, 'SLO broken', 'spec.objectives[0].target'],
    ]);
  });

  it('tells an absent key from one written as null', () => {
    const absent = onlyProblem(sloDocument({ apiVersion: undefined }));
    expect(absent.message).toMatch(/^is missing; /);
    const empty = onlyProblem(sloDocument({ apiVersion: null }));
    expect(empty.message).toMatch(/^is null; /);
    const noBudgeting = onlyProblem(
      sloDocument({ spec: { budgetingMethod: undefined } }),
    );
    expect(noBudgeting.field).toBe('spec.budgetingMethod');
    expect(noBudgeting.message).toMatch(/^is missing; write Occurrences /);
  });

  it('reads PromQL expressions as Prometheus will check them, not by hand', () => {
    const metric = (query: string) => ({
      metricSource: { type: 'Prometheus', spec: { query } },
    });
    const { slos, problems } = parse(
      sloDocument({
        spec: {
          indicator: {
            spec: {
              ratioMetric: {
                good: metric('sum(http_requests{code=~"2xx|4xx"})'),
                total: metric('sum(rate(http_requests[{{ .window }}]))'),
              },
            },
          },
        },
      }),
    );
    expect(problems).toEqual([]);
    const indicator = slos[0].indicator;
    expect(indicator.metric === 'ratio' && indicator.good?.form).toBe(
      'expression',
    );
    expect(indicator.metric === 'ratio' && indicator.total.form).toBe(
      'template',
    );
  });

  it('reads gauges, raw ratios and thresholds with their op and value', () => {
    const query = (q: string) => ({
      metricSource: { type: 'Prometheus', spec: { query: q } },
    });
    const { slos, problems } = parse(
      sloDocument({
        metadata: { name: 'gauges' },
        spec: {
          indicator: {
            spec: {
              ratioMetric: {
                counter: false,
                good: query('queue_ok'),
                total: query('queue_all'),
              },
            },
          },
        },
      }),
      sloDocument({
        metadata: { name: 'raw' },
        spec: {
          indicator: {
            spec: {
              ratioMetric: {
                good: undefined,
                total: undefined,
                counter: undefined,
                rawType: 'success',
                raw: query('avg_over_time(up[{{.window}}])'),
              },
            },
          },
        },
      }),
      sloDocument({
        metadata: { name: 'latency' },
        spec: {
          budgetingMethod: 'Timeslices',
          indicator: {
            spec: {
              ratioMetric: undefined,
              thresholdMetric: query('latency_p99_seconds'),
            },
          },
          objectives: [
            {
              op: 'lte',
              value: 0.3,
              target: 0.99,
              timeSliceTarget: 1,
              timeSliceWindow: '5m',
            },
          ],
        },
      }),
    );
    expect(problems).toEqual([]);
    expect(slos.map(s => s.indicator.metric)).toEqual([
      'ratio',
      'raw',
      'threshold',
    ]);
    expect(slos[0].indicator).toMatchObject({ counter: false });
    expect(slos[1].indicator).toMatchObject({ rawType: 'success' });
    expect(slos[2].indicator).toMatchObject({ op: 'lte', value: 0.3 });
    expect(slos[2].budgeting).toEqual({
      method: 'Timeslices',
      sliceSeconds: 300,
      sliceDuration: '5m',
      sliceTarget: 1,
    });
  });

  it('takes a metricSourceRef without a DataSource in the file as the name of a Prometheus instance', () => {
    const { slos, problems } = parse(
      sloDocument({
        spec: {
          indicator: {
            spec: {
              ratioMetric: {
                good: { metricSource: { metricSourceRef: 'thanos' } },
                total: { metricSource: { metricSourceRef: 'thanos' } },
              },
            },
          },
        },
      }),
    );
    expect(problems).toEqual([]);
    expect(slos[0].indicator.prometheus).toBe('thanos');
  });

  it('reads a Sloth prometheus/v1 spec as it is', () => {
    const sloth = stringify({
      version: 'prometheus/v1',
      service: 'checkout',
      slos: [
        {
          name: 'requests-availability',
          objective: 99.9,
          sli: {
            events: {
              error_query:
                'sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))',
              total_query: 'sum(rate(http_requests_total[{{.window}}]))',
            },
          },
        },
        { name: 'plugged', objective: 99, sli: { plugin: { id: 'x' } } },
        { name: 'Bad Name', objective: 100, sli: { events: {} } },
      ],
    });
    const { slos, problems } = parseOpenSlo(sloth, source);
    expect(slos).toEqual([
      expect.objectContaining({
        name: 'checkout-requests-availability',
        displayName: 'checkout: requests-availability',
        format: 'sloth',
        target: 0.999,
      }),
    ]);
    expect(problems.map(p => [p.field, p.message.split(';')[0]])).toEqual([
      ['slos[1].sli.plugin', 'SLI plugins run inside Sloth and are not read'],
      ['slos[2].name', 'is "Bad Name"'],
      ['slos[2].objective', 'is 100'],
      ['slos[2].sli.events.error_query', 'is missing'],
      ['slos[2].sli.events.total_query', 'is missing'],
    ]);
  });
});
