/**
 * OpenAPI fragments of the SLO guard's views: the catalog-wide SLO tiles,
 * the System, Domain and team roll-ups, and the budget each incident spent.
 * Merged into `spec`.
 */
import { PAGE_SEVERITIES } from '@sre-ownership/plugin-sre-ownership-common';
import { contract } from '../schema/contract';
import { MAX_WINDOW_DAYS } from '../burden/burdenWindow';
import {
  ENTITY_READ_ERRORS,
  INTEGER,
  NULLABLE_NUMBER,
  NUMBER,
  STRING,
  UNAUTHORIZED,
  arrayOf,
  error,
  json,
  oneOfValues,
  pathParameter,
  ref,
} from '../schema/common';

const ENTITY = [
  pathParameter('kind'),
  pathParameter('namespace'),
  pathParameter('name'),
] as const;

/** The burden window the roll-up's pages are counted over. */
const WINDOW = [
  {
    name: 'days',
    in: 'query',
    // A raw : or + is how HTTP clients write a time or a space.
    allowReserved: true,
    description:
      'Window length in days up to now, 1 to 366; app-config sreOwnership.burden.windowDays (28) when absent. Not with from/to.',
    schema: { type: 'integer', minimum: 1, maximum: MAX_WINDOW_DAYS },
  },
  {
    name: 'from',
    in: 'query',
    allowReserved: true,
    description:
      'Start of an explicit window (inclusive), ISO 8601 date-time; needs to.',
    schema: { type: 'string', format: 'date-time' },
  },
  {
    name: 'to',
    in: 'query',
    allowReserved: true,
    description: 'End of an explicit window (exclusive); needs from.',
    schema: { type: 'string', format: 'date-time' },
  },
] as const;

const BURN = oneOfValues(['page', 'ticket', 'ok', 'unknown'] as const);

const INTERVAL = {
  type: 'object',
  additionalProperties: false,
  required: ['start', 'end'],
  properties: { start: STRING, end: STRING },
} as const;

const ENTITY_NAMED = {
  type: 'object',
  additionalProperties: false,
  required: ['entityRef'],
  properties: { entityRef: STRING, title: STRING, tier: STRING },
} as const;

const cappedList = <const Item>(items: Item, description: string) =>
  ({
    type: 'object',
    additionalProperties: false,
    description,
    required: ['total', 'items'],
    properties: {
      total: { ...INTEGER, description: 'How many in all.' },
      items: { ...arrayOf(items), description: 'The first 100.' },
    },
  } as const);

const SLO_ITEM = ref('SloListItem');

