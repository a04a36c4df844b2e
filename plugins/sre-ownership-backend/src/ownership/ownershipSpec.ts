/** The OpenAPI fragment of the ownership routes: who owns an entity, and why. */
import {
  OWNERSHIP_MODELS,
  RESPONSIBILITY_AREAS,
  RESPONSIBILITY_PROVIDERS,
} from '@sre-ownership/plugin-sre-ownership-common';
import {
  STRING,
  arrayOf,
  oneOfValues,
  ref,
  ENTITY_PATH,
  ENTITY_READ_ERRORS,
  UNAUTHORIZED,
  error,
  json,
} from '../schema/common';
import { contract } from '../schema/contract';

/** The component schemas of the ownership routes. */
export const ownershipSchemas = {
  ResolvedOwnership: {
    type: 'object',
    description:
      'Resolved ownership of one entity: model, teams, specialists, responsibility matrix and escalation path, each with its source, and the problems found.',
    required: [
      'entityRef',
      'inheritedFrom',
      'reliabilityOwners',
      'specialists',
      'responsibilities',
      'escalation',
      'problems',
    ],
    properties: {
      entityRef: STRING,
      inheritedFrom: arrayOf({
        type: 'object',
        description: 'The entities consulted, nearest first.',
        required: ['entityRef', 'relation'],
        properties: {
          entityRef: STRING,
          relation: {
            type: 'string',
            enum: ['self', 'system', 'domain', 'owner', 'parent-group'],
          },
        },
      }),
      model: {
        type: 'object',
        required: ['value', 'source'],
        properties: {
          value: oneOfValues(OWNERSHIP_MODELS),
          source: ref('ValueSource'),
        },
      },
      platformTeam: {
        type: 'object',
        required: ['value', 'source'],
        properties: { value: ref('Party'), source: ref('ValueSource') },
      },
      embeddedSres: {
        type: 'object',
        required: ['value', 'source'],
        properties: {
          value: arrayOf(ref('Party')),
          source: ref('ValueSource'),
        },
      },
      productTeam: ref('Party'),
      reliabilityOwners: arrayOf(ref('Party')),
      specialists: arrayOf(ref('ResolvedSpecialist')),
      responsibilities: arrayOf({
        type: 'object',
        required: ['area', 'provider', 'providers', 'source'],
        properties: {
          area: oneOfValues(RESPONSIBILITY_AREAS),
          provider: oneOfValues(RESPONSIBILITY_PROVIDERS),
          providers: arrayOf(ref('Party')),
          source: ref('ValueSource'),
        },
      }),
      escalation: {
        type: 'object',
        required: ['derived', 'source', 'levels'],
        properties: {
          derived: {
            type: 'boolean',
            description:
              'True when no usable path was declared and the path was derived from ownership.',
          },
          source: ref('ValueSource'),
          levels: arrayOf(ref('ResolvedEscalationLevel')),
          // A declaration of the path that could not be used, nearer than
          // the path shown: declared but broken, not undeclared.
          broken: ref('OwnershipProblem'),
        },
      },
      problems: arrayOf(ref('OwnershipProblem')),
    },
  },
} as const;

/** The ownership routes. */
export const ownershipPaths = {
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
} as const;

/** The contract the ownership routes are typed and validated by. */
export const ownershipContract = contract({
  schemas: ownershipSchemas,
  paths: ownershipPaths,
});
