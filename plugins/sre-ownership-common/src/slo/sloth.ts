import {
  DocumentContext,
  Json,
  SLO_NAME,
  isObject,
  queryForm,
  shareOfPercent,
  state,
} from './declarationFields';
import { SloDeclaration, SloIndicator } from './types';

/** Sloth's default SLO period, the window its SLOs are measured over. */
const SLOTH_WINDOW = {
  kind: 'rolling',
  seconds: 30 * 86_400,
  duration: '30d',
} as const;

/** The keys of a Sloth SLO, in the file form and in the Kubernetes resource form. */
const KEYS = {
  file: {
    errorQuery: 'error_query',
    totalQuery: 'total_query',
    errorRatioQuery: 'error_ratio_query',
    pageAlert: 'page_alert',
    ticketAlert: 'ticket_alert',
  },
  resource: {
    errorQuery: 'errorQuery',
    totalQuery: 'totalQuery',
    errorRatioQuery: 'errorRatioQuery',
    pageAlert: 'pageAlert',
    ticketAlert: 'ticketAlert',
  },
};

/** Whether a document is Sloth's rather than OpenSLO's. */
export function isSloth(body: Json): boolean {
  if (body.apiVersion === undefined && body.version === 'prometheus/v1') {
    return true;
  }
  return (
    typeof body.apiVersion === 'string' &&
    body.apiVersion.startsWith('sloth.slok.dev')
  );
}

/**
 * Reads a Sloth spec as it is: a `version: "prometheus/v1"` file, or a
 * `sloth.slok.dev/v1` `PrometheusServiceLevel` resource. Each SLO is named
 * `<service>-<name>` (Sloth's SLO id), measured over Sloth's default
 * 30-day period, budgeted by occurrences; `sli.events` is a ratio of error
 * to total events and `sli.raw` a ratio of errors. Problems name the field.
 */
export function readSloth(
  body: Json,
  file: string,
  context: DocumentContext,
): SloDeclaration[] {
  if (body.apiVersion === undefined) {
    return readServiceLevel(body, '', KEYS.file, file, context);
  }
  if (body.kind === 'PrometheusServiceLevel') {
    if (!isObject(body.spec)) {
      context.report(
        'spec',
        'is missing; a PrometheusServiceLevel needs a spec',
      );
      return [];
    }
    return readServiceLevel(body.spec, 'spec.', KEYS.resource, file, context);
  }
  context.report(
    'kind',
    body.kind === 'AlertWindows'
      ? `is "AlertWindows": Sloth's own alert windows are not read; burn states follow the SRE workbook's page and ticket rules, which are Sloth's default windows for a 30-day period`
      : `${state(
          body,
          'kind',
        )}; of Sloth's resources only PrometheusServiceLevel is read`,
  );
  return [];
}

function readServiceLevel(
  spec: Json,
  prefix: string,
  keys: (typeof KEYS)['file'],
  file: string,
  context: DocumentContext,
): SloDeclaration[] {
  const service = spec.service;
  if (typeof service !== 'string' || service.trim() === '') {
    context.report(
      `${prefix}service`,
      `${state(
        spec,
        'service',
      )}; a Sloth spec names its service, e.g. service: "myservice"`,
    );
    return [];
  }
  if (!Array.isArray(spec.slos) || spec.slos.length === 0) {
    context.report(
      `${prefix}slos`,
      `${state(
        spec,
        'slos',
      )}; list the service's SLOs, each with name, objective and sli`,
    );
    return [];
  }
  const slos: SloDeclaration[] = [];
  spec.slos.forEach((slo, index) => {
    const read = readSlothSlo(
      slo,
      `${prefix}slos[${index}]`,
      service,
      keys,
      file,
      context,
    );
    if (read) slos.push(read);
  });
  return slos;
}

