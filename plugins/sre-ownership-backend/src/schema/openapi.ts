import { FIELD_LIMITS, INSTANT_PATTERN } from '../oncall/fields';
import { MAX_BATCH_RECORDS } from '../ingest/validateBatch';
import { ALERT_FINGERPRINT_MAX } from '../ingest/alertmanager';
import { overviewPaths, overviewSchemas } from './overviewSpec';
import { restPaths, restSchemas } from './restSpec';
import { pulsePaths, pulseSchemas } from './pulseSpec';
import { responseSchemas } from './responseSchemas';
import { ENTITY_REF } from './problems';
import { MAX_WINDOW_DAYS } from '../burden/burdenWindow';
import {
  ENTITY_READ_ERRORS,
  UNAUTHORIZED,
  error,
  json,
  pathParameter,
  TEAM_PATH,
} from './common';

/** The window of the burden and health routes: the last `days`, or `from`/`to`. */
const WINDOW_DAYS = {
  name: 'days',
  in: 'query',
  // A raw : or + is how HTTP clients write a time or a space.
  allowReserved: true,
  description:
    'Window length in days up to now, 1 to 366; app-config sreOwnership.burden.windowDays (28) when absent. Not with from/to.',
  schema: { type: 'integer', minimum: 1, maximum: MAX_WINDOW_DAYS },
} as const;
const WINDOW_FROM = {
  name: 'from',
  in: 'query',
  allowReserved: true,
  description:
    'Start of an explicit window (inclusive), ISO 8601 date-time; needs to, at most 366 days before it.',
  schema: { type: 'string', format: 'date-time' },
} as const;
const WINDOW_TO = {
  name: 'to',
  in: 'query',
  allowReserved: true,
  description:
    'End of an explicit window (exclusive), ISO 8601 date-time; needs from.',
  schema: { type: 'string', format: 'date-time' },
} as const;

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

/** The window parameters of the burden and health routes. */
const WINDOW = [WINDOW_DAYS, WINDOW_FROM, WINDOW_TO] as const;

/** The path parameters naming one entity. */
const ENTITY_PATH = [
  pathParameter('kind'),
  pathParameter('namespace'),
  pathParameter('name'),
] as const;

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

/**
 * The plugin's HTTP API. Requests are validated against it at the edge (a
 * request that does not match gets a 400 naming the field), and it is served
 * at /api/sre-ownership/openapi.json.
 *
 * It is a typed constant rather than YAML with generated server types (as
 * core's notifications backend has): createValidatedOpenApiRouter already
 * derives each handler's request and response types from this constant, so
 * generation would add a build step and a second copy without adding a
 * check. Field rules that JSON Schema states well (types, lengths, enums,
 * required and unknown fields) live here; ingest/fields.ts checks what it
 * cannot (calendar dates, time order, characters, ref parts) and supplies
 * the limits used here.
 */
