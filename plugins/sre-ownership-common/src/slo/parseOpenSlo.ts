import { parseAllDocuments } from 'yaml';
import { isKnownTimezone } from '../burden/localTime';
import { parseWallClock } from './calendar';
import { slothAdvice } from './sloth';
import { parseOpenSloDuration } from './durations';
import {
  SloDeclaration,
  SloDeclarations,
  SloIndicator,
  SloProblem,
  SloQuery,
  SloWindow,
} from './types';

type Json = Record<string, unknown>;

const NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const SELECTOR = /^(?:[a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[^{}]*\})?|\{[^{}]+\})$/;
const WINDOW_PLACEHOLDER = '{{.window}}';
/** Kinds OpenSLO defines that do not change an SLO's status; read past. */
const IGNORED_KINDS = new Set([
  'Service',
  'AlertPolicy',
  'AlertCondition',
  'AlertNotificationTarget',
]);

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Where a document sits, and how to report a problem in it. */
interface DocumentContext {
  document?: number;
  report(field: string, message: string): void;
}

interface ParsedDocument {
  context: DocumentContext;
  kind: string;
  name: string;
  body: Json;
}

/**
 * Reads OpenSLO v1 declarations (one or more YAML documents of kinds SLO,
 * SLI and DataSource) into SLOs this plugin can measure. `file` names where
 * the text came from, for the problems; `entityRef` the declaring entity.
 *
 * Supported: ratio metrics over Prometheus counters (`good` or `bad`, and
 * `total`), inline or referenced SLIs, DataSources of type Prometheus,
 * rolling and calendar windows, `Occurrences` budgeting, one SLO per
 * objective. Everything else gets a problem naming the field and the fix;
 * a broken SLO is left out and the others are kept.
 *
 * @public
 */
export function parseOpenSlo(
  text: string,
  source: { entityRef: string; file: string },
): SloDeclarations {
  const problems: SloProblem[] = [];
  const items = readItems(text);
  const many = items.length > 1;
  const parsed: ParsedDocument[] = [];
  items.forEach((item, index) => {
    const declares = label(item.body);
    const context: DocumentContext = {
      document: many ? index + 1 : undefined,
      report: (field, message) =>
        problems.push({
          entityRef: source.entityRef,
          file: source.file,
          ...(many ? { document: index + 1 } : {}),
          ...(many && declares ? { declares } : {}),
          field,
          message,
        }),
    };
    if (item.error) {
      context.report(item.error.field, item.error.message);
      return;
    }
    const head = readHead(item.body, context);
    if (head) parsed.push({ ...head, context, body: item.body as Json });
  });

  const dataSources = new Map<string, string | undefined | null>();
  const indicators = new Map<string, SloIndicator | null>();
  const unique = (
    kind: string,
    doc: ParsedDocument,
    names: Map<string, unknown>,
  ) => {
    if (names.has(doc.name)) {
      doc.context.report(
        'metadata.name',
        `another ${kind} is named "${doc.name}"; give each ${kind} its own name`,
      );
      return false;
    }
    return true;
  };
  for (const doc of parsed.filter(d => d.kind === 'DataSource')) {
    if (unique('DataSource', doc, dataSources)) {
      dataSources.set(doc.name, readDataSource(doc));
    }
  }
  for (const doc of parsed.filter(d => d.kind === 'SLI')) {
    if (unique('SLI', doc, indicators)) {
      indicators.set(
        doc.name,
        readIndicator(
          doc.body.spec,
          'spec',
          doc.name,
          doc.context,
          dataSources,
        ),
      );
    }
  }
  const slos: SloDeclaration[] = [];
  const sloNames = new Set<string>();
  for (const doc of parsed.filter(d => d.kind === 'SLO')) {
    if (!unique('SLO', doc, new Map([...sloNames].map(n => [n, n])))) continue;
    sloNames.add(doc.name);
    slos.push(...readSlo(doc, source.file, indicators, dataSources));
  }
  return { slos, problems };
}

/** One declaration to check: a YAML document, or an item of a top-level list. */
interface Item {
  body?: unknown;
  error?: { field: string; message: string };
}

/**
 * Splits the text into declarations. OpenSLO's own examples, its Go SDK and
 * `oslo` put several objects in one top-level YAML list, and others separate
 * them with `---`; both are read, and each item is checked on its own.
 */
function readItems(text: string): Item[] {
  const items: Item[] = [];
  for (const doc of parseAllDocuments(text)) {
    if ('errors' in doc && doc.errors.length > 0) {
      const error = doc.errors[0];
      const line = error.linePos?.[0]?.line;
      items.push({
        error: {
          field: line ? `line ${line}` : '(YAML)',
          message: `is not valid YAML: ${error.message.split('\n')[0]}`,
        },
      });
      continue;
    }
    const body = doc.toJS();
    if (body === null || body === undefined) continue;
    if (Array.isArray(body)) {
      items.push(...body.map(entry => ({ body: entry })));
    } else {
      items.push({ body });
    }
  }
  return items;
}

