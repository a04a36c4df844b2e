import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parseAllDocuments } from 'yaml';
import { parseOpenSlo } from './parseOpenSlo';
import { SloDeclaration } from './types';

/**
 * Every SLO file in __fixtures__/published (OpenSLO's examples, its Go SDK's
 * and oslo's test data, Sloth's examples; sources in the README there), as
 * its authors published it.
 */
const dir = join(__dirname, '__fixtures__', 'published');
const files = readdirSync(dir)
  .filter(name => name !== 'README.md')
  .sort();
const read = (file: string) =>
  parseOpenSlo(readFileSync(join(dir, file), 'utf8'), {
    entityRef: 'component:default/checkout',
    file,
  });

/** The objects in a file, counted independently of the parser. */
function declarations(file: string): Record<string, unknown>[] {
  return parseAllDocuments(readFileSync(join(dir, file), 'utf8'))
    .map(doc => doc.toJS())
    .filter(body => body !== null && body !== undefined)
    .flatMap(body => (Array.isArray(body) ? body : [body]));
}

const ONLY_PROMETHEUS = 'only Prometheus is read, write type: Prometheus';
const NO_COUNTER =
  'is missing; write counter: true when good and total are counters (counted with increase()), or counter: false when they are gauges (their values are summed)';
const OLD_OPENSLO =
  "only OpenSLO v1 is read; rewrite it as apiVersion: openslo/v1 (OpenSLO's v1 spec names the fields)";
const NO_VALUE =
  'is missing; a threshold metric needs the value a reading is compared with, e.g. value: 0.3';
const notPrometheus = (field: string): [undefined, string, string] => [
  undefined,
  field,
  `is "Any"; ${ONLY_PROMETHEUS}`,
];

/** Whether a parsed object is a Sloth spec, and the SLO names it declares (Sloth's ids). */
function slothSloNames(item: Record<string, unknown>): string[] | undefined {
  let spec: Record<string, unknown> | undefined;
  if (item.version === 'prometheus/v1') spec = item;
  if (item.kind === 'PrometheusServiceLevel') {
    spec = item.spec as Record<string, unknown>;
  }
  if (!spec) return undefined;
  return (spec.slos as Array<{ name: string }>).map(
    slo => `${spec.service}-${slo.name}`,
  );
}

