import { InputError } from '@backstage/errors';

/** The event types whose incident times this plugin stores. */
export const READ_PAGERDUTY_EVENT_TYPES = [
  'incident.triggered',
  'incident.acknowledged',
  'incident.resolved',
] as const;

/** What a signed PagerDuty delivery is, before anything is stored. */
export type PagerDutyDelivery =
  | { kind: 'ping' }
  | { kind: 'incident' }
  | { kind: 'ignored'; eventType: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Sorts a signed delivery: PagerDuty's `pagey.ping` (the "Send test event"
 * button and a new subscription's first delivery), an incident event whose
 * times are stored, or another v3 event type, which is answered but not
 * read. A v2 or v1 webhook (a `messages` list) and a body without an
 * `event` are refused with what to send instead: PagerDuty retries a
 * refused delivery, and retrying a v2 webhook would never succeed.
 *
 * @throws InputError naming the field
 */
export function pagerDutyDeliveryOf(body: unknown): PagerDutyDelivery {
  if (!isObject(body)) {
    throw new InputError('body: must be a PagerDuty v3 webhook object');
  }
  if (body.event === undefined && Array.isArray(body.messages)) {
    throw new InputError(
      'Rejected the whole delivery, nothing was stored: messages: v2 webhooks are not read; subscribe with v3 (a Generic Webhook (v3) subscription with incident.triggered, incident.acknowledged and incident.resolved)',
    );
  }
  if (!isObject(body.event)) {
    throw new InputError(
      'Rejected the whole delivery, nothing was stored: event: is required; PagerDuty v3 webhooks send one event object',
    );
  }
  const eventType = body.event.event_type;
  if (eventType === 'pagey.ping') return { kind: 'ping' };
  if (
    typeof eventType === 'string' &&
    (READ_PAGERDUTY_EVENT_TYPES as readonly string[]).includes(eventType)
  ) {
    return { kind: 'incident' };
  }
  return { kind: 'ignored', eventType: String(eventType) };
}

/** What the answer to a delivery that stores nothing says, for the admin. */
export function pagerDutyNotice(delivery: PagerDutyDelivery): string {
  switch (delivery.kind) {
    case 'ping':
      return 'pagey.ping received: the subscription reaches Backstage and its signature matches; nothing is stored';
    case 'ignored':
      return `${
        delivery.eventType
      } is not read; only ${READ_PAGERDUTY_EVENT_TYPES.join(
        ', ',
      )} change stored pages, so the subscription may leave the others out`;
    default:
      return '';
  }
}
