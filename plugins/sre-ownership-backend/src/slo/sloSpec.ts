/** The OpenAPI fragment of SLO declarations and status. */
import { BURN_WINDOWS } from '@sre-ownership/plugin-sre-ownership-common';
import {
  INTEGER,
  NUMBER,
  NULLABLE_NUMBER,
  STRING,
  keyed,
  oneOfValues,
  ref,
} from '../schema/common';
import { ENTITY_PATH, ENTITY_READ_ERRORS, json } from '../schema/common';
import { contract } from '../schema/contract';

/** Schemas of the SLO routes. */
export const sloSchemas = {
  SloDeclaration: {
    type: 'object',
    description:
      'An SLO as declared in OpenSLO v1 or a Sloth spec: target (0-1), window, budgeting method and indicator queries.',
    required: [
      'name',
      'displayName',
      'declaredIn',
      'format',
      'target',
      'window',
      'budgeting',
      'indicator',
    ],
    properties: {
      name: STRING,
      displayName: STRING,
      description: STRING,
      declaredIn: STRING,
      format: { type: 'string', enum: ['openslo', 'sloth'] },
      target: NUMBER,
      notes: {
        type: 'array',
        description:
          'Parts of the declaration that are not read, and what is used instead.',
        items: STRING,
      },
      budgeting: {
        type: 'object',
        description:
          'Occurrences; Timeslices with sliceSeconds, sliceDuration and sliceTarget; RatioTimeslices with sliceSeconds and sliceDuration.',
        required: ['method'],
        properties: {
          method: {
            type: 'string',
            enum: ['Occurrences', 'Timeslices', 'RatioTimeslices'],
          },
          sliceSeconds: INTEGER,
          sliceDuration: STRING,
          sliceTarget: NUMBER,
        },
      },
      objectiveName: STRING,
      window: {
        type: 'object',
        description:
          'rolling: seconds; calendar: unit, count, startTime and timeZone.',
        required: ['kind', 'duration'],
        properties: {
          kind: { type: 'string', enum: ['rolling', 'calendar'] },
          duration: STRING,
          seconds: NUMBER,
          unit: {
            type: 'string',
            enum: ['minute', 'hour', 'day', 'week', 'month', 'quarter', 'year'],
          },
          count: INTEGER,
          startTime: STRING,
          timeZone: STRING,
        },
      },
      indicator: {
        type: 'object',
        description:
          'ratio: counter, good or bad, and total; raw: ratio and rawType; threshold: query, op and value.',
        required: ['metric', 'name'],
        properties: {
          metric: { type: 'string', enum: ['ratio', 'raw', 'threshold'] },
          name: STRING,
          prometheus: STRING,
          counter: { type: 'boolean' },
          good: ref('SloQuery'),
          bad: ref('SloQuery'),
          total: ref('SloQuery'),
          ratio: ref('SloQuery'),
          rawType: { type: 'string', enum: ['success', 'failure'] },
          query: ref('SloQuery'),
          op: { type: 'string', enum: ['lt', 'lte', 'gt', 'gte'] },
          value: NUMBER,
        },
      },
    },
  },
  SloQuery: {
    type: 'object',
    required: ['query', 'form', 'field'],
    properties: {
      query: STRING,
      form: { type: 'string', enum: ['selector', 'template', 'expression'] },
      field: {
        type: 'string',
        description: 'The field it was declared at.',
      },
    },
  },
  SloFigures: {
    type: 'object',
    description: 'Attainment, error budget and burn; null without events.',
    required: ['attainment', 'budget', 'previousConsumed', 'burnRates', 'burn'],
    properties: {
      attainment: NULLABLE_NUMBER,
      budget: {
        type: 'object',
        required: ['consumed', 'remaining', 'totalSeconds', 'remainingSeconds'],
        properties: {
          consumed: NULLABLE_NUMBER,
          remaining: NULLABLE_NUMBER,
          totalSeconds: NUMBER,
          remainingSeconds: NULLABLE_NUMBER,
        },
      },
      previousConsumed: NULLABLE_NUMBER,
      burnRates: keyed(BURN_WINDOWS, NULLABLE_NUMBER),
      burn: {
        type: 'object',
        required: ['severity', 'rate', 'exhaustedInSeconds'],
        properties: {
          severity: {
            type: 'string',
            enum: ['page', 'ticket', 'ok', 'unknown'],
          },
          rule: {
            type: 'object',
            required: ['severity', 'factor', 'long', 'short'],
            properties: {
              severity: { type: 'string', enum: ['page', 'ticket'] },
              factor: NUMBER,
              long: oneOfValues(BURN_WINDOWS),
              short: oneOfValues(BURN_WINDOWS),
            },
          },
          rate: NULLABLE_NUMBER,
          exhaustedInSeconds: NULLABLE_NUMBER,
        },
      },
    },
  },
} as const;

/** The SLO status of an entity, listed after the specialist cells in the spec. */
export const sloStatusSchemas = {
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
} as const;

/** The SLO route. */
export const sloPaths = {
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
} as const;

/** The contract the SLO route is typed and validated by. */
export const sloContract = contract({
  schemas: { ...sloSchemas, ...sloStatusSchemas },
  paths: sloPaths,
});
