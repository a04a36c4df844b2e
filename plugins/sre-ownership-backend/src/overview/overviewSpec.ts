/** OpenAPI fragments of the reliability overview routes. */
import {
  COVERAGE_FILTER_KEYS,
  COVERAGE_GAPS,
  CoverageFilterKey,
  SPECIALIST_ROLES,
} from '@sre-ownership/plugin-sre-ownership-common';
import { SPECIALIST_CELLS, specialistCellSchemas } from './specialistCells';
import { MAX_WINDOW_DAYS } from '../burden/burdenWindow';
import { UNAUTHORIZED, error, json, keyed } from '../schema/common';
import { contract } from '../schema/contract';

const list = <N extends string>(name: N, description: string) =>
  ({
    name,
    in: 'query',
    // A raw : or + is how HTTP clients write a time or a space.
    allowReserved: true,
    description,
    schema: { type: 'array', items: { type: 'string', minLength: 1 } },
    style: 'form',
    explode: true,
  } as const);

/** What each filter of `-common`'s `COVERAGE_FILTER_KEYS` means, as the spec says it. */
const FILTER_DESCRIPTIONS: Record<CoverageFilterKey, string> = {
  kind: 'Entity kinds; repeat for several. Component, API, Resource and System when absent.',
  owner: 'Owner entity refs (spec.owner), e.g. group:default/payments.',
  system: 'System entity refs.',
  domain: 'Domain entity refs (the entity’s or its System’s).',
  lifecycle: 'Lifecycles, e.g. production.',
  model: 'Ownership models, or none.',
  tier: 'Tiers from app-config sreOwnership.overview.tiers.',
};

/** The filters shared by the coverage tiles, the lists and the tiers. */
const FILTERS = COVERAGE_FILTER_KEYS.map(key =>
  list(key, FILTER_DESCRIPTIONS[key]),
);

const ERRORS = {
  '400': error('A query parameter is invalid; the message names it.'),
  '401': UNAUTHORIZED,
  '403': error('The catalog read policy denies the caller every entity.'),
} as const;

const count = { type: 'integer' } as const;
const gapCounts = {
  type: 'object',
  required: COVERAGE_GAPS,
  // One count per gap of -common's list, so a new gap is counted here too.
  properties: keyed(COVERAGE_GAPS, count).properties,
} as const;

