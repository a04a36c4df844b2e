/** A required, non-empty path parameter. */
function pathParameter<Name extends string>(name: Name) {
  return {
    name,
    in: 'path',
    required: true,
    schema: { type: 'string', minLength: 1 },
  } as const;
}

/** The window of the burden and health routes: the last `days`, or `from`/`to`. */
const WINDOW_DAYS = {
  name: 'days',
  in: 'query',
  description:
    'Window length in days up to now, 1 to 366; app-config sreOwnership.burden.windowDays (28) when absent. Not with from/to.',
  schema: { type: 'integer', minimum: 1, maximum: 366 },
} as const;
const WINDOW_FROM = {
  name: 'from',
  in: 'query',
  description:
    'Start of an explicit window (inclusive), ISO 8601 date-time; needs to, at most 366 days before it.',
  schema: { type: 'string', format: 'date-time' },
} as const;
const WINDOW_TO = {
  name: 'to',
  in: 'query',
  description:
    'End of an explicit window (exclusive), ISO 8601 date-time; needs from.',
  schema: { type: 'string', format: 'date-time' },
} as const;

/** What every ingestion route answers. */
const INGESTION_RESPONSES = {
  '201': {
    description: 'Stored (or updated: redelivery changes nothing).',
    content: {
      'application/json': {
        schema: { $ref: '#/components/schemas/IngestionResult' },
      },
    },
  },
  '400': {
    description:
      'The batch was rejected whole; the message names each bad record by index and field.',
    content: {
      'application/json': {
        schema: { $ref: '#/components/schemas/Error' },
      },
    },
  },
  '401': { description: 'No valid credentials.' },
  '403': {
    description: 'The caller lacks sre-ownership.events.create.',
  },
} as const;

