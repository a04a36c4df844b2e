import { parseAllDocuments } from 'yaml';
import {
  DocumentContext,
  Json,
  SLO_NAME,
  isObject,
  state,
} from './declarationFields';
import {
  DataSources,
  DeclaredIndicator,
  readDataSource,
  readIndicator,
} from './openSloIndicator';
import {
  ReadObjective,
  readBudgetingMethod,
  readObjective,
  readWindow,
} from './openSloObjectives';
import { isSloth, readSloth } from './sloth';
import {
  SloDeclaration,
  SloDeclarations,
  SloIndicator,
  SloProblem,
} from './types';

/** Kinds OpenSLO defines that do not change an SLO's status; read past. */
const IGNORED_KINDS = new Set([
  'Service',
  'AlertPolicy',
  'AlertCondition',
  'AlertNotificationTarget',
]);

interface ParsedDocument {
  context: DocumentContext;
  kind: string;
  name: string;
  body: Json;
}

/**
 * Reads SLO declarations into SLOs this plugin can measure: OpenSLO v1
 * documents of kinds SLO, SLI and DataSource, and Sloth specs (the
 * `prometheus/v1` file and the `PrometheusServiceLevel` resource). `file`
 * names where the text came from, for the problems; `entityRef` the
 * declaring entity.
 *
 * Read: ratio metrics (counters or gauges, good or bad and total), raw
 * ratios and threshold metrics over Prometheus, inline or referenced SLIs,
 * DataSources of type Prometheus, rolling and calendar windows,
 * Occurrences, Timeslices and RatioTimeslices budgeting, one SLO per
 * objective. Everything else gets a problem naming the field and what is
 * read instead; a broken SLO is left out and the others are kept.
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
  const slos: SloDeclaration[] = [];
  items.forEach((item, index) => {
    const declares = label(item.body);
    const context: DocumentContext = {
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
    if (isObject(item.body) && isSloth(item.body)) {
      slos.push(...readSloth(item.body, source.file, context));
      return;
    }
    const head = readHead(item.body, context);
    if (head) parsed.push({ ...head, context, body: item.body as Json });
  });

  const dataSources: DataSources = new Map();
  const indicators = new Map<string, DeclaredIndicator | null>();
  const unique = (kind: string, doc: ParsedDocument, names: Set<string>) => {
    if (names.has(doc.name)) {
      doc.context.report(
        'metadata.name',
        `another ${kind} is named "${doc.name}"; give each ${kind} its own name`,
      );
      return false;
    }
    names.add(doc.name);
    return true;
  };
  const dataSourceNames = new Set<string>();
  for (const doc of parsed.filter(d => d.kind === 'DataSource')) {
    if (unique('DataSource', doc, dataSourceNames)) {
      dataSources.set(
        doc.name,
        readDataSource(doc.body.spec as Json, doc.context),
      );
    }
  }
  const sliNames = new Set<string>();
  for (const doc of parsed.filter(d => d.kind === 'SLI')) {
    if (unique('SLI', doc, sliNames)) {
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
  const sloNames = new Set(slos.map(slo => slo.name));
  for (const doc of parsed.filter(d => d.kind === 'SLO')) {
    if (!unique('SLO', doc, sloNames)) continue;
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
  if (!isObject(body)) return undefined;
  if (body.version === 'prometheus/v1' && typeof body.service === 'string') {
    return `Sloth service ${body.service}`;
  }
  if (!isObject(body.metadata)) return undefined;
  const { kind } = body;
  const { name } = body.metadata;
  if (typeof kind !== 'string' || typeof name !== 'string') return undefined;
  return `${kind} ${name}`;
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
    const version = body.apiVersion;
    const hint =
      typeof version === 'string' && /^openslo(\.com)?\//.test(version)
        ? `only OpenSLO v1 is read; rewrite it as apiVersion: openslo/v1 (OpenSLO's v1 spec names the fields)`
        : 'write apiVersion: openslo/v1 (or version: "prometheus/v1" for a Sloth spec)';
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
  if (typeof name !== 'string' || !SLO_NAME.test(name)) {
    context.report(
      'metadata.name',
      `${state(
        body.metadata,
        'name',
      )}; give the ${kind} a name of lower-case letters, digits and dashes, e.g. checkout-availability`,
    );
    return undefined;
  }
  if (!isObject(body.spec)) {
    context.report(
      'spec',
      `${state(body, 'spec')}; an OpenSLO ${kind} needs a spec`,
    );
    return undefined;
  }
  return { kind, name };
}

function readSloIndicator(
  spec: Json,
  name: string,
  context: DocumentContext,
  indicators: Map<string, DeclaredIndicator | null>,
  dataSources: DataSources,
): DeclaredIndicator | null | undefined {
  if (spec.indicator !== undefined) {
    const inline = isObject(spec.indicator) ? spec.indicator : {};
    const inlineName =
      isObject(inline.metadata) && typeof inline.metadata.name === 'string'
        ? inline.metadata.name
        : name;
    return readIndicator(
      inline.spec,
      'spec.indicator.spec',
      inlineName,
      context,
      dataSources,
    );
  }
  if (typeof spec.indicatorRef === 'string') {
    const indicator = indicators.get(spec.indicatorRef);
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
    return indicator;
  }
  context.report(
    'spec.indicator',
    'is missing; write the SLI inline under spec.indicator, or name one with spec.indicatorRef',
  );
  return undefined;
}

/** The parts of an SLO that are not read, as notes on it. */
function sloNotes(spec: Json): string[] {
  const policies = spec.alertPolicies;
  if (Array.isArray(policies) && policies.length > 0) {
    return [
      "spec.alertPolicies is not read: the burn state follows the SRE workbook's page and ticket rules (docs/slos.md)",
    ];
  }
  return [];
}

