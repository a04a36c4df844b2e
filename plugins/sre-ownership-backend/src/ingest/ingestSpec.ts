/** The OpenAPI fragment of ingestion: the events API and the webhooks. */
import { FIELD_LIMITS, INSTANT_PATTERN } from '../oncall/fields';
import { error, json } from '../schema/common';
import { contract } from '../schema/contract';
import { ENTITY_REF } from '../schema/problems';
import { ALERT_FINGERPRINT_MAX } from './alertmanager';
import { MAX_BATCH_RECORDS } from './validateBatch';

/** A text field of a record: a non-empty string that fits its column. */
function text(maxLength: number, description: string) {
  return {
    type: 'string',
    minLength: 1,
    maxLength,
    description: `${description} At most ${maxLength} characters; no NUL and no lone UTF-16 surrogate.`,
  } as const;
}

const SOURCE = text(
  FIELD_LIMITS.source,
  'Where the record comes from; with externalId, its idempotency key.',
);
const EXTERNAL_ID = text(
  FIELD_LIMITS.externalId,
  'Stable id of the record in its source.',
);
const REF = {
  ...text(FIELD_LIMITS.ref, 'Full entity ref, kind:namespace/name.'),
  pattern: ENTITY_REF.pattern,
} as const;
const INSTANT = {
  type: 'string',
  pattern: INSTANT_PATTERN,
  description:
    'RFC 3339 time with an offset, e.g. 2026-03-02T09:00:00Z; a real calendar date and time, 1970 to 9999.',
} as const;

/** Errors every ingestion route may answer besides 400. */
const INGESTION_ERRORS = {
  '401': { description: 'No valid credentials.' },
  '413': error(
    'The body is larger than the route accepts; nothing was stored.',
  ),
  '415': error('The body is not application/json; nothing was stored.'),
  '503': {
    ...error(
      'The database is busy or unreachable; nothing was stored. Send the same request again after Retry-After seconds.',
    ),
    headers: { 'Retry-After': { schema: { type: 'integer' } } },
  },
} as const;

/** What every ingestion route answers. */
const INGESTION_RESPONSES = {
  '201': json(
    'Stored (or updated: redelivery changes nothing).',
    'IngestionResult',
  ),
  '400': error(
    'The batch was rejected whole; the message names each bad record by index and field.',
  ),
  '403': error('The caller lacks sre-ownership.events.create.'),
  ...INGESTION_ERRORS,
} as const;

/** The component schemas of ingestion: the records and the result. */
export const ingestionSchemas = {
  Shift: {
    type: 'object',
    additionalProperties: false,
    required: [
      'source',
      'externalId',
      'teamRef',
      'userRef',
      'startsAt',
      'endsAt',
    ],
    properties: {
      source: SOURCE,
      externalId: EXTERNAL_ID,
      teamRef: {
        ...REF,
        description: 'Group entity ref, e.g. group:default/payments',
      },
      userRef: {
        ...REF,
        description: 'User entity ref, e.g. user:default/jane-doe',
      },
      schedule: text(FIELD_LIMITS.schedule, 'Schedule name in the source.'),
      startsAt: INSTANT,
      endsAt: { ...INSTANT, description: 'After startsAt.' },
    },
  },
  Page: {
    type: 'object',
    additionalProperties: false,
    required: ['source', 'externalId', 'severity', 'triggeredAt'],
    properties: {
      source: SOURCE,
      externalId: EXTERNAL_ID,
      entityRef: {
        ...REF,
        description:
          'The service paged about, e.g. component:default/payments-api; this or teamRef is required',
      },
      teamRef: {
        ...REF,
        description: 'Group entity ref of the team paged',
      },
      responderRef: {
        ...REF,
        description: 'User entity ref of who responded',
      },
      severity: {
        type: 'string',
        enum: ['critical', 'high', 'medium', 'low'],
      },
      title: text(FIELD_LIMITS.title, 'What the page was about.'),
      triggeredAt: INSTANT,
      acknowledgedAt: {
        ...INSTANT,
        description: 'Not before triggeredAt.',
      },
      resolvedAt: {
        ...INSTANT,
        description: 'Not before triggeredAt nor acknowledgedAt.',
      },
    },
  },
  ToilEntry: {
    type: 'object',
    additionalProperties: false,
    required: [
      'source',
      'externalId',
      'teamRef',
      'userRef',
      'startedAt',
      'minutes',
    ],
    properties: {
      source: SOURCE,
      externalId: EXTERNAL_ID,
      teamRef: REF,
      userRef: REF,
      category: text(
        FIELD_LIMITS.category,
        'Kind of toil, e.g. manual-deploy.',
      ),
      startedAt: INSTANT,
      minutes: { type: 'integer', minimum: 1, maximum: 1440 },
    },
  },
  IngestionResult: {
    type: 'object',
    required: ['shifts', 'pages', 'toil'],
    properties: {
      shifts: { type: 'integer' },
      pages: { type: 'integer' },
      toil: { type: 'integer' },
      unrouted: {
        type: 'integer',
        description:
          'Alerts or incidents matching no entity or team; not stored.',
      },
      ignored: {
        type: 'integer',
        description:
          'Events of a type that is not read (e.g. PagerDuty service.updated); not stored.',
      },
      notice: {
        type: 'string',
        description:
          'Why a received delivery stored nothing (a PagerDuty ping, an event type that is not read).',
      },
    },
  },
} as const;

