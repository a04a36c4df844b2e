import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parseAllDocuments } from 'yaml';
import { parseOpenSlo } from './parseOpenSlo';

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

const SLOTH_FIX =
  'write each SLO as an OpenSLO v1 SLO instead: slos[].name → metadata.name, ' +
  'slos[].objective → spec.objectives[0].targetPercent, ' +
  'sli.events.error_query → spec.indicator.spec.ratioMetric.bad.metricSource.spec.query and ' +
  'sli.events.total_query → ratioMetric.total.metricSource.spec.query (both with counter: true; keep {{.window}}), ' +
  'budgetingMethod: Occurrences and timeWindow: [{ duration: 30d, isRolling: true }] (Sloth’s default period); ' +
  'sli.raw and sli.plugin have no OpenSLO equivalent the plugin reads (docs/slos.md shows a full SLO)';
const ONLY_PROMETHEUS = 'only Prometheus is read, write type: Prometheus';
const NO_COUNTER =
  'is missing; only counters are supported, write counter: true and count events with Prometheus counters';
const THRESHOLD =
  'threshold metrics are not supported; count good and total events with a ratioMetric instead';
const TIMESLICES =
  'Timeslices budgeting is not supported; write budgetingMethod: Occurrences';
const NOT_SELECTOR =
  ' is not a series selector; give a counter\'s selector such as http_requests_total{code!~"5.."}, or an expression with {{.window}} where the range goes, e.g. sum(rate(http_requests_total[{{.window}}]))';
const OLD_OPENSLO =
  "only OpenSLO v1 is read; rewrite it as apiVersion: openslo/v1 (OpenSLO's v1 spec names the fields)";
const NO_THANOS =
  'names no DataSource "thanos"; declare a DataSource of that name in the same file, or leave metricSourceRef out for the default Prometheus';

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
    const mustAnswer = items
      .map((item, index) => ({ item, at: numbered ? index + 1 : undefined }))
      .filter(
        ({ item }) => item.apiVersion !== 'openslo/v1' || item.kind === 'SLO',
      );
    const unanswered = mustAnswer.filter(
      ({ item, at }) =>
        !problems.some(p => p.document === at) &&
        !slos.some(s => s.name === (item.metadata as { name?: string })?.name),
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

  // Checked by hand against each file.
  it.each<[string, Array<[number | undefined, string, string]>]>([
    [
      'openslo-spec--budgeting-method-occurences-slo.yaml',
      [[undefined, 'spec.indicator.spec.thresholdMetric', THRESHOLD]],
    ],
    [
      'openslo-spec--budgeting-method-ratio-timeslices.yaml',
      [
        [undefined, 'spec.indicator.spec.ratioMetric.counter', NO_COUNTER],
        [
          undefined,
          'spec.indicator.spec.ratioMetric.good.metricSource.type',
          `is "Any"; ${ONLY_PROMETHEUS}`,
        ],
        [
          undefined,
          'spec.indicator.spec.ratioMetric.total.metricSource.type',
          `is "Any"; ${ONLY_PROMETHEUS}`,
        ],
        [
          undefined,
          'spec.budgetingMethod',
          'RatioTimeslices budgeting is not supported; write budgetingMethod: Occurrences',
        ],
      ],
    ],
    [
      'go-sdk--v1-examples-slos.yaml',
      [
        [
          undefined,
          'spec.indicator.spec.ratioMetric.good.metricSource.spec.query',
          `"sum(http_requests{k8s_cluster="prod",component="web",code=~"2xx|4xx"})"${NOT_SELECTOR}`,
        ],
        [
          undefined,
          'spec.indicator.spec.ratioMetric.total.metricSource.spec.query',
          `"sum(http_requests{k8s_cluster="prod",component="web"})"${NOT_SELECTOR}`,
        ],
        [undefined, 'spec.budgetingMethod', TIMESLICES],
      ],
    ],
    [
      'go-sdk--v1-examples-slis.yaml',
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
          'spec.ratioMetric.counter',
          'is false; only counters are supported, write counter: true and count events with Prometheus counters',
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
        [3, 'spec.ratioMetric.counter', NO_COUNTER],
        [
          3,
          'spec.ratioMetric.raw',
          'raw ratios are not supported; give good (or bad) and total counters',
        ],
        [4, 'spec.thresholdMetric', THRESHOLD],
      ],
    ],
    [
      'go-sdk--v1-examples-data_sources.yaml',
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
    [
      'go-sdk--decode-v1_slos.yaml',
      [
        [
          undefined,
          'spec.indicator.spec.ratioMetric.good.metricSource.metricSourceRef',
          NO_THANOS,
        ],
        [
          undefined,
          'spec.indicator.spec.ratioMetric.total.metricSource.metricSourceRef',
          NO_THANOS,
        ],
        [
          undefined,
          'spec.timeWindow',
          'is missing; give exactly one window, e.g. [{ duration: 28d, isRolling: true }]',
        ],
      ],
    ],
    [
      'go-sdk--inline-inputs-v1_slo.yaml',
      [
        [3, 'spec.thresholdMetric', THRESHOLD],
        [1, 'spec.indicator.spec.thresholdMetric', THRESHOLD],
        [1, 'spec.budgetingMethod', TIMESLICES],
        [
          2,
          'spec.indicatorRef',
          'the SLI "my-sli" has a problem; fix it first',
        ],
        [2, 'spec.budgetingMethod', TIMESLICES],
      ],
    ],
    [
      'oslo--validate-invalid-apiversion.yaml',
      [[undefined, 'apiVersion', 'is "foo"; write apiVersion: openslo/v1']],
    ],
    [
      'oslo--validate-v1alpha.yaml',
      [1, 2, 3, 4].map(n => [
        n,
        'apiVersion',
        `is "openslo/v1alpha"; ${OLD_OPENSLO}`,
      ]),
    ],
    [
      'oslo--validate-mix-3.yaml',
      [[undefined, 'apiVersion', `is "openslo.com/v2alpha"; ${OLD_OPENSLO}`]],
    ],
    ['oslo--format-two-documents.yaml', []],
    [
      'sloth--getting-started.yml',
      [
        [
          undefined,
          'version',
          `this is a Sloth spec (requests-availability), which is not read; ${SLOTH_FIX}`,
        ],
      ],
    ],
    [
      'sloth--multifile.yml',
      [1, 2].map(n => [
        n,
        'version',
        `this is a Sloth spec (requests-availability), which is not read; ${SLOTH_FIX}`,
      ]),
    ],
    [
      'sloth--k8s-home-wifi.yml',
      [
        [
          undefined,
          'apiVersion',
          `is "sloth.slok.dev/v1": a Sloth PrometheusServiceLevel (good-wifi-client-satisfaction, risk-wifi-client-satisfaction), which is not read; ${SLOTH_FIX}`,
        ],
      ],
    ],
    [
      'sloth--windows-7d.yaml',
      [
        [
          undefined,
          'apiVersion',
          'is "sloth.slok.dev/v1": a Sloth AlertWindows, which is not read; only OpenSLO v1 SLO, SLI and DataSource documents are',
        ],
      ],
    ],
  ])('%s gets exactly the expected problems', (file, expected) => {
    const { slos, problems } = read(file);
    expect(slos).toEqual([]);
    expect(problems.map(p => [p.document, p.field, p.message])).toEqual(
      expected,
    );
  });
});
