import { createHmac } from 'node:crypto';
import {
  PagerDutyWebhook,
  pageFromPagerDuty,
  verifyPagerDutySignature,
} from './pagerduty';

const body = Buffer.from('{"event":{"id":"1"}}');
const sign = (secret: string, raw = body) =>
  `v1=${createHmac('sha256', secret).update(raw).digest('hex')}`;

describe('verifyPagerDutySignature', () => {
  it('accepts a body signed with a configured secret, also among several signatures', () => {
    expect(() =>
      verifyPagerDutySignature({
        rawBody: body,
        header: sign('s3cret'),
        secrets: ['s3cret'],
      }),
    ).not.toThrow();
    expect(() =>
      verifyPagerDutySignature({
        rawBody: body,
        header: `${sign('old')},${sign('new')}`,
        secrets: ['new'],
      }),
    ).not.toThrow();
  });

  it.each([
    [
      { header: sign('wrong'), secrets: ['s3cret'] },
      'does not match any configured secret',
    ],
    [
      { header: undefined, secrets: ['s3cret'] },
      'Missing X-PagerDuty-Signature header',
    ],
    [{ header: 'v1=zz', secrets: ['s3cret'] }, 'does not match'],
    [
      { header: sign('s3cret'), secrets: [] },
      'PagerDuty webhooks are not configured',
    ],
  ])('refuses %j', (options, message) => {
    expect(() =>
      verifyPagerDutySignature({ rawBody: body, ...options }),
    ).toThrow(message);
  });

  it('refuses a body changed after signing', () => {
    const header = sign('s3cret');
    expect(() =>
      verifyPagerDutySignature({
        rawBody: Buffer.from('{"event":{"id":"2"}}'),
        header,
        secrets: ['s3cret'],
      }),
    ).toThrow('does not match');
  });
});

const anIncidentEvent = (
  eventType: string,
  overrides: Partial<PagerDutyWebhook['event']> = {},
): PagerDutyWebhook => ({
  event: {
    id: `ev-${eventType}`,
    event_type: eventType,
    resource_type: 'incident',
    occurred_at: '2026-03-03T02:10:00Z',
    agent: { summary: 'Jane Doe', type: 'user_reference' },
    data: {
      id: 'PINC123',
      type: 'incident',
      title: 'Payments failing',
      created_at: '2026-03-03T02:00:00Z',
      urgency: 'high',
      priority: { summary: 'P1' },
      service: { id: 'PAYAPI1' },
    },
    ...overrides,
  },
});

const target = {
  entityRef: 'component:default/payments-api',
  teamRef: 'group:default/payments',
};

describe('pageFromPagerDuty', () => {
  it('maps the incident lifecycle onto one page', () => {
    const triggered = pageFromPagerDuty(anIncidentEvent('incident.triggered'), {
      target,
      responderRef: 'user:default/jane-doe',
    });
    const acknowledged = pageFromPagerDuty(
      anIncidentEvent('incident.acknowledged'),
      { target, responderRef: 'user:default/jane-doe' },
    );
    expect(triggered).toEqual({
      source: 'pagerduty',
      externalId: 'PINC123',
      ...target,
      severity: 'critical',
      title: 'Payments failing',
      triggeredAt: '2026-03-03T02:00:00Z',
    });
    expect(acknowledged).toMatchObject({
      externalId: 'PINC123',
      acknowledgedAt: '2026-03-03T02:10:00Z',
      responderRef: 'user:default/jane-doe',
    });
    expect(
      pageFromPagerDuty(anIncidentEvent('incident.resolved'), { target }),
    ).toMatchObject({
      resolvedAt: '2026-03-03T02:10:00Z',
    });
  });

  it('uses urgency when there is no priority', () => {
    const event = anIncidentEvent('incident.triggered');
    event.event.data.priority = null;
    event.event.data.urgency = 'low';
    expect(pageFromPagerDuty(event, { target })?.severity).toBe('low');
  });

  it('refuses an incident with a malformed time, naming the field', () => {
    expect(() =>
      pageFromPagerDuty(
        anIncidentEvent('incident.resolved', { occurred_at: 'now' }),
        { target },
      ),
    ).toThrow('event.occurred_at: "now" is not a real time in RFC 3339 form');
  });

  it('ignores other event types and unmapped services', () => {
    expect(
      pageFromPagerDuty(anIncidentEvent('incident.annotated'), { target }),
    ).toBeUndefined();
    expect(
      pageFromPagerDuty(anIncidentEvent('incident.triggered'), { target: {} }),
    ).toBeUndefined();
  });
});