/** The ingestion routes. */
export const ingestionPaths = {
  '/events': {
    post: {
      operationId: 'IngestEvents',
      description:
        'Bulk ingestion of shifts, pages and toil from any tool. Each record is keyed by (source, externalId): sending it again updates it. The batch is validated first and written in one transaction: one bad record rejects it whole. Needs sre-ownership.events.create.',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              additionalProperties: false,
              description: `At least one record, at most ${MAX_BATCH_RECORDS} of all kinds together.`,
              properties: {
                shifts: {
                  type: 'array',
                  maxItems: MAX_BATCH_RECORDS,
                  items: { $ref: '#/components/schemas/Shift' },
                },
                pages: {
                  type: 'array',
                  maxItems: MAX_BATCH_RECORDS,
                  items: { $ref: '#/components/schemas/Page' },
                },
                toil: {
                  type: 'array',
                  maxItems: MAX_BATCH_RECORDS,
                  items: { $ref: '#/components/schemas/ToilEntry' },
                },
              },
            },
          },
        },
      },
      responses: INGESTION_RESPONSES,
    },
  },
  '/webhooks/alertmanager': {
    post: {
      operationId: 'AlertmanagerWebhook',
      description:
        'Prometheus Alertmanager webhook receiver (payload version 4). Authenticate with a Backstage external-access static token (http_config.authorization in Alertmanager). Alerts route to entities by their sre-ownership.io/alert-selector annotation, else a service label equal to a Component name; a team label routes to a Group.',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['version', 'alerts'],
              properties: {
                version: { type: 'string', enum: ['4'] },
                status: { type: 'string', enum: ['firing', 'resolved'] },
                alerts: {
                  type: 'array',
                  maxItems: MAX_BATCH_RECORDS,
                  items: {
                    type: 'object',
                    required: ['status', 'labels', 'startsAt'],
                    properties: {
                      status: {
                        type: 'string',
                        enum: ['firing', 'resolved'],
                      },
                      labels: {
                        type: 'object',
                        additionalProperties: { type: 'string' },
                      },
                      annotations: {
                        type: 'object',
                        additionalProperties: { type: 'string' },
                      },
                      startsAt: INSTANT,
                      endsAt: {
                        type: 'string',
                        description:
                          'When resolved: an RFC 3339 time not before startsAt. 0001-01-01T00:00:00Z means no end.',
                      },
                      fingerprint: {
                        ...text(
                          ALERT_FINGERPRINT_MAX,
                          "Alertmanager's id of the alert.",
                        ),
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
      responses: INGESTION_RESPONSES,
    },
  },
  '/webhooks/pagerduty': {
    post: {
      operationId: 'PagerDutyWebhook',
      description:
        'PagerDuty v3 webhook receiver for incident.triggered, incident.acknowledged and incident.resolved. Needs no Backstage token; the X-PagerDuty-Signature HMAC-SHA256 must match a secret in sreOwnership.pagerDuty.webhookSecrets, checked before the body is read. A pagey.ping and other v3 event types get 202 with a notice and store nothing; a v2 webhook (messages) gets 400 saying to subscribe with v3. Incidents route by the pagerduty.com/service-id annotation.',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            // A v2 body (messages) and a ping's data are read by the
            // route, which says what to do about them.
            schema: {
              type: 'object',
              properties: {
                event: {
                  type: 'object',
                  required: [
                    'id',
                    'event_type',
                    'resource_type',
                    'occurred_at',
                    'data',
                  ],
                  properties: {
                    id: { type: 'string' },
                    event_type: { type: 'string' },
                    resource_type: { type: 'string' },
                    occurred_at: { type: 'string' },
                    agent: {
                      type: ['object', 'null'],
                      properties: {
                        summary: {
                          type: 'string',
                          maxLength: FIELD_LIMITS.title,
                        },
                        type: { type: 'string' },
                      },
                    },
                    data: {
                      type: 'object',
                      required: ['type'],
                      properties: {
                        id: text(FIELD_LIMITS.externalId, 'The incident id.'),
                        type: { type: 'string' },
                        title: { type: 'string' },
                        created_at: INSTANT,
                        urgency: { type: 'string', enum: ['high', 'low'] },
                        priority: {
                          type: ['object', 'null'],
                          properties: { summary: { type: 'string' } },
                        },
                        service: {
                          type: 'object',
                          required: ['id'],
                          properties: {
                            id: { type: 'string', minLength: 1 },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
      responses: {
        '202': {
          description:
            'Accepted; unmapped services and other event types store nothing.',
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/IngestionResult' },
            },
          },
        },
        '400': INGESTION_RESPONSES['400'],
        ...INGESTION_ERRORS,
        '401': error('Missing or wrong signature.'),
      },
    },
  },
} as const;

/** The contract the ingestion routes are typed and validated by. */
export const ingestionContract = contract({
  schemas: ingestionSchemas,
  paths: ingestionPaths,
});