/** "SLO web-availability": which declaration a problem is in, in a list. */
function label(body: unknown): string | undefined {
  if (!isObject(body) || !isObject(body.metadata)) return undefined;
  const { kind } = body;
  const { name } = body.metadata;
  if (typeof kind !== 'string' || typeof name !== 'string') return undefined;
  return `${kind} ${name}`;
}

/**
 * "is missing" when the key is absent, otherwise "is" and the value as
 * written, so a user can tell a forgotten key from a wrong one.
 */
function state(owner: unknown, key: string): string {
  if (!isObject(owner) || !(key in owner)) return 'is missing';
  return `is ${JSON.stringify(owner[key])}`;
}

function readHead(
  body: unknown,
  context: DocumentContext,
): { kind: string; name: string } | undefined {
  if (!isObject(body)) {
    context.report(
      '(document)',
      'must be a mapping with apiVersion, kind, metadata and spec',
    );
    return undefined;
  }
  if (body.apiVersion !== 'openslo/v1') {
    const sloth = slothAdvice(body);
    if (sloth) {
      context.report(sloth.field, sloth.message);
      return undefined;
    }
    const version = body.apiVersion;
    const hint =
      typeof version === 'string' && /^openslo(\.com)?\//.test(version)
        ? `only OpenSLO v1 is read; rewrite it as apiVersion: openslo/v1 (OpenSLO's v1 spec names the fields)`
        : 'write apiVersion: openslo/v1';
    context.report('apiVersion', `${state(body, 'apiVersion')}; ${hint}`);
    return undefined;
  }
  const kind = body.kind;
  if (
    typeof kind !== 'string' ||
    !['SLO', 'SLI', 'DataSource'].includes(kind)
  ) {
    if (typeof kind === 'string' && IGNORED_KINDS.has(kind)) return undefined;
    context.report(
      'kind',
      `${state(body, 'kind')}; use SLO, SLI or DataSource`,
    );
    return undefined;
  }
  const name = isObject(body.metadata) ? body.metadata.name : undefined;
  if (typeof name !== 'string' || !NAME.test(name)) {
    context.report(
      'metadata.name',
      `${
        isObject(body.metadata) ? state(body.metadata, 'name') : 'is missing'
      }; give the ${kind} a name of lower-case letters, digits and dashes, e.g. checkout-availability`,
    );
    return undefined;
  }
  if (!isObject(body.spec)) {
    context.report('spec', `is missing; an OpenSLO ${kind} needs a spec`);
    return undefined;
  }
  return { kind, name };
}

