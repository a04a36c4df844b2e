import { stringify } from 'yaml';

/** Deep-merges `patch` into `base`; `undefined` in the patch removes a key. */
function merge(base: unknown, patch: unknown): unknown {
  if (
    typeof base !== 'object' ||
    base === null ||
    Array.isArray(base) ||
    typeof patch !== 'object' ||
    patch === null ||
    Array.isArray(patch)
  ) {
    return patch;
  }
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete out[key];
    else out[key] = merge(out[key], value);
  }
  return out;
}

/** An OpenSLO v1 SLO document with an inline ratio SLI, changed by `patch`. */
export function sloDocument(patch: Record<string, unknown> = {}) {
  return merge(
    {
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: {
        name: 'checkout-availability',
        displayName: 'Checkout availability',
      },
      spec: {
        service: 'checkout',
        budgetingMethod: 'Occurrences',
        timeWindow: [{ duration: '28d', isRolling: true }],
        objectives: [{ target: 0.999 }],
        indicator: {
          metadata: { name: 'checkout-requests' },
          spec: {
            ratioMetric: {
              counter: true,
              good: {
                metricSource: {
                  type: 'Prometheus',
                  spec: {
                    query: 'http_requests_total{job="checkout",code!~"5.."}',
                  },
                },
              },
              total: {
                metricSource: {
                  type: 'Prometheus',
                  spec: { query: 'http_requests_total{job="checkout"}' },
                },
              },
            },
          },
        },
      },
    },
    patch,
  ) as Record<string, unknown>;
}

/** YAML text of several documents. */
export function yamlDocuments(...documents: unknown[]): string {
  return documents.map(d => stringify(d)).join('---\n');
}
