/** The OpenAPI fragment of readiness (`GET /health`). */
import { json } from '../schema/common';
import { contract } from '../schema/contract';

/** The component schemas of readiness. */
export const readinessSchemas = {
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
} as const;

/** The readiness route. */
export const readinessPaths = {
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
} as const;

/** The contract the readiness route is typed and validated by. */
export const readinessContract = contract({
  schemas: readinessSchemas,
  paths: readinessPaths,
});