/** The Prometheus instance a DataSource names; null when it is broken. */
function readDataSource(doc: ParsedDocument): string | undefined | null {
  const spec = doc.body.spec as Json;
  if (
    typeof spec.type !== 'string' ||
    spec.type.toLowerCase() !== 'prometheus'
  ) {
    doc.context.report(
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
    doc.context.report(
      'spec.connectionDetails.instance',
      'must be the name of a Prometheus instance under sreOwnership.prometheus.instances in app-config; addresses are never read from the catalog',
    );
    return null;
  }
  return details.instance as string | undefined;
}

function readIndicator(
  spec: unknown,
  path: string,
  name: string,
  context: DocumentContext,
  dataSources: Map<string, string | undefined | null>,
): SloIndicator | null {
  if (!isObject(spec)) {
    context.report(path, 'is missing; an SLI needs spec.ratioMetric');
    return null;
  }
  if (spec.thresholdMetric !== undefined) {
    context.report(
      `${path}.thresholdMetric`,
      'threshold metrics are not supported; count good and total events with a ratioMetric instead',
    );
    return null;
  }
  const ratio = spec.ratioMetric;
  if (!isObject(ratio)) {
    context.report(
      `${path}.ratioMetric`,
      'is missing; declare good (or bad) and total counter queries',
    );
    return null;
  }
  const at = `${path}.ratioMetric`;
  // Read on past a missing counter so the metrics' own problems show too.
  const counter = ratio.counter === true;
  if (!counter) {
    context.report(
      `${at}.counter`,
      `${state(
        ratio,
        'counter',
      )}; only counters are supported, write counter: true and count events with Prometheus counters`,
    );
  }
  if (ratio.raw !== undefined || ratio.rawType !== undefined) {
    context.report(
      `${at}.raw`,
      'raw ratios are not supported; give good (or bad) and total counters',
    );
    return null;
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
  if (counted.dataSource !== total.dataSource) {
    context.report(
      `${at}.total.metricSource.metricSourceRef`,
      `names another data source than ${which}; both must read the same Prometheus`,
    );
    return null;
  }
  const prometheus =
    counted.dataSource === undefined
      ? undefined
      : dataSources.get(counted.dataSource);
  return {
    name,
    ...(prometheus ? { prometheus } : {}),
    [which]: counted.query,
    total: total.query,
  } as SloIndicator;
}

function readMetric(
  metric: unknown,
  path: string,
  context: DocumentContext,
  dataSources: Map<string, string | undefined | null>,
): { query: SloQuery; dataSource?: string } | undefined {
  const source = isObject(metric) ? metric.metricSource : undefined;
  if (!isObject(source)) {
    context.report(
      `${path}.metricSource`,
      'is missing; give metricSource.spec.query with a Prometheus counter',
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
  if (ref !== undefined) {
    if (typeof ref !== 'string' || !dataSources.has(ref)) {
      context.report(
        `${path}.metricSource.metricSourceRef`,
        `names no DataSource ${JSON.stringify(
          ref,
        )}; declare a DataSource of that name in the same file, or leave metricSourceRef out for the default Prometheus`,
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
  }
  const query = isObject(source.spec) ? source.spec.query : undefined;
  if (typeof query !== 'string' || query.trim() === '') {
    context.report(
      `${path}.metricSource.spec.query`,
      'is missing; give the PromQL series selector of a counter, e.g. http_requests_total{job="checkout"}',
    );
    return undefined;
  }
  const trimmed = query.trim();
  if (trimmed.includes(WINDOW_PLACEHOLDER)) {
    return {
      query: { query: trimmed, form: 'template' },
      dataSource: ref as string | undefined,
    };
  }
  if (!SELECTOR.test(trimmed)) {
    context.report(
      `${path}.metricSource.spec.query`,
      `"${trimmed}" is not a series selector; give a counter's selector such as http_requests_total{code!~"5.."}, or an expression with ${WINDOW_PLACEHOLDER} where the range goes, e.g. sum(rate(http_requests_total[${WINDOW_PLACEHOLDER}]))`,
    );
    return undefined;
  }
  return {
    query: { query: trimmed, form: 'selector' },
    dataSource: ref as string | undefined,
  };
}

function readWindow(
  spec: Json,
  context: DocumentContext,
): SloWindow | undefined {
  const windows = spec.timeWindow;
  if (windows === undefined) {
    context.report(
      'spec.timeWindow',
      'is missing; give exactly one window, e.g. [{ duration: 28d, isRolling: true }]',
    );
    return undefined;
  }
  if (
    !Array.isArray(windows) ||
    windows.length !== 1 ||
    !isObject(windows[0])
  ) {
    context.report(
      'spec.timeWindow',
      'needs exactly one window, e.g. [{ duration: 28d, isRolling: true }]',
    );
    return undefined;
  }
  const window = windows[0];
  const duration =
    typeof window.duration === 'string'
      ? parseOpenSloDuration(window.duration)
      : undefined;
  if (!duration) {
    context.report(
      'spec.timeWindow[0].duration',
      `${state(
        window,
        'duration',
      )}; write a whole number and a unit m, h, d, w, M, Q or Y, e.g. 28d`,
    );
    return undefined;
  }
  const text = window.duration as string;
  if (window.isRolling === true) {
    if (duration.seconds === undefined) {
      context.report(
        'spec.timeWindow[0].duration',
        `a rolling window of ${text} has no fixed length; use minutes, hours, days or weeks (e.g. 30d), or a calendar window`,
      );
      return undefined;
    }
    if (duration.seconds < 3600) {
      context.report(
        'spec.timeWindow[0].duration',
        `${text} is shorter than an hour; an SLO window is usually days or weeks, e.g. 28d`,
      );
      return undefined;
    }
    return { kind: 'rolling', seconds: duration.seconds, duration: text };
  }
  const calendar = window.calendar;
  if (window.isRolling !== false && window.isRolling !== undefined) {
    context.report('spec.timeWindow[0].isRolling', 'must be true or false');
    return undefined;
  }
  if (!isObject(calendar)) {
    context.report(
      'spec.timeWindow[0].calendar',
      'is missing; a window with isRolling: false needs calendar: { startTime: "2024-01-01 00:00:00", timeZone: UTC }',
    );
    return undefined;
  }
  const startTime =
    typeof calendar.startTime === 'string' ? calendar.startTime : undefined;
  if (!startTime || !parseWallClock(startTime)) {
    context.report(
      'spec.timeWindow[0].calendar.startTime',
      `${state(
        calendar,
        'startTime',
      )}; write a wall-clock time such as "2024-01-01 00:00:00"`,
    );
    return undefined;
  }
  const timeZone = calendar.timeZone;
  if (typeof timeZone !== 'string' || !isKnownTimezone(timeZone)) {
    context.report(
      'spec.timeWindow[0].calendar.timeZone',
      `${state(
        calendar,
        'timeZone',
      )}; write an IANA time zone such as UTC or Europe/Berlin`,
    );
    return undefined;
  }
  return {
    kind: 'calendar',
    unit: duration.unit,
    count: duration.count,
    duration: text,
    startTime: startTime.replace(' ', 'T'),
    timeZone,
  };
}

function readTarget(
  objective: Json,
  path: string,
  context: DocumentContext,
): number | undefined {
  if (objective.target !== undefined) {
    const target = objective.target;
    if (typeof target !== 'number' || !(target > 0 && target < 1)) {
      context.report(
        `${path}.target`,
        `is ${JSON.stringify(
          target,
        )}; write a share between 0 and 1, e.g. 0.999, or targetPercent: 99.9`,
      );
      return undefined;
    }
    return target;
  }
  const percent = objective.targetPercent;
  if (typeof percent !== 'number' || !(percent > 0 && percent < 100)) {
    context.report(
      `${path}.target`,
      `is missing; write target: 0.999 (or targetPercent: 99.9)`,
    );
    return undefined;
  }
  return percent / 100;
}

function readSlo(
  doc: ParsedDocument,
  file: string,
  indicators: Map<string, SloIndicator | null>,
  dataSources: Map<string, string | undefined | null>,
): SloDeclaration[] {
  const { context, name } = doc;
  const spec = doc.body.spec as Json;
  const metadata = doc.body.metadata as Json;
  let indicator: SloIndicator | null | undefined;
  if (spec.indicator !== undefined) {
    const inline = isObject(spec.indicator) ? spec.indicator : {};
    const inlineName =
      isObject(inline.metadata) && typeof inline.metadata.name === 'string'
        ? inline.metadata.name
        : name;
    indicator = readIndicator(
      inline.spec,
      'spec.indicator.spec',
      inlineName,
      context,
      dataSources,
    );
  } else if (typeof spec.indicatorRef === 'string') {
    indicator = indicators.get(spec.indicatorRef);
    if (indicator === undefined) {
      context.report(
        'spec.indicatorRef',
        `names no SLI "${spec.indicatorRef}"; declare an SLI of that name in the same file, or write the indicator inline under spec.indicator`,
      );
    } else if (indicator === null) {
      context.report(
        'spec.indicatorRef',
        `the SLI "${spec.indicatorRef}" has a problem; fix it first`,
      );
    }
  } else {
    context.report(
      'spec.indicator',
      'is missing; write the SLI inline under spec.indicator, or name one with spec.indicatorRef',
    );
  }
  const budgeting = spec.budgetingMethod;
  let budgetingOk = true;
  if (budgeting !== 'Occurrences') {
    budgetingOk = false;
    context.report(
      'spec.budgetingMethod',
      budgeting === 'Timeslices' || budgeting === 'RatioTimeslices'
        ? `${budgeting} budgeting is not supported; write budgetingMethod: Occurrences`
        : `${state(
            spec,
            'budgetingMethod',
          )}; write budgetingMethod: Occurrences`,
    );
  }
  const window = readWindow(spec, context);
  const objectives = spec.objectives;
  if (!Array.isArray(objectives) || objectives.length === 0) {
    context.report(
      'spec.objectives',
      'needs at least one objective, e.g. [{ target: 0.999 }]',
    );
    return [];
  }
  const targets = objectives.map((objective, index) => {
    const path = `spec.objectives[${index}]`;
    if (!isObject(objective)) {
      context.report(path, 'must be a mapping such as { target: 0.999 }');
      return undefined;
    }
    if (
      objective.indicator !== undefined ||
      objective.indicatorRef !== undefined
    ) {
      context.report(
        `${path}.indicator`,
        'composite SLOs are not supported; declare one SLO per indicator',
      );
      return undefined;
    }
    const target = readTarget(objective, path, context);
    return target === undefined
      ? undefined
      : {
          target,
          objectiveName:
            typeof objective.displayName === 'string'
              ? objective.displayName
              : undefined,
        };
  });
  if (
    !indicator ||
    !window ||
    !budgetingOk ||
    targets.some(t => t === undefined)
  )
    return [];
  const displayName =
    typeof metadata.displayName === 'string' ? metadata.displayName : name;
  return targets.map((objective, index) => ({
    name: objectives.length > 1 ? `${name}#${index + 1}` : name,
    displayName:
      objective!.objectiveName && objectives.length > 1
        ? `${displayName}: ${objective!.objectiveName}`
        : displayName,
    ...(typeof spec.description === 'string'
      ? { description: spec.description }
      : {}),
    declaredIn: file,
    target: objective!.target,
    ...(objective!.objectiveName
      ? { objectiveName: objective!.objectiveName }
      : {}),
    window,
    indicator: indicator!,
  }));
}
