import { OncallPage } from '@sre-ownership/plugin-sre-ownership-common';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * The two incidents of payments-api that the demo Prometheus history
 * (scripts/lib/demo-prometheus.mjs) shows in its SLO window: 25% of
 * requests failing for 10 minutes four days ago, and the fast burn that
 * started 40 minutes before the demo started, still going. Each page opens
 * a few minutes around its errors, so the SLO card's budget per incident
 * has something to attribute; the demo Prometheus and the backend start
 * within minutes of each other.
 */
export function demoSloIncidents(now: Date): OncallPage[] {
  const at = (offset: number) => new Date(now.getTime() + offset).toISOString();
  const page = (
    id: string,
    triggered: number,
    resolved?: number,
  ): OncallPage => ({
    source: 'demo-incidents',
    externalId: id,
    entityRef: 'component:default/payments-api',
    teamRef: 'group:default/payments',
    responderRef: 'user:default/jane-doe',
    severity: 'critical',
    title: 'payments-api: error rate above SLO',
    triggeredAt: at(triggered),
    acknowledgedAt: at(triggered + 3 * MINUTE),
    ...(resolved === undefined ? {} : { resolvedAt: at(resolved) }),
  });
  return [
    page('INC-2041', -4 * DAY - 5 * MINUTE, -4 * DAY + 20 * MINUTE),
    page('INC-2077', -30 * MINUTE),
  ];
}
