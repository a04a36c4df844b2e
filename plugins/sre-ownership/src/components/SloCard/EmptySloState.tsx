import { SRE_OWNERSHIP_ANNOTATIONS } from '@sre-ownership/plugin-sre-ownership-common';
import { MissingDeclarationState } from '../states';

/** What a service without SLOs may add beside its catalog-info.yaml. */
export function missingSloYaml(entityName: string) {
  return `# catalog-info.yaml
metadata:
  annotations:
    ${SRE_OWNERSHIP_ANNOTATIONS.sloFile}: ./slos.yaml
---
# slos.yaml, beside catalog-info.yaml
apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${entityName}-availability
spec:
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 28d
      isRolling: true
  objectives:
    - target: 0.999
  indicator:
    metadata:
      name: ${entityName}-requests
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: Prometheus
            spec:
              query: http_requests_total{job="${entityName}",code!~"5.."}
        total:
          metricSource:
            type: Prometheus
            spec:
              query: http_requests_total{job="${entityName}"}`;
}

/** Shown when the entity declares no SLO, with the exact YAML to add. */
export function EmptySloState(props: { entityName: string }) {
  return (
    <MissingDeclarationState
      title="No SLOs declared"
      description={`Declare this service's objectives in OpenSLO v1: in a file named by ${SRE_OWNERSHIP_ANNOTATIONS.sloFile} (relative to catalog-info.yaml), or inline in ${SRE_OWNERSHIP_ANNOTATIONS.slos}. Attainment, error budget and burn rate are then read from Prometheus.`}
      yaml={missingSloYaml(props.entityName)}
    />
  );
}
