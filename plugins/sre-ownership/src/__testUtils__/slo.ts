import {
  BURN_RULES,
  EntitySloStatus,
  SloStatus,
} from '@sre-ownership/plugin-sre-ownership-common';

/** The status of one SLO, burning fast, changed by `overrides`. */
export function anSloStatus(overrides: Partial<SloStatus> = {}): SloStatus {
  return {
    slo: {
      name: 'checkout-availability',
      displayName: 'Checkout availability',
      declaredIn: 'sre-ownership.io/slos',
      target: 0.999,
      format: 'openslo',
      window: { kind: 'rolling', seconds: 28 * 86_400, duration: '28d' },
      budgeting: { method: 'Occurrences' },
      indicator: {
        metric: 'ratio',
        name: 'checkout-requests',
        counter: true,
        good: {
          query: 'http_requests_total{code!~"5.."}',
          form: 'selector',
          field: 'spec.indicator.spec.ratioMetric.good.metricSource.spec.query',
        },
        total: {
          query: 'http_requests_total',
          form: 'selector',
          field:
            'spec.indicator.spec.ratioMetric.total.metricSource.spec.query',
        },
      },
    },
    prometheus: 'demo',
    window: {
      start: '2026-05-04T00:00:00.000Z',
      end: '2026-06-01T00:00:00.000Z',
    },
    figures: {
      attainment: 0.99952,
      budget: {
        consumed: 0.48,
        remaining: 0.52,
        totalSeconds: 2419.2,
        remainingSeconds: 1257.984,
      },
      previousConsumed: 0.2,
      burnRates: {
        '5m': 7,
        '30m': 6.5,
        '1h': 6.4,
        '2h': 6.3,
        '6h': 6.2,
        '1d': 2,
        '3d': 1,
      },
      burn: {
        severity: 'page',
        rule: BURN_RULES[1],
        rate: 6.2,
        exhaustedInSeconds: 202_913,
      },
    },
    summary: 'burning 6.2x over 6h: budget gone in 2.3 days at this rate',
    notes: [],
    queryUrl: 'http://prometheus.example/graph?g0.expr=x',
    ...overrides,
  };
}

/** The SLO status of an entity with one SLO and its guard. */
export function anEntitySloStatus(
  overrides: Partial<EntitySloStatus> = {},
): EntitySloStatus {
  return {
    entityRef: 'component:default/payments-api',
    evaluatedAt: '2026-06-01T00:00:00.000Z',
    slos: [anSloStatus()],
    problems: [],
    guard: {
      role: 'slo-guard',
      primary: {
        ref: 'user:default/jane-doe',
        kind: 'user',
        displayName: 'Jane Doe',
        exists: true,
        email: 'jane.doe@acme.example',
      },
      backups: [
        {
          ref: 'user:default/mei-lin',
          kind: 'user',
          displayName: 'Mei Lin',
          exists: true,
        },
      ],
      source: {
        type: 'entity',
        entityRef: 'component:default/payments-api',
        annotation: 'sre-ownership.io/slo-guard',
        relation: 'self',
      },
    },
    prometheusConfigured: true,
    ...overrides,
  };
}
