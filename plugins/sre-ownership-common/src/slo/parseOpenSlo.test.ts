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
        target: 0.999,
        window: { kind: 'rolling', seconds: 28 * 86_400, duration: '28d' },
        indicator: {
          name: 'checkout-requests',
          good: {
            query: 'http_requests_total{job="checkout",code!~"5.."}',
            form: 'selector',
          },
          total: {
            query: 'http_requests_total{job="checkout"}',
            form: 'selector',
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
      'apiVersion',
      'is "sloth.slok.dev/v1": a Sloth SLO, which is not read',
    ],
    [{ kind: 'Slo' }, 'kind', 'use SLO, SLI or DataSource'],
    [
      { metadata: { name: 'Checkout SLO' } },
      'metadata.name',
      'lower-case letters',
    ],
    [
      { spec: { budgetingMethod: 'Timeslices' } },
      'spec.budgetingMethod',
      'Timeslices budgeting is not supported',
    ],
    [
      { spec: { budgetingMethod: undefined } },
      'spec.budgetingMethod',
      'write budgetingMethod: Occurrences',
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
      { spec: { indicator: { spec: { ratioMetric: { counter: false } } } } },
      'spec.indicator.spec.ratioMetric.counter',
      'only counters are supported',
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
                good: {
                  metricSource: { spec: { query: 'sum(rate(x_total[5m]))' } },
                },
              },
            },
          },
        },
      },
      'spec.indicator.spec.ratioMetric.good.metricSource.spec.query',
      'is not a series selector',
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
                total: { metricSource: { metricSourceRef: 'missing' } },
              },
            },
          },
        },
      },
      'spec.indicator.spec.ratioMetric.total.metricSource.metricSourceRef',
      'names no DataSource "missing"',
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
    expect(noBudgeting.message).toBe(
      'is missing; write budgetingMethod: Occurrences',
    );
  });

  it('recognises a Sloth prometheus/v1 spec and says how to map it', () => {
    const sloth = stringify({
      version: 'prometheus/v1',
      service: 'checkout',
      slos: [{ name: 'requests-availability', objective: 99.9 }],
    });
    const problem = parseOpenSlo(sloth, source).problems;
    expect(problem).toHaveLength(1);
    expect(problem[0].field).toBe('version');
    expect(problem[0].message).toContain(
      'this is a Sloth spec (requests-availability), which is not read',
    );
    expect(problem[0].message).toContain(
      'slos[].objective → spec.objectives[0].targetPercent',
    );
  });
});
