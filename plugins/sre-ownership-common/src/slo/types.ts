/**
 * One objective of a service, read from an OpenSLO v1 declaration or a
 * Sloth spec: an indicator read from Prometheus, a target, a rolling or
 * calendar window and how the budget is counted.
 *
 * @public
 */
export interface SloDeclaration {
  /** `metadata.name` of the SLO document (Sloth: `<service>-<name>`), unique per entity. */
  name: string;
  /** `metadata.displayName`, or the name. */
  displayName: string;
  description?: string;
  /** Where it was declared: the annotation key or the file's URL. */
  declaredIn: string;
  /** The format it was written in. */
  format: SloFormat;
  /** The objective, a share between 0 and 1 exclusive, e.g. 0.999. */
  target: number;
  /** `objectives[0].displayName`, when given. */
  objectiveName?: string;
  window: SloWindow;
  /** How the error budget is counted: events, or time slices. */
  budgeting: SloBudgeting;
  indicator: SloIndicator;
  /** Parts of the declaration that are not read, and what is used instead. */
  notes?: string[];
}

/**
 * The format an SLO was declared in: OpenSLO v1, or a Sloth `prometheus/v1`
 * spec (or its `PrometheusServiceLevel` resource).
 *
 * @public
 */
export type SloFormat = 'openslo' | 'sloth';

/**
 * How an SLO counts its error budget (OpenSLO `budgetingMethod`).
 * `Occurrences`: good events over all events. `Timeslices`: the window is
 * cut into slices of `sliceSeconds`; a slice is good when its ratio meets
 * `sliceTarget`, and attainment is good slices over slices with data.
 * `RatioTimeslices`: attainment is the mean of the slices' ratios.
 * Exact definitions in docs/slos.md.
 *
 * @public
 */
export type SloBudgeting =
  | { method: 'Occurrences' }
  | {
      method: 'Timeslices';
      /** Length of one slice in seconds. */
      sliceSeconds: number;
      /** As written, e.g. `1m`. */
      sliceDuration: string;
      /** The share a slice's ratio must reach for the slice to be good. */
      sliceTarget: number;
    }
  | {
      method: 'RatioTimeslices';
      sliceSeconds: number;
      sliceDuration: string;
    };

/**
 * The window an SLO is measured over.
 *
 * @public
 */
export type SloWindow =
  | {
      kind: 'rolling';
      /** Length in seconds (minutes, hours, days or weeks only). */
      seconds: number;
      /** As written, e.g. `28d`. */
      duration: string;
    }
  | {
      kind: 'calendar';
      /** Calendar unit of one period. */
      unit: CalendarUnit;
      /** How many units one period lasts. */
      count: number;
      /** As written, e.g. `1M`. */
      duration: string;
      /** Wall-clock start of the first period, `YYYY-MM-DDTHH:MM:SS`. */
      startTime: string;
      /** IANA time zone the periods are counted in. */
      timeZone: string;
    };

/**
 * Units of an OpenSLO duration that a calendar window can use.
 *
 * @public
 */
export type CalendarUnit =
  | 'minute'
  | 'hour'
  | 'day'
  | 'week'
  | 'month'
  | 'quarter'
  | 'year';

/**
 * The service level indicator of an SLO, read from Prometheus: a ratio of
 * good (or bad) to all events, a ratio Prometheus computes itself, or a
 * metric compared with a threshold.
 *
 * @public
 */
export type SloIndicator =
  | SloRatioIndicator
  | SloRawRatioIndicator
  | SloThresholdIndicator;

/**
 * What every kind of indicator has.
 *
 * @public
 */
export interface SloIndicatorBase {
  /** The SLI's `metadata.name`, or the SLO's when the SLI is inline. */
  name: string;
  /**
   * The Prometheus instance (a name under `sreOwnership.prometheus.instances`)
   * the queries go to; absent for the default.
   */
  prometheus?: string;
}

/**
 * OpenSLO `ratioMetric` with `good` or `bad` and `total` (Sloth
 * `sli.events`).
 *
 * @public
 */
export interface SloRatioIndicator extends SloIndicatorBase {
  metric: 'ratio';
  /**
   * True when the queries are counters (counted with `increase()`), false
   * when they are gauges whose values are summed (docs/slos.md).
   */
  counter: boolean;
  /** Counts good events; exactly one of `good` and `bad` is set. */
  good?: SloQuery;
  /** Counts bad events. */
  bad?: SloQuery;
  /** Counts all events. */
  total: SloQuery;
}

/**
 * OpenSLO `ratioMetric.raw` (Sloth `sli.raw.error_ratio_query`): one query
 * whose value is already the share of good (`success`) or bad (`failure`)
 * events.
 *
 * @public
 */
export interface SloRawRatioIndicator extends SloIndicatorBase {
  metric: 'raw';
  ratio: SloQuery;
  rawType: 'success' | 'failure';
}

/**
 * OpenSLO `thresholdMetric` with the objective's `op` and `value`: a
 * reading is good when `<query> <op> <value>` holds, e.g. a p99 latency
 * `lt` 0.3.
 *
 * @public
 */
export interface SloThresholdIndicator extends SloIndicatorBase {
  metric: 'threshold';
  query: SloQuery;
  op: ThresholdOperator;
  value: number;
}

/**
 * The comparison of a threshold objective: a reading is good when it is
 * less than (`lt`), at most (`lte`), greater than (`gt`) or at least
 * (`gte`) the objective's value.
 *
 * @public
 */
export type ThresholdOperator = 'lt' | 'lte' | 'gt' | 'gte';

/**
 * One Prometheus query of an indicator.
 *
 * @public
 */
export interface SloQuery {
  /** The PromQL as declared. */
  query: string;
  /**
   * `selector`: a series selector such as `http_requests_total{code="500"}`.
   * `template`: an expression with `{{.window}}` where a range goes
   * (Sloth's convention). `expression`: any other PromQL expression.
   * Prometheus validates each; docs/slos.md gives the PromQL each form is
   * measured with.
   */
  form: 'selector' | 'template' | 'expression';
  /** The field it was declared at, e.g. `spec.indicator.spec.ratioMetric.good.metricSource.spec.query`. */
  field: string;
}

/**
 * A problem in an SLO declaration, precise enough to fix without reading
 * the parser.
 *
 * @public
 */
export interface SloProblem {
  /** The entity that declares the SLO. */
  entityRef: string;
  /** Where: the annotation key, or the file's URL or path. */
  file: string;
  /** The YAML document in it, from 1, when the file has several. */
  document?: number;
  /**
   * The kind and name of that declaration, e.g. `SLO web-availability`,
   * when the file has several and the declaration names itself.
   */
  declares?: string;
  /** The field, as a path such as `spec.objectives[0].target`. */
  field: string;
  /** What is wrong and how to fix it. */
  message: string;
}

/**
 * The SLOs an entity declares, and the problems found in them. An SLO with
 * a problem is left out; the others are kept.
 *
 * @public
 */
export interface SloDeclarations {
  slos: SloDeclaration[];
  problems: SloProblem[];
}

/**
 * One sentence for logs and the catalog naming entity, file, field and fix.
 *
 * @public
 */
export function formatSloProblem(problem: SloProblem): string {
  const document = problem.document
    ? ` (document ${problem.document}${
        problem.declares ? `, ${problem.declares}` : ''
      })`
    : '';
  return `${problem.entityRef}: ${problem.file}${document}: ${problem.field}: ${problem.message}`;
}