/** Schemas of the overview responses. */
export const overviewSchemas = {
  CoverageSummary: {
    type: 'object',
    description:
      'The coverage tiles: entities the caller may read that match the filters, and how many have each gap. Each number equals totalItems of /overview/entities for that gap and filters.',
    required: ['total', 'gaps'],
    properties: {
      total: { type: 'integer' },
      gaps: gapCounts,
      refreshedAt: {
        type: 'string',
        description: 'Last index refresh; absent before the first.',
      },
      unknownValues: {
        type: 'object',
        description:
          'Filter values that no entity the caller may read has, per filter (most often a typo); absent when every value is known. Owner, system and domain take a name (payments) or a ref (group:default/payments).',
        additionalProperties: { type: 'array', items: { type: 'string' } },
      },
    },
  },
  OverviewEntity: {
    type: 'object',
    required: [
      'entityRef',
      'kind',
      'namespace',
      'name',
      'tier',
      'gaps',
      'reasons',
      'fallsShort',
    ],
    properties: {
      entityRef: { type: 'string' },
      kind: { type: 'string' },
      namespace: { type: 'string' },
      name: { type: 'string' },
      title: { type: 'string' },
      owner: { type: 'string' },
      system: { type: 'string' },
      domain: { type: 'string' },
      lifecycle: { type: 'string' },
      model: { type: 'string' },
      tier: { type: 'string' },
      gaps: { type: 'array', items: { type: 'string', enum: COVERAGE_GAPS } },
      reasons: {
        type: 'object',
        description: 'One sentence per gap: what is missing, what to declare.',
        additionalProperties: { type: 'string' },
      },
      fallsShort: {
        type: 'array',
        description: 'Why the entity falls short of its tier, as sentences.',
        items: { type: 'string' },
      },
    },
  },
  OverviewEntityPage: {
    type: 'object',
    required: ['items', 'totalItems', 'offset', 'limit'],
    properties: {
      items: {
        type: 'array',
        items: { $ref: '#/components/schemas/OverviewEntity' },
      },
      totalItems: { type: 'integer' },
      offset: { type: 'integer' },
      limit: { type: 'integer' },
    },
  },
  TierOverview: {
    type: 'object',
    required: ['defaultTier', 'tiers'],
    properties: {
      defaultTier: { type: 'string' },
      tiers: {
        type: 'array',
        items: {
          type: 'object',
          required: [
            'tier',
            'requirements',
            'entities',
            'fallingShort',
            'moreFallingShort',
          ],
          properties: {
            tier: { type: 'string' },
            requirements: { type: 'array', items: { type: 'string' } },
            entities: { type: 'integer' },
            fallingShort: {
              type: 'array',
              items: { $ref: '#/components/schemas/OverviewEntity' },
            },
            moreFallingShort: { type: 'integer' },
          },
        },
      },
    },
  },
  SpecialistGapRow: {
    type: 'object',
    description:
      "One team and, for each of the four specialist roles, as the team's services resolve it (the entity cards' inheritance: a System's or Domain's specialist counts for its services' team): primary, backups, where declared, services without one, unfilled, single person, same person as primary and backup, and holders over a burden limit (null without sre-ownership.burden.read).",
    required: ['teamRef', 'displayName', 'services', 'roles'],
    properties: {
      teamRef: { type: 'string' },
      displayName: { type: 'string' },
      services: {
        type: 'integer',
        description:
          "The team's services (Components it owns) the roles are resolved from; 0 when it owns none and the Group's own roles count.",
      },
      roles: SPECIALIST_CELLS,
    },
  },
  TeamRisk: {
    type: 'object',
    required: ['teamRef', 'displayName', 'status', 'previousStatus', 'trend'],
    properties: {
      teamRef: { type: 'string' },
      displayName: { type: 'string' },
      status: {
        type: 'string',
        enum: ['no-data', 'healthy', 'at-risk', 'overloaded'],
      },
      topReason: { type: 'string' },
      previousStatus: {
        type: 'string',
        enum: ['no-data', 'healthy', 'at-risk', 'overloaded'],
      },
      trend: { type: 'string', enum: ['worse', 'better', 'same'] },
    },
  },
  WhoToCallResult: {
    type: 'object',
    description:
      'Ranked answers: exact name first, then owner/team/person, then tags, then description. Each says who to call now. See WhoToCallAnswer in @sre-ownership/plugin-sre-ownership-common.',
    required: ['query', 'scope', 'answers', 'totalMatches'],
    properties: {
      query: { type: 'string' },
      role: { type: 'string' },
      scope: { type: 'string' },
      totalMatches: { type: 'integer' },
      answers: {
        type: 'array',
        items: {
          type: 'object',
          required: [
            'entityRef',
            'kind',
            'title',
            'match',
            'why',
            'reliabilityOwners',
            'escalation',
            'onCallNow',
            'contacts',
          ],
          properties: {
            entityRef: { type: 'string' },
            kind: { type: 'string' },
            title: { type: 'string' },
            description: { type: 'string' },
            match: {
              type: 'string',
              enum: ['name', 'person', 'tag', 'description'],
            },
            why: { type: 'string' },
            reliabilityOwners: {
              type: 'array',
              items: { $ref: '#/components/schemas/Party' },
            },
            escalation: {
              type: 'array',
              items: { $ref: '#/components/schemas/ResolvedEscalationLevel' },
            },
            onCallNow: {
              type: 'array',
              items: {
                type: 'object',
                required: ['level', 'teamRef', 'onCall'],
                properties: {
                  level: { type: 'integer' },
                  teamRef: { type: 'string' },
                  onCall: { $ref: '#/components/schemas/OnCallNow' },
                },
              },
            },
            // For a team: who carries the team's own pager now.
            teamOnCall: { $ref: '#/components/schemas/OnCallNow' },
            specialist: {
              type: 'object',
              required: ['role', 'backups'],
              properties: {
                role: { type: 'string', enum: SPECIALIST_ROLES },
                primary: { $ref: '#/components/schemas/Party' },
                backups: {
                  type: 'array',
                  items: { $ref: '#/components/schemas/Party' },
                },
              },
            },
            contacts: {
              type: 'array',
              items: { $ref: '#/components/schemas/Party' },
            },
          },
        },
      },
    },
  },
} as const;