function readSlothSlo(
  slo: unknown,
  path: string,
  service: string,
  keys: (typeof KEYS)['file'],
  file: string,
  context: DocumentContext,
): SloDeclaration | undefined {
  if (!isObject(slo)) {
    context.report(path, 'must be a mapping with name, objective and sli');
    return undefined;
  }
  const name = typeof slo.name === 'string' ? `${service}-${slo.name}` : '';
  const nameOk = SLO_NAME.test(name);
  if (!nameOk) {
    context.report(
      `${path}.name`,
      `${state(
        slo,
        'name',
      )}; give the SLO a name of lower-case letters, digits and dashes (with the service, ${JSON.stringify(
        service,
      )}, it names the SLO as Sloth does, <service>-<name>)`,
    );
  }
  const objective = slo.objective;
  const objectiveOk =
    typeof objective === 'number' && objective > 0 && objective < 100;
  if (!objectiveOk) {
    context.report(
      `${path}.objective`,
      `${state(
        slo,
        'objective',
      )}; write the objective as a percentage below 100, e.g. objective: 99.9`,
    );
  }
  const indicator = readSlothSli(slo, path, name, keys, context);
  const notes = alertingNotes(slo.alerting, `${path}.alerting`, keys);
  if (!nameOk || !objectiveOk || !indicator) return undefined;
  return {
    name,
    displayName: `${service}: ${slo.name}`,
    ...(typeof slo.description === 'string'
      ? { description: slo.description }
      : {}),
    declaredIn: file,
    format: 'sloth',
    target: shareOfPercent(objective as number),
    window: SLOTH_WINDOW,
    budgeting: { method: 'Occurrences' },
    indicator,
    ...(notes.length > 0 ? { notes } : {}),
  };
}

function readSlothSli(
  slo: Json,
  path: string,
  name: string,
  keys: (typeof KEYS)['file'],
  context: DocumentContext,
): SloIndicator | undefined {
  const sli = slo.sli;
  const at = `${path}.sli`;
  if (!isObject(sli)) {
    context.report(
      at,
      `${state(
        slo,
        'sli',
      )}; give sli.events (the error and total queries) or sli.raw (the error ratio query)`,
    );
    return undefined;
  }
  const query = (owner: Json, key: string, field: string) => {
    const text = owner[key];
    if (typeof text !== 'string' || text.trim() === '') {
      context.report(
        field,
        `${state(
          owner,
          key,
        )}; give the PromQL query, with {{.window}} where the range goes`,
      );
      return undefined;
    }
    return { query: text.trim(), form: queryForm(text.trim()), field };
  };
  if (isObject(sli.events)) {
    const bad = query(
      sli.events,
      keys.errorQuery,
      `${at}.events.${keys.errorQuery}`,
    );
    const total = query(
      sli.events,
      keys.totalQuery,
      `${at}.events.${keys.totalQuery}`,
    );
    if (!bad || !total) return undefined;
    return { metric: 'ratio', name, counter: true, bad, total };
  }
  if (isObject(sli.raw)) {
    const ratio = query(
      sli.raw,
      keys.errorRatioQuery,
      `${at}.raw.${keys.errorRatioQuery}`,
    );
    if (!ratio) return undefined;
    return { metric: 'raw', name, ratio, rawType: 'failure' };
  }
  if (sli.plugin !== undefined) {
    context.report(
      `${at}.plugin`,
      'SLI plugins run inside Sloth and are not read; write the SLI as sli.events (error and total queries) or sli.raw (the error ratio query)',
    );
    return undefined;
  }
  context.report(
    at,
    'has neither events nor raw; give sli.events (the error and total queries) or sli.raw (the error ratio query)',
  );
  return undefined;
}

/** What a Sloth SLO's alerting section changes: only its disabled alerts are worth a note. */
function alertingNotes(
  alerting: unknown,
  path: string,
  keys: (typeof KEYS)['file'],
): string[] {
  if (!isObject(alerting)) return [];
  return (
    [
      [keys.pageAlert, 'page'],
      [keys.ticketAlert, 'ticket'],
    ] as const
  )
    .filter(
      ([key]) =>
        isObject(alerting[key]) && (alerting[key] as Json).disable === true,
    )
    .map(
      ([key, severity]) =>
        `Sloth's ${severity} alert is disabled (${path}.${key}.disable); the burn state still shows when it would fire`,
    );
}
