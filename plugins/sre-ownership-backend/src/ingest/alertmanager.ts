import { createHash } from 'node:crypto';
import { InputError } from '@backstage/errors';
import {
  OncallPage,
  PageSeverity,
} from '@sre-ownership/plugin-sre-ownership-common';
import { PageRouting } from './routing';
import { isIsoInstant } from './validateBatch';

/** One alert of an Alertmanager webhook (payload version 4). */
export interface AlertmanagerAlert {
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt: string;
  endsAt?: string;
  fingerprint?: string;
}

/** An Alertmanager webhook payload, version 4. */
export interface AlertmanagerPayload {
  version: string;
  status: 'firing' | 'resolved';
  alerts: AlertmanagerAlert[];
}

const SEVERITIES: Record<string, PageSeverity> = {
  critical: 'critical',
  page: 'critical',
  high: 'high',
  error: 'high',
  major: 'high',
  warning: 'medium',
  medium: 'medium',
  minor: 'low',
  low: 'low',
  info: 'low',
};

// Alertmanager before 0.20 sent no fingerprint: derive one from the labels.
function fingerprintOf(alert: AlertmanagerAlert): string {
  if (alert.fingerprint) return alert.fingerprint;
  const labels = Object.entries(alert.labels).sort(([a], [b]) =>
    a.localeCompare(b),
  );
  return createHash('sha256')
    .update(JSON.stringify(labels))
    .digest('hex')
    .slice(0, 16);
}

/**
 * Turns an Alertmanager notification into pages. Each firing of an alert is
 * one page, keyed by its fingerprint and start, so a re-sent notification
 * updates the same page and a later "resolved" closes it. Alerts that match
 * no entity or team are returned separately and not stored.
 */
export function pagesFromAlertmanager(
  payload: AlertmanagerPayload,
  routing: PageRouting,
): { pages: OncallPage[]; unrouted: number } {
  if (payload.version !== '4') {
    throw new InputError(
      `version: "${payload.version}" is not supported; Alertmanager webhook payload version 4 is`,
    );
  }
  payload.alerts.forEach((alert, index) => {
    for (const field of ['startsAt', 'endsAt'] as const) {
      if (alert[field] !== undefined && !isIsoInstant(alert[field])) {
        throw new InputError(
          `alerts[${index}].${field}: "${alert[field]}" is not an ISO 8601 time; nothing was stored`,
        );
      }
    }
  });
  const pages: OncallPage[] = [];
  let unrouted = 0;
  for (const alert of payload.alerts) {
    const target = routing.forAlertLabels(alert.labels);
    if (!target.entityRef && !target.teamRef) {
      unrouted += 1;
      continue;
    }
    const resolved =
      alert.status === 'resolved' &&
      alert.endsAt &&
      !alert.endsAt.startsWith('0001-');
    pages.push({
      source: 'alertmanager',
      externalId: `${fingerprintOf(alert)}/${alert.startsAt}`,
      ...target,
      severity:
        SEVERITIES[(alert.labels.severity ?? '').toLocaleLowerCase('en-US')] ??
        'medium',
      title: alert.annotations?.summary ?? alert.labels.alertname,
      triggeredAt: alert.startsAt,
      ...(resolved ? { resolvedAt: alert.endsAt } : {}),
    });
  }
  return { pages, unrouted };
}