export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'sre-ownership',
    version: '1',
    description:
      "Reliability ownership, specialists and escalation paths of catalog entities. Every route except /health needs a Backstage token; entities are read with the caller's credentials.",
    license: {
      name: 'Apache-2.0',
      url: 'http://www.apache.org/licenses/LICENSE-2.0.html',
    },
  },
  servers: [{ url: '/' }],
  components: {
    schemas: {
      ...overviewSchemas,
      ...restSchemas,
      ...pulseSchemas,
      ...responseSchemas,
      EntitySloStatus: {
        type: 'object',
        description:
          'The SLOs an entity declares in OpenSLO v1 or Sloth, each with its status from Prometheus, the problems in the declarations, and the SLO guard. See EntitySloStatus in @sre-ownership/plugin-sre-ownership-common and docs/slos.md.',
        required: [
          'entityRef',
          'evaluatedAt',
          'slos',
          'problems',
          'prometheusConfigured',
        ],
        properties: {
          entityRef: { type: 'string' },
          evaluatedAt: {
            type: 'string',
            description: 'ISO 8601 time the figures were computed at',
          },
          prometheusConfigured: {
            type: 'boolean',
            description: 'False when app-config lists no Prometheus instance.',
          },
          slos: {
            type: 'array',
            items: {
              type: 'object',
              required: ['slo', 'window', 'notes'],
              properties: {
                slo: { $ref: '#/components/schemas/SloDeclaration' },
                prometheus: {
                  type: 'string',
                  description: 'The instance asked',
                },
                window: {
                  type: 'object',
                  properties: {
                    start: { type: 'string' },
                    end: { type: 'string' },
                  },
                },
                figures: { $ref: '#/components/schemas/SloFigures' },
                summary: {
                  type: 'string',
                  description: 'The burn state in words',
                },
                notes: { type: 'array', items: { type: 'string' } },
                queryUrl: {
                  type: 'string',
                  description: 'The attainment query in the Prometheus UI',
                },
                error: {
                  type: 'object',
                  required: ['kind', 'message'],
                  properties: {
                    kind: {
                      type: 'string',
                      enum: [
                        'not-configured',
                        'unknown-instance',
                        'unavailable',
                        'query-failed',
                      ],
                    },
                    message: { type: 'string' },
                  },
                },
              },
            },
          },
          problems: {
            type: 'array',
            items: {
              type: 'object',
              required: ['entityRef', 'file', 'field', 'message'],
              properties: {
                entityRef: { type: 'string' },
                file: {
                  type: 'string',
                  description: 'The annotation, or the file as named in it',
                },
                document: {
                  type: 'integer',
                  description: 'The YAML document in the file, from 1',
                },
                field: { type: 'string' },
                message: {
                  type: 'string',
                  description: 'What is wrong and how to fix it',
                },
              },
            },
          },
          guard: { $ref: '#/components/schemas/ResolvedSpecialist' },
        },
      },
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
      ScheduleFeedStatus: {
        type: 'object',
        additionalProperties: false,
        required: ['feed', 'teamRef', 'lastRunAt', 'ok'],
        properties: {
          feed: {
            type: 'string',
            description: 'Feed name; a Group ref for annotated feeds.',
          },
          teamRef: { type: 'string' },
          lastRunAt: { type: 'string', format: 'date-time' },
          ok: {
            type: 'boolean',
            description:
              'Whether the last read succeeded: the feed was read and parsed. A success that needs the admin carries `warning`.',
          },
          lastSuccessAt: { type: 'string', format: 'date-time' },
          shifts: {
            type: 'integer',
            description: 'Shifts read on the last success.',
          },
          warnings: {
            type: 'integer',
            description: 'Events left out on the last success.',
          },
          leftOut: {
            type: 'array',
            description:
              'Why events were left out on the last success: events per reason, most first.',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['reason', 'events'],
              properties: {
                reason: { type: 'string' },
                events: { type: 'integer' },
              },
            },
          },
          warning: {
            type: 'string',
            description:
              'What the last success asks the admin to fix although the feed was read, e.g. "has 15 shifts in range but none matches a User: …". Absent when there is nothing to fix.',
          },
          lastError: {
            type: 'string',
            description:
              "Why the last failed read failed. Names the feed's host at most: never its URL, path, query or a redirect's target.",
          },
          lastErrorAt: { type: 'string', format: 'date-time' },
        },
      },
      Health: {
        type: 'object',
        additionalProperties: false,
        required: ['status'],
        properties: {
          status: { type: 'string', enum: ['ok', 'unavailable'] },
          unavailable: {
            type: 'array',
            description:
              'What the plugin is waiting for: start-up, database, catalog.',
            items: { type: 'string' },
          },
        },
      },
      Error: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              message: { type: 'string' },
            },
          },
        },
      },
    },
  },
  paths: {
    ...overviewPaths,
    ...restPaths,
    ...pulsePaths,
    '/health': {
      get: {
        operationId: 'Health',
        description:
          'Readiness: whether the plugin has started and its database and the catalog answer. Needs no credentials.',
        responses: {
          '200': json('The plugin can serve.', 'Health'),
          '503': json(
            'The plugin cannot serve yet (or any more); unavailable lists what is missing.',
            'Health',
          ),
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/ownership': {
      get: {
        operationId: 'GetEntityOwnership',
        description: 'Resolved reliability ownership of one entity.',
        parameters: ENTITY_PATH,
        responses: {
          '200': json('The resolved ownership.', 'ResolvedOwnership'),
          ...ENTITY_READ_ERRORS,
        },
      },
    },
    '/ownership': {
      get: {
        operationId: 'ListOwnership',
        description:
          'Resolved ownership of many entities, one page at a time, ordered by name. Pass the returned nextCursor to get the next page.',
        parameters: [
          {
            name: 'kind',
            in: 'query',
            allowReserved: true,
            description:
              'Entity kinds to include; repeat for several. All kinds when absent.',
            schema: { type: 'array', items: { type: 'string', minLength: 1 } },
            style: 'form',
            explode: true,
          },
          {
            name: 'limit',
            in: 'query',
            allowReserved: true,
            description: 'Page size, 1 to 1000; 200 when absent.',
            schema: { type: 'integer', minimum: 1, maximum: 1000 },
          },
          {
            name: 'cursor',
            in: 'query',
            allowReserved: true,
            schema: { type: 'string', minLength: 1 },
          },
        ],
        responses: {
          '200': {
            description: 'A page of resolved ownership.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items', 'totalItems'],
                  properties: {
                    items: {
                      type: 'array',
                      items: { $ref: '#/components/schemas/ResolvedOwnership' },
                    },
                    totalItems: { type: 'integer' },
                    nextCursor: { type: 'string' },
                  },
                },
              },
            },
          },
          '400': error('A query parameter is invalid; the message names it.'),
          '401': UNAUTHORIZED,
        },
      },
    },
    '/teams/{namespace}/{name}/burden': {
      get: {
        operationId: 'GetTeamBurden',
        description:
          'On-call burden of a team (Group) for a window and the previous one.',
        parameters: [...TEAM_PATH, ...WINDOW],
        responses: {
          '200': json('The team burden.', 'TeamBurden'),
          '400': error(
            'Invalid window (the message names days, from or to), or the entity is not a Group.',
          ),
          '401': UNAUTHORIZED,
          '404': error('No such Group, or the caller may not see it.'),
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/oncall-health': {
      get: {
        operationId: 'GetServiceOnCallHealth',
        description:
          'On-call health of a service for a window and the previous one.',
        parameters: [...ENTITY_PATH, ...WINDOW],
        responses: {
          '200': json('The on-call health.', 'ServiceOnCallHealth'),
          '400': error('Invalid window; the message names days, from or to.'),
          ...ENTITY_READ_ERRORS,
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/slos': {
      get: {
        operationId: 'GetEntitySloStatus',
        description:
          'The SLOs an entity declares (OpenSLO v1), with attainment, error budget and burn state from Prometheus, and its SLO guard. Prometheus being down or unconfigured is reported per SLO, not as a failure of the request.',
        parameters: ENTITY_PATH,
        responses: {
          '200': json('The SLOs and their status.', 'EntitySloStatus'),
          ...ENTITY_READ_ERRORS,
        },
      },
    },
    '/schedules/status': {
      get: {
        operationId: 'ListScheduleFeedStatus',
        description:
          'The last read of every on-call schedule feed: when it last succeeded, how many shifts it gave, and its last error. Feed URLs are not shown (they often hold a token).',
        responses: {
          '200': {
            description: 'Every feed read so far, by name.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/ScheduleFeedStatus',
                      },
                    },
                  },
                },
              },
            },
          },
          '401': UNAUTHORIZED,
        },
      },
    },
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
  },
} as const;