describe('published SLO files', () => {
  it('holds at least 30 files', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  it.each(files)('%s: every SLO and every foreign object is answered', file => {
    const { slos, problems } = read(file);
    const items = declarations(file);
    const numbered = items.length > 1;
    // SLIs and DataSources may be fine and only used by an SLO, and the
    // other OpenSLO kinds are read past; every SLO and every object that
    // is not OpenSLO v1 must get an SLO or a problem of its own.
    const names = (item: Record<string, unknown>) =>
      slothSloNames(item) ?? [(item.metadata as { name?: string })?.name];
    const mustAnswer = items
      .map((item, index) => ({ item, at: numbered ? index + 1 : undefined }))
      .filter(
        ({ item }) => item.apiVersion !== 'openslo/v1' || item.kind === 'SLO',
      );
    const unanswered = mustAnswer.filter(
      ({ item, at }) =>
        !problems.some(p => p.document === at) &&
        !names(item).every(name =>
          slos.some(s => s.name.replace(/#\d+$/, '') === name),
        ),
    );
    expect(unanswered).toEqual([]);
    const allowed: Array<number | undefined> = numbered
      ? items.map((_, i) => i + 1)
      : [undefined];
    expect(problems.filter(p => !allowed.includes(p.document))).toEqual([]);
    expect(
      problems.filter(p => /undefined|\[object Object\]/.test(p.message)),
    ).toEqual([]);
  });

  // Written from reading each file: the SLOs it declares over Prometheus,
  // and a problem at the field of everything else.
  it.each<[string, string[], Array<[number | undefined, string, string]>]>([
    // OpenSLO's own examples (the spec repository): none uses Prometheus.
    [
      'openslo-spec--budgeting-method-occurences-slo.yaml',
      [],
      [notPrometheus('spec.indicator.spec.thresholdMetric.metricSource.type')],
    ],
    [
      'openslo-spec--budgeting-method-ratio-timeslices.yaml',
      [],
      [
        [undefined, 'spec.indicator.spec.ratioMetric.counter', NO_COUNTER],
        notPrometheus('spec.indicator.spec.ratioMetric.good.metricSource.type'),
        notPrometheus(
          'spec.indicator.spec.ratioMetric.total.metricSource.type',
        ),
      ],
    ],
    [
      'openslo-spec--budgeting-method-timeslices-slo.yaml',
      [],
      [
        [undefined, 'spec.indicator.spec.ratioMetric.counter', NO_COUNTER],
        notPrometheus('spec.indicator.spec.ratioMetric.good.metricSource.type'),
        notPrometheus(
          'spec.indicator.spec.ratioMetric.total.metricSource.type',
        ),
      ],
    ],
    [
      'openslo-spec--treat-low-traffic-as-equally-important-timeslices-slo.yaml',
      [],
      [
        [undefined, 'spec.indicator.spec.ratioMetric.counter', NO_COUNTER],
        notPrometheus('spec.indicator.spec.ratioMetric.good.metricSource.type'),
        notPrometheus(
          'spec.indicator.spec.ratioMetric.total.metricSource.type',
        ),
      ],
    ],
    // OpenSLO's v1 examples in its Go SDK.
    ['go-sdk--v1-examples-slos.yaml', ['web-availability'], []],
    [
      'go-sdk--v1-examples-slis.yaml',
      [],
      [
        [
          1,
          'spec.ratioMetric.good.metricSource.type',
          `is "Datadog"; ${ONLY_PROMETHEUS}`,
        ],
        [
          1,
          'spec.ratioMetric.total.metricSource.type',
          `is "Datadog"; ${ONLY_PROMETHEUS}`,
        ],
        [
          2,
          'spec.ratioMetric.bad.metricSource.type',
          `is "AppDynamics"; ${ONLY_PROMETHEUS}`,
        ],
        [
          2,
          'spec.ratioMetric.total.metricSource.type',
          `is "AppDynamics"; ${ONLY_PROMETHEUS}`,
        ],
      ],
    ],
    [
      'go-sdk--v1-examples-data_sources.yaml',
      [],
      [
        [
          1,
          'spec.connectionDetails.instance',
          'must be the name of a Prometheus instance under sreOwnership.prometheus.instances in app-config; addresses are never read from the catalog',
        ],
        [
          2,
          'spec.type',
          'is "Datadog"; only Prometheus data sources are read, write type: Prometheus',
        ],
      ],
    ],
    ['go-sdk--v1-examples-services.yaml', [], []],
    ['go-sdk--v1-examples-alert_conditions.yaml', [], []],
    ['go-sdk--v1-examples-alert_notification_targets.yaml', [], []],
    ['go-sdk--v1-examples-alert_policies.yaml', [], []],
    // The Go SDK's test inputs.
    ['go-sdk--decode-sequence_of_objects.json', [], []],
    ['go-sdk--decode-sequence_of_objects.yaml', [], []],
    ['go-sdk--decode-single_object.json', [], []],
    ['go-sdk--decode-single_object.yaml', [], []],
    ['go-sdk--decode-two_documents.yaml', [], []],
    [
      'go-sdk--decode-v1_slos.yaml',
      [],
      [
        [
          undefined,
          'spec.timeWindow',
          'is missing; give exactly one window, e.g. [{ duration: 28d, isRolling: true }]',
        ],
      ],
    ],
    ['go-sdk--export-inputs-v1_slo.yaml', ['my-slo'], []],
    ['go-sdk--inline-inputs-v1_slo.yaml', ['my-slo-1', 'my-slo-2'], []],
    [
      'go-sdk--inline-inputs-v1_slo_invalid_policy.yaml',
      [],
      [[1, 'spec.objectives[0].value', NO_VALUE]],
    ],
    [
      'go-sdk--inline-inputs-v1_slo_invalid_sli.yaml',
      [],
      [
        [
          1,
          'spec.indicatorRef',
          'names no SLI "no-sli"; declare an SLI of that name in the same file, or write the indicator inline under spec.indicator',
        ],
      ],
    ],
    [
      'go-sdk--inline-inputs-v1_slo_invalid_target.yaml',
      [],
      [[1, 'spec.objectives[0].value', NO_VALUE]],
    ],
    // oslo's test inputs.
    ['oslo--validate-v1.yaml', ['web-availability'], []],
    [
      'oslo--validate-invalid-apiversion.yaml',
      [],
      [
        [
          undefined,
          'apiVersion',
          'is "foo"; write apiVersion: openslo/v1 (or version: "prometheus/v1" for a Sloth spec)',
        ],
      ],
    ],
    ['oslo--validate-unknown-field.yaml', [], []],
    [
      'oslo--validate-v1alpha.yaml',
      [],
      [1, 2, 3, 4].map(n => [
        n,
        'apiVersion',
        `is "openslo/v1alpha"; ${OLD_OPENSLO}`,
      ]),
    ],
    [
      'oslo--validate-mix-1.yaml',
      [],
      [[undefined, 'apiVersion', `is "openslo/v1alpha"; ${OLD_OPENSLO}`]],
    ],
    ['oslo--validate-mix-2.yaml', [], []],
    [
      'oslo--validate-mix-3.yaml',
      [],
      [[undefined, 'apiVersion', `is "openslo.com/v2alpha"; ${OLD_OPENSLO}`]],
    ],
    ['oslo--format-list-of-services.yaml', [], []],
    ['oslo--format-two-documents.yaml', [], []],
    // Sloth's examples, named <service>-<name> as Sloth names them.
    ['sloth--getting-started.yml', ['myservice-requests-availability'], []],
    [
      'sloth--home-wifi.yml',
      [
        'home-wifi-good-wifi-client-satisfaction',
        'home-wifi-risk-wifi-client-satisfaction',
      ],
      [],
    ],
    ['sloth--k8s-getting-started.yml', ['myservice-requests-availability'], []],
    [
      'sloth--k8s-home-wifi.yml',
      [
        'home-wifi-good-wifi-client-satisfaction',
        'home-wifi-risk-wifi-client-satisfaction',
      ],
      [],
    ],
    [
      'sloth--kubernetes-apiserver.yml',
      ['k8s-apiserver-requests-availability', 'k8s-apiserver-requests-latency'],
      [],
    ],
    [
      'sloth--multifile.yml',
      ['myservice-requests-availability', 'myservice2-requests-availability'],
      [],
    ],
    ['sloth--no-alerts.yml', ['myapp-http-availability'], []],
    ['sloth--raw-home-wifi.yml', ['home-wifi-wifi-client-satisfaction'], []],
    [
      'sloth--openslo-getting-started.yml',
      [],
      [[undefined, 'apiVersion', `is "openslo/v1alpha"; ${OLD_OPENSLO}`]],
    ],
    [
      'sloth--windows-7d.yaml',
      [],
      [
        [
          undefined,
          'kind',
          "is \"AlertWindows\": Sloth's own alert windows are not read; burn states follow the SRE workbook's page and ticket rules, which are Sloth's default windows for a 30-day period",
        ],
      ],
    ],
  ])(
    '%s yields exactly the expected SLOs and problems',
    (file, names, expected) => {
      const { slos, problems } = read(file);
      expect(slos.map(s => s.name)).toEqual(names);
      expect(problems.map(p => [p.document, p.field, p.message])).toEqual(
        expected,
      );
    },
  );

  it('covers every file in the table above', () => {
    // Guards against a new fixture going unchecked.
    expect(files).toHaveLength(41);
  });

  const slo = (file: string, name: string): SloDeclaration =>
    read(file).slos.find(s => s.name === name)!;

  it('reads the Go SDK example as written: Timeslices over a calendar week, PromQL expressions', () => {
    expect(slo('go-sdk--v1-examples-slos.yaml', 'web-availability')).toEqual(
      expect.objectContaining({
        format: 'openslo',
        target: 0.995,
        budgeting: {
          method: 'Timeslices',
          sliceSeconds: 60,
          sliceDuration: '1m',
          sliceTarget: 0.95,
        },
        window: {
          kind: 'calendar',
          unit: 'week',
          count: 1,
          duration: '1w',
          startTime: '2022-01-01T12:00:00',
          timeZone: 'America/New_York',
        },
        indicator: expect.objectContaining({
          metric: 'ratio',
          counter: true,
          good: {
            query:
              'sum(http_requests{k8s_cluster="prod",component="web",code=~"2xx|4xx"})',
            form: 'expression',
            field:
              'spec.indicator.spec.ratioMetric.good.metricSource.spec.query',
          },
        }),
      }),
    );
  });

  it('reads a threshold SLO with its objective, its instance and a note on its alert policies', () => {
    const mySlo = slo('go-sdk--export-inputs-v1_slo.yaml', 'my-slo');
    expect(mySlo.indicator).toEqual({
      metric: 'threshold',
      name: 'my-sli',
      prometheus: 'my-prometheus',
      query: expect.objectContaining({ form: 'expression' }),
      op: 'gt',
      value: 1,
    });
    expect(mySlo.notes).toEqual([
      "spec.alertPolicies is not read: the burn state follows the SRE workbook's page and ticket rules (docs/slos.md)",
    ]);
  });

  it('reads Sloth events, raw ratios and disabled alerts', () => {
    const latency = slo(
      'sloth--kubernetes-apiserver.yml',
      'k8s-apiserver-requests-latency',
    );
    expect(latency).toEqual(
      expect.objectContaining({
        format: 'sloth',
        displayName: 'k8s-apiserver: requests-latency',
        target: 0.99,
        window: { kind: 'rolling', seconds: 30 * 86_400, duration: '30d' },
        budgeting: { method: 'Occurrences' },
        indicator: expect.objectContaining({
          metric: 'ratio',
          bad: expect.objectContaining({
            form: 'template',
            field: 'slos[1].sli.events.error_query',
          }),
        }),
      }),
    );
    expect(
      slo('sloth--k8s-getting-started.yml', 'myservice-requests-availability')
        .indicator,
    ).toEqual(
      expect.objectContaining({
        total: expect.objectContaining({
          field: 'spec.slos[0].sli.events.totalQuery',
        }),
      }),
    );
    expect(
      slo('sloth--raw-home-wifi.yml', 'home-wifi-wifi-client-satisfaction')
        .indicator,
    ).toEqual(expect.objectContaining({ metric: 'raw', rawType: 'failure' }));
    expect(
      slo('sloth--no-alerts.yml', 'myapp-http-availability').notes,
    ).toEqual([
      "Sloth's page alert is disabled (slos[0].alerting.page_alert.disable); the burn state still shows when it would fire",
      "Sloth's ticket alert is disabled (slos[0].alerting.ticket_alert.disable); the burn state still shows when it would fire",
    ]);
  });
});
