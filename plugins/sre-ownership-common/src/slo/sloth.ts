type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** How each Sloth SLO maps onto an OpenSLO v1 SLO this plugin reads. */
const MAPPING =
  'write each SLO as an OpenSLO v1 SLO instead: slos[].name → metadata.name, ' +
  'slos[].objective → spec.objectives[0].targetPercent, ' +
  'sli.events.error_query → spec.indicator.spec.ratioMetric.bad.metricSource.spec.query and ' +
  'sli.events.total_query → ratioMetric.total.metricSource.spec.query (both with counter: true; keep {{.window}}), ' +
  'budgetingMethod: Occurrences and timeWindow: [{ duration: 30d, isRolling: true }] (Sloth’s default period); ' +
  'sli.raw and sli.plugin have no OpenSLO equivalent the plugin reads (docs/slos.md shows a full SLO)';

/** The names of the SLOs a Sloth spec declares, for the message. */
function sloNames(spec: unknown): string {
  const slos = isObject(spec) && Array.isArray(spec.slos) ? spec.slos : [];
  const names = slos
    .map(slo => (isObject(slo) ? slo.name : undefined))
    .filter((name): name is string => typeof name === 'string');
  return names.length > 0 ? ` (${names.join(', ')})` : '';
}

/**
 * Recognises a Sloth spec — the `version: "prometheus/v1"` file or a
 * `sloth.slok.dev/v1` resource — and says how to write it as OpenSLO, since
 * Sloth's layout is the one teams most often already have.
 */
export function slothAdvice(
  body: Json,
): { field: string; message: string } | undefined {
  if (body.apiVersion === undefined && body.version === 'prometheus/v1') {
    return {
      field: 'version',
      message: `this is a Sloth spec${sloNames(
        body,
      )}, which is not read; ${MAPPING}`,
    };
  }
  const version = body.apiVersion;
  if (typeof version !== 'string' || !version.startsWith('sloth.slok.dev')) {
    return undefined;
  }
  if (body.kind === 'PrometheusServiceLevel') {
    return {
      field: 'apiVersion',
      message: `is "${version}": a Sloth PrometheusServiceLevel${sloNames(
        body.spec,
      )}, which is not read; ${MAPPING}`,
    };
  }
  return {
    field: 'apiVersion',
    message: `is "${version}": a Sloth ${
      typeof body.kind === 'string' ? body.kind : 'resource'
    }, which is not read; only OpenSLO v1 SLO, SLI and DataSource documents are`,
  };
}
