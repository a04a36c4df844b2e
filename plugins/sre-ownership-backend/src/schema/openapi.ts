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
        description: 'Liveness check; needs no credentials.',
        responses: {
          '200': {
            description: 'The plugin is up.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { status: { type: 'string' } },
                },
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
          {
            name: 'kind',
            in: 'path',
            required: true,
            schema: { type: 'string', minLength: 1 },
          },
          {
            name: 'namespace',
            in: 'path',
            required: true,
            schema: { type: 'string', minLength: 1 },
          },
          {
            name: 'name',
            in: 'path',
            required: true,
            schema: { type: 'string', minLength: 1 },
          },
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
  },
} as const;