/** The overview routes. */
export const overviewPaths = {
  '/overview/coverage': {
    get: {
      operationId: 'GetCoverage',
      description: 'The coverage tiles, for entities the caller may read.',
      parameters: FILTERS,
      responses: {
        '200': json('The tiles.', 'CoverageSummary'),
        ...ERRORS,
      },
    },
  },
  '/overview/entities': {
    get: {
      operationId: 'ListOverviewEntities',
      description:
        'The list behind a tile: entities with the gap (all without one), filtered, sorted and paged.',
      parameters: [
        {
          name: 'gap',
          in: 'query',
          allowReserved: true,
          schema: { type: 'string', enum: COVERAGE_GAPS },
        },
        ...FILTERS,
        {
          name: 'sort',
          in: 'query',
          allowReserved: true,
          description: 'name (the default), kind, owner, system or tier.',
          schema: {
            type: 'string',
            enum: ['name', 'kind', 'owner', 'system', 'tier'],
          },
        },
        {
          name: 'order',
          in: 'query',
          allowReserved: true,
          schema: { type: 'string', enum: ['asc', 'desc'] },
        },
        {
          name: 'offset',
          in: 'query',
          allowReserved: true,
          description: 'Entities to skip, 0 to 1,000,000; 0 when absent.',
          schema: { type: 'integer', minimum: 0, maximum: 1_000_000 },
        },
        {
          name: 'limit',
          in: 'query',
          allowReserved: true,
          description: 'Page size, 1 to 500; 100 when absent.',
          schema: { type: 'integer', minimum: 1, maximum: 500 },
        },
      ],
      responses: {
        '200': json('One page.', 'OverviewEntityPage'),
        ...ERRORS,
      },
    },
  },
  '/overview/tiers': {
    get: {
      operationId: 'GetTiers',
      description:
        'Each tier from app-config with what it requires and who falls short, with reasons.',
      parameters: FILTERS,
      responses: {
        '200': json('Rules by tier.', 'TierOverview'),
        ...ERRORS,
      },
    },
  },
  '/overview/specialist-gaps': {
    get: {
      operationId: 'GetSpecialistGaps',
      description: 'Teams that carry a pager × the four specialist roles.',
      responses: {
        '200': {
          description: 'The matrix, one row per team.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['teams'],
                properties: {
                  teams: {
                    type: 'array',
                    items: { $ref: '#/components/schemas/SpecialistGapRow' },
                  },
                },
              },
            },
          },
        },
        ...ERRORS,
      },
    },
  },
  '/overview/teams-at-risk': {
    get: {
      operationId: 'GetTeamsAtRisk',
      description:
        'Every team that carries a pager: burden status, top reason, the previous window’s status and the trend.',
      parameters: [
        {
          name: 'days',
          in: 'query',
          allowReserved: true,
          description:
            'Window length in days, 1 to 366; app-config default when absent.',
          schema: { type: 'integer', minimum: 1, maximum: MAX_WINDOW_DAYS },
        },
      ],
      responses: {
        '200': {
          description: 'The teams.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['teams'],
                properties: {
                  teams: {
                    type: 'array',
                    items: { $ref: '#/components/schemas/TeamRisk' },
                  },
                },
              },
            },
          },
        },
        ...ERRORS,
      },
    },
  },
  '/overview/who-to-call': {
    get: {
      operationId: 'WhoToCall',
      description:
        '"Who do I call about X?": a service, API, resource, system, domain, team, person, tag, or a specialist role with or without a scope ("SLO guard payments").',
      parameters: [
        {
          name: 'q',
          in: 'query',
          allowReserved: true,
          required: true,
          schema: { type: 'string', minLength: 1, maxLength: 200 },
        },
        {
          name: 'limit',
          in: 'query',
          allowReserved: true,
          description: 'Answers, 1 to 50; 10 when absent.',
          schema: { type: 'integer', minimum: 1, maximum: 50 },
        },
      ],
      responses: {
        '200': json('Ranked answers.', 'WhoToCallResult'),
        ...ERRORS,
      },
    },
  },
} as const;

/** The contract the reliability overview routes are typed and validated by. */
export const overviewContract = contract({
  schemas: { ...overviewSchemas, ...specialistCellSchemas },
  paths: overviewPaths,
});
