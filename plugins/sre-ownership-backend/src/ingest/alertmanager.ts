import { createHash } from 'node:crypto';
import { InputError } from '@backstage/errors';
import {
  OncallPage,
  PageSeverity,
} from '@sre-ownership/plugin-sre-ownership-common';
import { instantProblem, textProblem } from '../oncall/fields';
import { recordProblems, rejectIfAny } from './records';
import { PageRouting } from './routing';
import { titleOf } from './titleOf';

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

/** How the fields of a page made from alert `index` are named in the payload. */
const alertFieldName =
  (index: number, alert: AlertmanagerAlert) => (field: string) => {
    const at = `alerts[${index}]`;
    switch (field) {
      case 'externalId':
        return alert.fingerprint === undefined
          ? `${at}.labels`
          : `${at}.fingerprint`;
      case 'title':
        return alert.annotations?.summary === undefined
          ? `${at}.labels.alertname`
          : `${at}.annotations.summary`;
      case 'triggeredAt':
        return `${at}.startsAt`;
      case 'resolvedAt':
        return `${at}.endsAt`;
      default:
        return `${at}.labels`;
    }
  };

/**
 * Longest accepted fingerprint: with the start time it forms the page's
 * externalId (512). Alertmanager's own are 16 hex digits.
 */
export const ALERT_FINGERPRINT_MAX = 128;

// Alertmanager writes the zero time of Go when an alert has no end.
const hasEnd = (endsAt: string | undefined): endsAt is string =>
  endsAt !== undefined && !endsAt.startsWith('0001-');

/**
 * Turns an Alertmanager notification into pages. Each firing of an alert is
 * one page, keyed by its fingerprint and start, so a re-sent notification
 * updates the same page and a later "resolved" closes it. Alerts that match
 * no entity or team are counted separately and not stored. The pages pass
 * the checks every stored page passes; when one does not, the whole
 * notification is refused with the alert fields named, and nothing is
 * stored.
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
  const pages: OncallPage[] = [];
  const problems: Parameters<typeof rejectIfAny>[0] = [];
  let unrouted = 0;
  payload.alerts.forEach((alert, index) => {
    const name = alertFieldName(index, alert);
    if (alert.endsAt !== undefined && hasEnd(alert.endsAt)) {
      const wrong = instantProblem(alert.endsAt);
      if (wrong)
        problems.push({
          name,
          problem: { field: 'resolvedAt', message: wrong },
        });
    }
    if (alert.fingerprint !== undefined) {
      const wrong = textProblem(alert.fingerprint, ALERT_FINGERPRINT_MAX);
      if (wrong)
        problems.push({
          name,
          problem: { field: 'externalId', message: wrong },
        });
    }
    const target = routing.forAlertLabels(alert.labels);
    if (!target.entityRef && !target.teamRef) {
      unrouted += 1;
      return;
    }
    const resolved = alert.status === 'resolved' && hasEnd(alert.endsAt);
    const page: OncallPage = {
      source: 'alertmanager',
      externalId: `${fingerprintOf(alert)}/${alert.startsAt}`,
      ...target,
      severity:
        SEVERITIES[(alert.labels.severity ?? '').toLocaleLowerCase('en-US')] ??
        'medium',
      ...titleOf(alert.annotations?.summary ?? alert.labels.alertname),
      triggeredAt: alert.startsAt,
      ...(resolved ? { resolvedAt: alert.endsAt } : {}),
    };
    for (const found of recordProblems('pages', page)) {
      problems.push({ name, problem: found });
    }
    pages.push(page);
  });
  rejectIfAny(problems);
  return { pages, unrouted };
}
