/**
 * One objective of a service, read from an OpenSLO v1 declaration: a ratio
 * of good (or bad) events to all events, counted from Prometheus counters
 * over a rolling or calendar window, budgeted by occurrences.
 *
 * @public
 */
export interface SloDeclaration {
  /** `metadata.name` of the SLO document, unique per entity. */
  name: string;
  /** `metadata.displayName`, or the name. */
  displayName: string;
  description?: string;
  /** Where it was declared: the annotation key or the file's URL. */
  declaredIn: string;
  /** The objective, a share between 0 and 1 exclusive, e.g. 0.999. */
  target: number;
  /** `objectives[0].displayName`, when given. */
  objectiveName?: string;
  window: SloWindow;
  indicator: SloIndicator;
}

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
 * The service level indicator of an SLO: Prometheus queries counting good
 * or bad events, and all events.
 *
 * @public
 */
export interface SloIndicator {
  /** The SLI's `metadata.name`, or the SLO's when the SLI is inline. */
  name: string;
  /**
   * The Prometheus instance (a name under `sreOwnership.prometheus.instances`)
   * from the DataSource the queries refer to; absent for the default.
   */
  prometheus?: string;
  /** Counts good events; exactly one of `good` and `bad` is set. */
  good?: SloQuery;
  /** Counts bad events. */
  bad?: SloQuery;
  /** Counts all events. */
  total: SloQuery;
}

/**
 * One counter query of an indicator.
 *
 * @public
 */
export interface SloQuery {
  /** The PromQL as declared. */
  query: string;
  /**
   * `selector`: a counter's series selector, counted over a window as
   * `sum(increase(<query>[<window>]))`. `template`: an expression with
   * `{{.window}}` where the window goes (Sloth's convention), counted as
   * `sum(<query with the window>)`.
   */
  form: 'selector' | 'template';
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
