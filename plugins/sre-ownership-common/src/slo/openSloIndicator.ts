import {
  DocumentContext,
  Json,
  isObject,
  queryForm,
  state,
} from './declarationFields';
import {
  SloQuery,
  SloRatioIndicator,
  SloRawRatioIndicator,
  SloThresholdIndicator,
} from './types';

/**
 * The Prometheus instance each DataSource of a file names: a string, or
 * undefined for the default; null when the DataSource is broken.
 */
export type DataSources = Map<string, string | undefined | null>;

/** An SLI as declared; a threshold gets its `op` and `value` from the SLO's objective. */
export type DeclaredIndicator =
  | SloRatioIndicator
  | SloRawRatioIndicator
  | Omit<SloThresholdIndicator, 'op' | 'value'>;

/** The Prometheus instance an OpenSLO DataSource names; null when it is broken. */
export function readDataSource(
  spec: Json,
  context: DocumentContext,
): string | undefined | null {
  if (
    typeof spec.type !== 'string' ||
    spec.type.toLowerCase() !== 'prometheus'
  ) {
    context.report(
      'spec.type',
      `${state(
        spec,
        'type',
      )}; only Prometheus data sources are read, write type: Prometheus`,
    );
    return null;
  }
  const details = spec.connectionDetails;
  if (details === undefined) return undefined;
  if (
    !isObject(details) ||
    (details.instance !== undefined && typeof details.instance !== 'string')
  ) {
    context.report(
      'spec.connectionDetails.instance',
      'must be the name of a Prometheus instance under sreOwnership.prometheus.instances in app-config; addresses are never read from the catalog',
    );
    return null;
  }
  return details.instance as string | undefined;
}

interface MetricQuery {
  query: SloQuery;
  /** The Prometheus instance; undefined for the default. */
  prometheus?: string;
}

/**
 * Reads an OpenSLO SLI spec (`ratioMetric` or `thresholdMetric`) at `path`;
 * null after reporting its problems.
 */
export function readIndicator(
  spec: unknown,
  path: string,
  name: string,
  context: DocumentContext,
  dataSources: DataSources,
): DeclaredIndicator | null {
  if (!isObject(spec)) {
    context.report(
      path,
      'is missing; an SLI needs spec.ratioMetric or spec.thresholdMetric',
    );
    return null;
  }
  if (spec.thresholdMetric !== undefined) {
    const metric = readMetric(
      spec.thresholdMetric,
      `${path}.thresholdMetric`,
      context,
      dataSources,
    );
    if (!metric) return null;
    return {
      metric: 'threshold',
      name,
      ...(metric.prometheus ? { prometheus: metric.prometheus } : {}),
      query: metric.query,
    };
  }
  const ratio = spec.ratioMetric;
  if (!isObject(ratio)) {
    context.report(
      `${path}.ratioMetric`,
      'is missing; declare a ratioMetric (good or bad, and total) or a thresholdMetric',
    );
    return null;
  }
  const at = `${path}.ratioMetric`;
  if (ratio.raw !== undefined || ratio.rawType !== undefined) {
    return readRawRatio(ratio, at, name, context, dataSources);
  }
  // Read on past a missing counter so the metrics' own problems show too.
  const counter = typeof ratio.counter === 'boolean';
  if (!counter) {
    context.report(
      `${at}.counter`,
      `${state(
        ratio,
        'counter',
      )}; write counter: true when good and total are counters (counted with increase()), or counter: false when they are gauges (their values are summed)`,
    );
  }
  if ((ratio.good === undefined) === (ratio.bad === undefined)) {
    context.report(
      `${at}.good`,
      'exactly one of good and bad is needed, beside total',
    );
    return null;
  }
  const which = ratio.good !== undefined ? 'good' : 'bad';
  const counted = readMetric(
    ratio[which],
    `${at}.${which}`,
    context,
    dataSources,
  );
  const total = readMetric(ratio.total, `${at}.total`, context, dataSources);
  if (!counted || !total || !counter) return null;
  if (counted.prometheus !== total.prometheus) {
    context.report(
      `${at}.total.metricSource.metricSourceRef`,
      `names another Prometheus than ${which}; both must read the same one`,
    );
    return null;
  }
  return {
    metric: 'ratio',
    name,
    ...(counted.prometheus ? { prometheus: counted.prometheus } : {}),
    counter: ratio.counter as boolean,
    [which]: counted.query,
    total: total.query,
  } as SloRatioIndicator;
}

function readRawRatio(
  ratio: Json,
  at: string,
  name: string,
  context: DocumentContext,
  dataSources: DataSources,
): SloRawRatioIndicator | null {
  const rawType = ratio.rawType;
  if (rawType !== 'success' && rawType !== 'failure') {
    context.report(
      `${at}.rawType`,
      `${state(
        ratio,
        'rawType',
      )}; write rawType: success when the query is the share of good events, or failure when it is the share of bad ones`,
    );
  }
  if (ratio.raw === undefined) {
    context.report(
      `${at}.raw`,
      'is missing; give the query of the ratio under raw.metricSource',
    );
    return null;
  }
  const raw = readMetric(ratio.raw, `${at}.raw`, context, dataSources);
  if (!raw || (rawType !== 'success' && rawType !== 'failure')) return null;
  return {
    metric: 'raw',
    name,
    ...(raw.prometheus ? { prometheus: raw.prometheus } : {}),
    ratio: raw.query,
    rawType,
  };
}

function readMetric(
  metric: unknown,
  path: string,
  context: DocumentContext,
  dataSources: DataSources,
): MetricQuery | undefined {
  const source = isObject(metric) ? metric.metricSource : undefined;
  if (!isObject(source)) {
    context.report(
      `${path}.metricSource`,
      'is missing; give metricSource.spec.query with a PromQL query',
    );
    return undefined;
  }
  if (
    source.type !== undefined &&
    (typeof source.type !== 'string' ||
      source.type.toLowerCase() !== 'prometheus')
  ) {
    context.report(
      `${path}.metricSource.type`,
      `is ${JSON.stringify(
        source.type,
      )}; only Prometheus is read, write type: Prometheus`,
    );
    return undefined;
  }
  const ref = source.metricSourceRef;
  let prometheus: string | undefined;
  if (ref !== undefined) {
    if (typeof ref !== 'string' || ref.trim() === '') {
      context.report(
        `${path}.metricSource.metricSourceRef`,
        `is ${JSON.stringify(
          ref,
        )}; name a DataSource of the same file or a Prometheus instance of app-config, or leave it out for the default Prometheus`,
      );
      return undefined;
    }
    if (dataSources.get(ref) === null) {
      context.report(
        `${path}.metricSource.metricSourceRef`,
        `the DataSource "${ref}" has a problem; fix it first`,
      );
      return undefined;
    }
    // A DataSource declared elsewhere (OpenSLO resolves references across
    // files) is taken to be the Prometheus instance of that name.
    prometheus = dataSources.has(ref)
      ? (dataSources.get(ref) as string | undefined)
      : ref;
  }
  const query = isObject(source.spec) ? source.spec.query : undefined;
  const at = `${path}.metricSource.spec.query`;
  if (typeof query !== 'string' || query.trim() === '') {
    context.report(
      at,
      `${state(
        source.spec,
        'query',
      )}; give a PromQL query, e.g. http_requests_total{job="checkout"}`,
    );
    return undefined;
  }
  const trimmed = query.trim();
  return {
    query: { query: trimmed, form: queryForm(trimmed), field: at },
    ...(prometheus ? { prometheus } : {}),
  };
}