function readSlo(
  doc: ParsedDocument,
  file: string,
  indicators: Map<string, DeclaredIndicator | null>,
  dataSources: DataSources,
): SloDeclaration[] {
  const { context, name } = doc;
  const spec = doc.body.spec as Json;
  const metadata = doc.body.metadata as Json;
  const indicator = readSloIndicator(
    spec,
    name,
    context,
    indicators,
    dataSources,
  );
  const method = readBudgetingMethod(spec, context);
  const window = readWindow(spec, context);
  const objectives = spec.objectives;
  if (!Array.isArray(objectives) || objectives.length === 0) {
    context.report(
      'spec.objectives',
      `${state(
        spec,
        'objectives',
      )}; give at least one objective, e.g. [{ target: 0.999 }]`,
    );
    return [];
  }
  if (!method) return [];
  const read = objectives.map((objective, index) =>
    readObjective(
      objective,
      `spec.objectives[${index}]`,
      {
        method,
        // Without the indicator there is no telling whether op and value belong.
        threshold: indicator?.metric === 'threshold',
        windowSeconds: window?.kind === 'rolling' ? window.seconds : undefined,
      },
      context,
    ),
  );
  if (!indicator || !window || read.some(r => r === undefined)) return [];
  const displayName =
    typeof metadata.displayName === 'string' ? metadata.displayName : name;
  const notes = sloNotes(spec);
  return (read as ReadObjective[]).map((objective, index) => ({
    name: objectives.length > 1 ? `${name}#${index + 1}` : name,
    displayName:
      objective.objectiveName && objectives.length > 1
        ? `${displayName}: ${objective.objectiveName}`
        : displayName,
    ...(typeof spec.description === 'string'
      ? { description: spec.description }
      : {}),
    declaredIn: file,
    format: 'openslo' as const,
    target: objective.target,
    ...(objective.objectiveName
      ? { objectiveName: objective.objectiveName }
      : {}),
    window,
    budgeting: objective.budgeting,
    indicator: withThreshold(indicator, objective),
    ...(notes.length > 0 ? { notes } : {}),
  }));
}

/** The indicator of one objective: a threshold metric takes its op and value. */
function withThreshold(
  indicator: DeclaredIndicator,
  objective: ReadObjective,
): SloIndicator {
  if (indicator.metric !== 'threshold') return indicator;
  return { ...indicator, ...objective.threshold! };
}
