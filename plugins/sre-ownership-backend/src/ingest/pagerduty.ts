import { createHmac, timingSafeEqual } from 'node:crypto';
import { AuthenticationError } from '@backstage/errors';
import {
  OncallPage,
  PageSeverity,
} from '@sre-ownership/plugin-sre-ownership-common';
import { recordProblems, rejectIfAny } from './records';
import { PageTarget } from './routing';
import { titleOf } from './titleOf';

/** The parts of a PagerDuty v3 webhook this plugin reads. */
export interface PagerDutyWebhook {
  event: {
    id: string;
    event_type: string;
    resource_type: string;
    occurred_at: string;
    agent?: { summary?: string; type?: string } | null;
    data: {
      /** The incident's id; absent from a ping's data. */
      id?: string;
      type: string;
      title?: string;
      created_at?: string;
      urgency?: 'high' | 'low';
      priority?: { summary?: string } | null;
      service?: { id: string };
    };
  };
}

/**
 * Checks the `X-PagerDuty-Signature` header (`v1=<hex HMAC-SHA256 of the raw
 * body>`, possibly several, comma-separated, while secrets rotate) against
 * every configured secret. Throws unless one matches.
 */
export function verifyPagerDutySignature(options: {
  rawBody: Buffer | undefined;
  header: string | undefined;
  secrets: string[];
}) {
  const { rawBody, header, secrets } = options;
  if (secrets.length === 0) {
    throw new AuthenticationError(
      'PagerDuty webhooks are not configured: set sreOwnership.pagerDuty.webhookSecrets',
    );
  }
  if (!header || !rawBody) {
    throw new AuthenticationError('Missing X-PagerDuty-Signature header');
  }
  const offered = header
    .split(',')
    .map(part => part.trim())
    .filter(part => part.startsWith('v1='))
    .map(part => Buffer.from(part.slice(3), 'hex'));
  const matches = secrets.some(secret => {
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    return offered.some(
      sig => sig.length === expected.length && timingSafeEqual(sig, expected),
    );
  });
  if (!matches) {
    throw new AuthenticationError(
      'X-PagerDuty-Signature does not match any configured secret',
    );
  }
}

const PRIORITIES: Record<string, PageSeverity> = {
  P1: 'critical',
  P2: 'high',
  P3: 'medium',
  P4: 'low',
  P5: 'low',
};

function severityOf(data: PagerDutyWebhook['event']['data']): PageSeverity {
  const priority = data.priority?.summary?.toUpperCase();
  if (priority && PRIORITIES[priority]) return PRIORITIES[priority];
  return data.urgency === 'low' ? 'low' : 'high';
}

/**
 * Turns an incident event into a page update: triggered sets the start,
 * acknowledged and resolved add their times and the responder. Other event
 * types (and incidents of unmapped services) give nothing to store.
 */
export function pageFromPagerDuty(
  webhook: PagerDutyWebhook,
  options: { target: PageTarget; responderRef?: string },
): OncallPage | undefined {
  const { event } = webhook;
  const kind = event.event_type.replace(/^incident\./, '');
  if (
    event.resource_type !== 'incident' ||
    !['triggered', 'acknowledged', 'resolved'].includes(kind)
  ) {
    return undefined;
  }
  if (!options.target.entityRef && !options.target.teamRef) return undefined;
  const page: OncallPage = {
    source: 'pagerduty',
    // An incident event without an id is refused below, naming the field.
    externalId: event.data.id ?? '',
    ...options.target,
    severity: severityOf(event.data),
    ...titleOf(event.data.title),
    triggeredAt: event.data.created_at ?? event.occurred_at,
    ...(kind === 'acknowledged' ? { acknowledgedAt: event.occurred_at } : {}),
    ...(kind === 'resolved' ? { resolvedAt: event.occurred_at } : {}),
    ...(kind !== 'triggered' && options.responderRef
      ? { responderRef: options.responderRef }
      : {}),
  };
  const name = (field: string) =>
    ({
      externalId: 'event.data.id',
      title: 'event.data.title',
      triggeredAt:
        event.data.created_at === undefined
          ? 'event.occurred_at'
          : 'event.data.created_at',
      acknowledgedAt: 'event.occurred_at',
      resolvedAt: 'event.occurred_at',
      responderRef: 'event.agent.summary',
    }[field] ?? `event.data.service.id`);
  rejectIfAny(
    recordProblems('pages', page).map(problem => ({ name, problem })),
  );
  return page;
}