/** Schemas of the SLO guard's views. */
export const sloGuardSchemas = {
  SloListItem: {
    type: 'object',
    additionalProperties: false,
    description:
      'One SLO as the latest scheduled evaluation measured it (docs/slos.md, "Across the catalog").',
    required: [
      'entityRef',
      'sloName',
      'displayName',
      'target',
      'window',
      'burn',
      'burnRate',
      'budgetRemaining',
      'evaluatedAt',
    ],
    properties: {
      entityRef: STRING,
      entityTitle: STRING,
      sloName: STRING,
      displayName: STRING,
      target: NUMBER,
      window: { ...STRING, description: 'e.g. 7d rolling' },
      burn: BURN,
      burnRate: NULLABLE_NUMBER,
      budgetRemaining: {
        ...NULLABLE_NUMBER,
        description: 'Share of the budget left; negative when overspent.',
      },
      summary: STRING,
      error: { ...STRING, description: 'Why the SLO has no figures.' },
      evaluatedAt: STRING,
    },
  },
  SloOverview: {
    type: 'object',
    additionalProperties: false,
    description:
      'The SLO tiles of the overview: SLOs burning now, with little budget left or not measured; services of a required tier without an SLO; SLO guards of no SLO. Only entities the caller may read.',
    required: [
      'total',
      'budgetThreshold',
      'requiredTiers',
      'paging',
      'ticketing',
      'lowBudget',
      'unmeasured',
      'withoutSlo',
      'guardsWithoutSlo',
    ],
    properties: {
      evaluatedAt: {
        ...STRING,
        description: 'When the last evaluation finished; absent before it.',
      },
      total: { ...INTEGER, description: 'SLOs the caller may read.' },
      budgetThreshold: NUMBER,
      requiredTiers: arrayOf(STRING),
      paging: cappedList(SLO_ITEM, 'Page-level burns, worst first.'),
      ticketing: cappedList(SLO_ITEM, 'Ticket-level burns, worst first.'),
      lowBudget: cappedList(
        SLO_ITEM,
        'Less budget left than budgetThreshold, least first.',
      ),
      unmeasured: cappedList(
        SLO_ITEM,
        'No figures: Prometheus unreachable, a query refused, or no events.',
      ),
      withoutSlo: cappedList(
        ENTITY_NAMED,
        'Components of a required tier that declare no SLO.',
      ),
      guardsWithoutSlo: cappedList(
        {
          type: 'object',
          additionalProperties: false,
          required: ['guard', 'entities'],
          properties: {
            guard: {
              type: 'object',
              additionalProperties: false,
              required: ['ref', 'displayName'],
              properties: { ref: STRING, displayName: STRING },
            },
            entities: arrayOf(ENTITY_NAMED),
          },
        } as const,
        'SLO guards of services none of which declares an SLO.',
      ),
    },
  },
  EntityRollup: {
    type: 'object',
    additionalProperties: false,
    description:
      'A System, Domain or team with the entities that belong to it: their pages in the burden window, who is on call, and their SLOs worst first.',
    required: ['entityRef', 'window', 'entities', 'totals', 'slos'],
    properties: {
      entityRef: STRING,
      window: {
        type: 'object',
        additionalProperties: false,
        required: ['from', 'to', 'days'],
        properties: { from: STRING, to: STRING, days: NUMBER },
      },
      entities: arrayOf({
        type: 'object',
        additionalProperties: false,
        required: [
          'entityRef',
          'kind',
          'pages',
          'previousPages',
          'offHoursPages',
          'onCallNow',
          'slos',
        ],
        properties: {
          entityRef: STRING,
          kind: STRING,
          title: STRING,
          system: STRING,
          pages: INTEGER,
          previousPages: INTEGER,
          offHoursPages: INTEGER,
          onCallNow: arrayOf(STRING),
          slos: INTEGER,
          worstBurn: BURN,
        },
      } as const),
      totals: {
        type: 'object',
        additionalProperties: false,
        required: ['pages', 'previousPages', 'offHoursPages'],
        properties: {
          pages: INTEGER,
          previousPages: INTEGER,
          offHoursPages: INTEGER,
        },
      },
      slos: arrayOf(SLO_ITEM),
      slosEvaluatedAt: STRING,
    },
  },
  EntitySloIncidents: {
    type: 'object',
    additionalProperties: false,
    description:
      'For each SLO of the entity, the error budget each page about it spent while it was open (docs/slos.md, "Budget per incident").',
    required: ['entityRef', 'evaluatedAt', 'slos'],
    properties: {
      entityRef: STRING,
      evaluatedAt: STRING,
      slos: arrayOf({
        type: 'object',
        additionalProperties: false,
        required: [
          'sloName',
          'displayName',
          'window',
          'incidents',
          'duringIncidents',
          'outsideIncidents',
          'consumed',
        ],
        properties: {
          sloName: STRING,
          displayName: STRING,
          window: INTERVAL,
          incidents: arrayOf({
            type: 'object',
            additionalProperties: false,
            required: [
              'id',
              'source',
              'severity',
              'triggeredAt',
              'counted',
              'badEvents',
              'budgetShare',
              'outageMinutes',
            ],
            properties: {
              id: STRING,
              source: STRING,
              title: STRING,
              severity: oneOfValues(PAGE_SEVERITIES),
              triggeredAt: STRING,
              resolvedAt: STRING,
              counted: INTERVAL,
              badEvents: NULLABLE_NUMBER,
              budgetShare: NULLABLE_NUMBER,
              outageMinutes: NULLABLE_NUMBER,
            },
          } as const),
          duringIncidents: NULLABLE_NUMBER,
          outsideIncidents: NULLABLE_NUMBER,
          consumed: NULLABLE_NUMBER,
          note: {
            ...STRING,
            description:
              'Why incidents are not attributed, e.g. time-slice budgeting.',
          },
          error: {
            type: 'object',
            additionalProperties: false,
            required: ['kind', 'message'],
            properties: {
              kind: oneOfValues([
                'not-configured',
                'unknown-instance',
                'unavailable',
                'query-failed',
              ] as const),
              message: STRING,
            },
          },
        },
      } as const),
    },
  },
} as const;

/** Paths of the SLO guard's views. */
export const sloGuardPaths = {
  '/overview/slos': {
    get: {
      operationId: 'GetSloOverview',
      description:
        'The SLO tiles of the overview, from the latest scheduled SLO evaluation.',
      responses: {
        '200': json('The tiles and their lists.', 'SloOverview'),
        '401': UNAUTHORIZED,
        '403': error('The catalog read policy denies the caller every entity.'),
      },
    },
  },
  '/entities/{kind}/{namespace}/{name}/rollup': {
    get: {
      operationId: 'GetEntityRollup',
      description:
        'A System, Domain or Group with the entities that belong to it, their pages and on-call load over the burden window, and their SLOs worst burn first.',
      parameters: [...ENTITY, ...WINDOW],
      responses: {
        '200': json('The roll-up.', 'EntityRollup'),
        '400': error(
          'The kind does not roll up, or the window is invalid; the message names the field.',
        ),
        ...ENTITY_READ_ERRORS,
      },
    },
  },
  '/entities/{kind}/{namespace}/{name}/slos/incidents': {
    get: {
      operationId: 'GetEntitySloIncidents',
      description:
        'For each SLO of the entity, the error budget each page about it spent while it was open, and what was spent outside any page.',
      parameters: ENTITY,
      responses: {
        '200': json('The budget per incident.', 'EntitySloIncidents'),
        ...ENTITY_READ_ERRORS,
      },
    },
  },
} as const;

/** Contracts the SLO guard's routes are typed and validated by, one per route. */
export const sloTilesContract = contract({
  schemas: sloGuardSchemas,
  paths: { '/overview/slos': sloGuardPaths['/overview/slos'] },
});
export const rollupContract = contract({
  schemas: sloGuardSchemas,
  paths: {
    '/entities/{kind}/{namespace}/{name}/rollup':
      sloGuardPaths['/entities/{kind}/{namespace}/{name}/rollup'],
  },
});
export const sloIncidentsContract = contract({
  schemas: sloGuardSchemas,
  paths: {
    '/entities/{kind}/{namespace}/{name}/slos/incidents':
      sloGuardPaths['/entities/{kind}/{namespace}/{name}/slos/incidents'],
  },
});