/**
 * The plugin's HTTP API. Requests are validated against it at the edge (a
 * request that does not match gets a 400 naming the field), and it is served
 * at /api/sre-ownership/openapi.json.
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
      ResolvedOwnership: {
        type: 'object',
        description:
          'Resolved ownership of one entity: model, teams, specialists, responsibility matrix and escalation path, each with its source, and the problems found. See ResolvedOwnership in @sre-ownership/plugin-sre-ownership-common.',
        additionalProperties: true,
        required: ['entityRef'],
        properties: {
          entityRef: { type: 'string' },
        },
      },
      TeamBurden: {
        type: 'object',
        description:
          'On-call burden of a team: status and reasons, team and per-engineer figures for the window and the previous one, weekly volume. See TeamBurden in @sre-ownership/plugin-sre-ownership-common; engineers is absent without the sre-ownership.burden.read permission.',
        additionalProperties: true,
        required: ['teamRef'],
        properties: { teamRef: { type: 'string' } },
      },
      ServiceOnCallHealth: {
        type: 'object',
        description:
          'On-call health of a service: page volume and trend, MTTA/MTTR by severity, off-hours share, who is on call now and next. See ServiceOnCallHealth in @sre-ownership/plugin-sre-ownership-common.',
        additionalProperties: true,
        required: ['entityRef'],
        properties: { entityRef: { type: 'string' } },
      },
      EntitySloStatus: {
        type: 'object',
        description:
          'The SLOs an entity declares in OpenSLO v1, each with its status from Prometheus, the problems in the declarations, and the SLO guard. See EntitySloStatus in @sre-ownership/plugin-sre-ownership-common and docs/slos.md.',
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
                slo: {
                  type: 'object',
                  description:
                    'The declaration: name, displayName, target (0-1), window, indicator queries.',
                  additionalProperties: true,
                  required: [
                    'name',
                    'displayName',
                    'target',
                    'window',
                    'indicator',
                    'declaredIn',
                  ],
                  properties: {
                    name: { type: 'string' },
                    displayName: { type: 'string' },
                    target: { type: 'number' },
                    declaredIn: { type: 'string' },
                  },
                },
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
                figures: {
                  type: 'object',
                  description:
                    'attainment, budget (consumed, remaining, totalSeconds, remainingSeconds), previousConsumed, burnRates per window (5m to 3d) and burn (severity page|ticket|ok|unknown, rule, rate, exhaustedInSeconds); null where a window had no events. Absent with error.',
                  additionalProperties: true,
                },
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
          guard: {
            type: 'object',
            description:
              'The resolved SLO guard role: primary and backups with contacts, source and gap.',
            additionalProperties: true,
          },
        },
      },
      Shift: {
        type: 'object',
        required: [
          'source',
          'externalId',
          'teamRef',
          'userRef',
          'startsAt',
          'endsAt',
        ],
        properties: {
          source: {
            type: 'string',
            description:
              'Where the record comes from; with externalId, its idempotency key.',
          },
          externalId: { type: 'string' },
          teamRef: {
            type: 'string',
            description: 'Group entity ref, e.g. group:default/payments',
          },
          userRef: { type: 'string', description: 'User entity ref' },
          schedule: { type: 'string' },
          startsAt: {
            type: 'string',
            description: 'ISO 8601 time with offset',
          },
          endsAt: { type: 'string' },
        },
      },
      Page: {
        type: 'object',
        required: ['source', 'externalId', 'severity', 'triggeredAt'],
        properties: {
          source: { type: 'string' },
          externalId: { type: 'string' },
          entityRef: {
            type: 'string',
            description: 'The service paged about; this or teamRef is required',
          },
          teamRef: { type: 'string' },
          responderRef: { type: 'string' },
          severity: {
            type: 'string',
            enum: ['critical', 'high', 'medium', 'low'],
          },
          title: { type: 'string' },
          triggeredAt: { type: 'string' },
          acknowledgedAt: { type: 'string' },
          resolvedAt: { type: 'string' },
        },
      },
      ToilEntry: {
        type: 'object',
        required: [
          'source',
          'externalId',
          'teamRef',
          'userRef',
          'startedAt',
          'minutes',
        ],
        properties: {
          source: { type: 'string' },
          externalId: { type: 'string' },
          teamRef: { type: 'string' },
          userRef: { type: 'string' },
          category: { type: 'string' },
          startedAt: { type: 'string' },
          minutes: { type: 'integer' },
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
    '/health': {
      get: {
        operationId: 'Health',
        description:
          'Readiness: whether the plugin has started and its database and the catalog answer. Needs no credentials.',
        responses: {
          '200': {
            description: 'The plugin can serve.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Health' },
              },
            },
          },
          '503': {
            description:
              'The plugin cannot serve yet (or any more); unavailable lists what is missing.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Health' },
              },
            },
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/ownership': {
      get: {
        operationId: 'GetEntityOwnership',
        description: 'Resolved reliability ownership of one entity.',
        parameters: [
          pathParameter('kind'),
          pathParameter('namespace'),
          pathParameter('name'),
        ],
        responses: {
          '200': {
            description: 'The resolved ownership.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/ResolvedOwnership' },
              },
            },
          },
          '401': { description: 'No valid Backstage token.' },
          '404': {
            description: 'No such entity, or the caller may not see it.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Error' },
              },
            },
          },
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
            description:
              'Entity kinds to include; repeat for several. All kinds when absent.',
            schema: { type: 'array', items: { type: 'string', minLength: 1 } },
            style: 'form',
            explode: true,
          },
          {
            name: 'limit',
            in: 'query',
            description: 'Page size, 1 to 1000; 200 when absent.',
            schema: { type: 'integer', minimum: 1, maximum: 1000 },
          },
          {
            name: 'cursor',
            in: 'query',
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
          '400': {
            description: 'A query parameter is invalid; the message names it.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Error' },
              },
            },
          },
          '401': { description: 'No valid Backstage token.' },
        },
      },
    },
    '/teams/{namespace}/{name}/burden': {
      get: {
        operationId: 'GetTeamBurden',
        description:
          'On-call burden of a team (Group) for a window and the previous one.',
        parameters: [
          pathParameter('namespace'),
          pathParameter('name'),
          WINDOW_DAYS,
          WINDOW_FROM,
          WINDOW_TO,
        ],
        responses: {
          '200': {
            description: 'The team burden.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/TeamBurden' },
              },
            },
          },
          '400': {
            description:
              'Invalid window (the message names days, from or to), or the entity is not a Group.',
          },
          '401': { description: 'No valid Backstage token.' },
          '404': {
            description: 'No such Group, or the caller may not see it.',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/oncall-health': {
      get: {
        operationId: 'GetServiceOnCallHealth',
        description:
          'On-call health of a service for a window and the previous one.',
        parameters: [
          pathParameter('kind'),
          pathParameter('namespace'),
          pathParameter('name'),
          WINDOW_DAYS,
          WINDOW_FROM,
          WINDOW_TO,
        ],
        responses: {
          '200': {
            description: 'The on-call health.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/ServiceOnCallHealth' },
              },
            },
          },
          '400': {
            description: 'Invalid window; the message names days, from or to.',
          },
          '401': { description: 'No valid Backstage token.' },
          '404': {
            description: 'No such entity, or the caller may not see it.',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/slos': {
      get: {
        operationId: 'GetEntitySloStatus',
        description:
          'The SLOs an entity declares (OpenSLO v1), with attainment, error budget and burn state from Prometheus, and its SLO guard. Prometheus being down or unconfigured is reported per SLO, not as a failure of the request.',
        parameters: [
          pathParameter('kind'),
          pathParameter('namespace'),
          pathParameter('name'),
        ],
        responses: {
          '200': {
            description: 'The SLOs and their status.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/EntitySloStatus' },
              },
            },
          },
          '401': { description: 'No valid Backstage token.' },
          '404': {
            description: 'No such entity, or the caller may not see it.',
          },
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
                properties: {
                  shifts: {
                    type: 'array',
                    items: { $ref: '#/components/schemas/Shift' },
                  },
                  pages: {
                    type: 'array',
                    items: { $ref: '#/components/schemas/Page' },
                  },
                  toil: {
                    type: 'array',
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
                  version: { type: 'string' },
                  status: { type: 'string' },
                  alerts: {
                    type: 'array',
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
                        startsAt: { type: 'string' },
                        endsAt: { type: 'string' },
                        fingerprint: { type: 'string' },
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
          'PagerDuty v3 webhook receiver for incident.triggered, incident.acknowledged and incident.resolved. Needs no Backstage token; the X-PagerDuty-Signature HMAC-SHA256 must match a secret in sreOwnership.pagerDuty.webhookSecrets. Incidents route by the pagerduty.com/service-id annotation.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['event'],
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
                      agent: { type: ['object', 'null'] },
                      data: { type: 'object', required: ['id', 'type'] },
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
          '401': { description: 'Missing or wrong signature.' },
        },
      },
    },
  },
} as const;
