/**
 * The shapes the routes answer with, as OpenAPI component schemas, written
 * from the types in `@sre-ownership/plugin-sre-ownership-common` that the
 * services return: resolved ownership, team burden, service on-call health,
 * SLO status and their parts. Every response is described to its leaves.
 */
import {
  BURN_WINDOWS,
  OWNERSHIP_MODELS,
  PAGE_SEVERITIES,
  RESPONSIBILITY_AREAS,
  RESPONSIBILITY_PROVIDERS,
  SPECIALIST_ROLES,
} from '@sre-ownership/plugin-sre-ownership-common';

const ref = <Name extends string>(name: Name) =>
  ({ $ref: `#/components/schemas/${name}` } as const);
const arrayOf = <const Item>(items: Item) => ({ type: 'array', items } as const);
const STRING = { type: 'string' } as const;
const INTEGER = { type: 'integer' } as const;
const NUMBER = { type: 'number' } as const;
const BOOLEAN = { type: 'boolean' } as const;
const NULLABLE_NUMBER = { type: ['number', 'null'] } as const;
const TIME = { type: 'string', format: 'date-time' } as const;
const STATUS = {
  type: 'string',
  enum: ['healthy', 'at-risk', 'overloaded'],
} as const;

/** A string naming one of `values`. */
const oneOfValues = <Values extends readonly string[]>(values: Values) =>
  ({ type: 'string', enum: values } as const);

/** An object with one property of `schema` per key. */
const keyed = <Keys extends readonly string[], const Schema>(
  keys: Keys,
  schema: Schema,
) =>
  ({
    type: 'object',
    properties: Object.fromEntries(keys.map(key => [key, schema])) as Record<
      Keys[number],
      Schema
    >,
  } as const);

const MINUTES_BY_SEVERITY = {
  description:
    'Mean minutes per severity and over all severities (all); absent where no page had the time.',
  ...keyed([...PAGE_SEVERITIES, 'all'] as const, NUMBER),
} as const;

/** Component schemas of every response body except errors and ingestion. */
export const responseSchemas = {
  Party: {
    type: 'object',
    description: 'A person or team, with what is needed to reach them.',
    required: ['ref', 'kind', 'displayName', 'exists'],
    properties: {
      ref: STRING,
      kind: { type: 'string', enum: ['user', 'group'] },
      displayName: STRING,
      exists: {
        type: 'boolean',
        description:
          'False when the ref names nothing in the catalog (a problem is reported).',
      },
      email: STRING,
      chatChannel: STRING,
      picture: STRING,
      timezone: STRING,
    },
  },
  ValueSource: {
    type: 'object',
    description:
      'Where a resolved value came from: an annotation of an entity (entityRef, annotation, relation), app-config (key), a default or a derivation (description).',
    required: ['type'],
    properties: {
      type: {
        type: 'string',
        enum: ['entity', 'config', 'default', 'derived'],
      },
      entityRef: STRING,
      annotation: STRING,
      relation: {
        type: 'string',
        enum: ['self', 'system', 'domain', 'owner', 'parent-group'],
      },
      key: STRING,
      description: STRING,
    },
  },
  OwnershipProblem: {
    type: 'object',
    description: 'A wrong declaration: where, what and how to fix it.',
    required: ['entityRef', 'annotation', 'value', 'message', 'severity'],
    properties: {
      entityRef: STRING,
      annotation: STRING,
      value: STRING,
      message: STRING,
      severity: { type: 'string', enum: ['error', 'warning'] },
    },
  },
  OnCallNow: {
    type: 'object',
    description: "Who carries a team's pager now, and who is next.",
    required: ['teamRef', 'current'],
    properties: {
      teamRef: STRING,
      current: arrayOf({
        type: 'object',
        required: ['userRef', 'until'],
        properties: { userRef: STRING, until: TIME },
      }),
      next: {
        type: 'object',
        required: ['userRef', 'from'],
        properties: { userRef: STRING, from: TIME },
      },
    },
  },
  ResolvedSpecialist: {
    type: 'object',
    description: 'A specialist role with who holds it.',
    required: ['role', 'backups'],
    properties: {
      role: oneOfValues(SPECIALIST_ROLES),
      primary: ref('Party'),
      backups: arrayOf(ref('Party')),
      source: ref('ValueSource'),
      gap: { type: 'string', enum: ['unfilled', 'single-point-of-failure'] },
    },
  },
  ResolvedEscalationLevel: {
    type: 'object',
    description: 'One level of an escalation path.',
    required: ['level', 'afterMinutes', 'type', 'target'],
    properties: {
      level: { type: 'integer', minimum: 1 },
      afterMinutes: NUMBER,
      type: { type: 'string', enum: ['user', 'group', 'oncall'] },
      target: ref('Party'),
      onCall: ref('OnCallNow'),
    },
  },
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
              'True when nothing was declared and the path was derived from ownership.',
          },
          source: ref('ValueSource'),
          levels: arrayOf(ref('ResolvedEscalationLevel')),
        },
      },
      problems: arrayOf(ref('OwnershipProblem')),
    },
  },
  BurdenWindow: {
    type: 'object',
    description: 'A half-open window [from, to).',
    required: ['from', 'to', 'days', 'endsNow'],
    properties: { from: TIME, to: TIME, days: NUMBER, endsNow: BOOLEAN },
  },
  WeeklyVolume: {
    type: 'object',
    description: 'Pages of one week (weeks start Monday 00:00 UTC).',
    required: ['weekStart', 'pages'],
    properties: { weekStart: TIME, pages: INTEGER },
  },
  TeamFigures: {
    type: 'object',
    description:
      'Team figures over one window; null where a figure is undefined for it (a rate without coverage, a share of nothing).',
    required: [
      'pages',
      'unattributedPages',
      'pagesPerShift',
      'offHoursPages',
      'sleepHoursPages',
      'mttaMinutes',
      'mttrMinutes',
      'toilMinutes',
      'toilShare',
      'coverageHours',
      'personHours',
      'rotationSize',
      'requiredRotationSize',
      'overLimit',
    ],
    properties: {
      pages: INTEGER,
      unattributedPages: INTEGER,
      pagesPerShift: NULLABLE_NUMBER,
      offHoursPages: INTEGER,
      sleepHoursPages: INTEGER,
      mttaMinutes: MINUTES_BY_SEVERITY,
      mttrMinutes: MINUTES_BY_SEVERITY,
      toilMinutes: NUMBER,
      toilShare: NULLABLE_NUMBER,
      coverageHours: NUMBER,
      personHours: NUMBER,
      rotationSize: INTEGER,
      requiredRotationSize: INTEGER,
      overLimit: arrayOf(
        oneOfValues(['pagesPerShift', 'toilShare', 'rotationSize'] as const),
      ),
    },
  },
  EngineerFigures: {
    type: 'object',
    description:
      "One engineer's figures over one window; null where a figure is undefined for it.",
    required: [
      'onCallHours',
      'onCallShare',
      'onCallWeeksPerMonth',
      'pages',
      'pagesWhileOnCall',
      'offRotationPages',
      'pagesPerShift',
      'offHoursPages',
      'sleepHoursPages',
      'respondingMinutes',
      'respondingOffRotationMinutes',
      'toilMinutes',
      'toilShare',
    ],
    properties: {
      onCallHours: NUMBER,
      onCallShare: NUMBER,
      onCallWeeksPerMonth: NUMBER,
      pages: INTEGER,
      pagesWhileOnCall: INTEGER,
      offRotationPages: INTEGER,
      pagesPerShift: NULLABLE_NUMBER,
      offHoursPages: INTEGER,
      sleepHoursPages: INTEGER,
      respondingMinutes: NUMBER,
      respondingOffRotationMinutes: NUMBER,
      toilMinutes: NUMBER,
      toilShare: NULLABLE_NUMBER,
    },
  },
  EngineerBurden: {
    type: 'object',
    required: [
      'userRef',
      'timezone',
      'member',
      'current',
      'previous',
      'overLimit',
    ],
    properties: {
      userRef: STRING,
      timezone: STRING,
      member: {
        type: 'boolean',
        description: 'Whether the engineer is a member (else they covered).',
      },
      current: ref('EngineerFigures'),
      previous: ref('EngineerFigures'),
      overLimit: arrayOf(
        oneOfValues([
          'onCallWeeksPerMonth',
          'pagesPerShift',
          'onCallShare',
          'toilShare',
        ] as const),
      ),
    },
  },
  TeamBurden: {
    type: 'object',
    description:
      'On-call burden of a team: status and reasons, team and per-engineer figures for the window and the previous one, weekly volume. engineers is absent without the sre-ownership.burden.read permission.',
    required: [
      'teamRef',
      'window',
      'previousWindow',
      'limits',
      'status',
      'reasons',
      'current',
      'previous',
      'weeklyVolume',
      'requiredRotationSize',
      'problems',
    ],
    properties: {
      teamRef: STRING,
      window: ref('BurdenWindow'),
      previousWindow: ref('BurdenWindow'),
      limits: {
        type: 'object',
        required: [
          'onCallWeeksPerMonth',
          'pagesPerShift',
          'onCallShare',
          'toilShare',
        ],
        properties: {
          onCallWeeksPerMonth: NUMBER,
          pagesPerShift: NUMBER,
          onCallShare: NUMBER,
          toilShare: NUMBER,
        },
      },
      status: STATUS,
      reasons: arrayOf(STRING),
      current: ref('TeamFigures'),
      previous: ref('TeamFigures'),
      weeklyVolume: arrayOf(ref('WeeklyVolume')),
      weekOverWeekChange: NUMBER,
      requiredRotationSize: INTEGER,
      engineers: arrayOf(ref('EngineerBurden')),
      problems: arrayOf(ref('OwnershipProblem')),
    },
  },
  ServiceHealthFigures: {
    type: 'object',
    required: ['pages', 'offHoursShare', 'mttaMinutes', 'mttrMinutes'],
    properties: {
      pages: INTEGER,
      offHoursShare: NULLABLE_NUMBER,
      mttaMinutes: MINUTES_BY_SEVERITY,
      mttrMinutes: MINUTES_BY_SEVERITY,
    },
  },
  ServiceOnCallHealth: {
    type: 'object',
    description:
      'On-call health of a service: page volume and trend, MTTA/MTTR by severity, off-hours share, who is on call now and next.',
    required: [
      'entityRef',
      'window',
      'previousWindow',
      'current',
      'previous',
      'weeklyVolume',
      'onCall',
    ],
    properties: {
      entityRef: STRING,
      window: ref('BurdenWindow'),
      previousWindow: ref('BurdenWindow'),
      current: ref('ServiceHealthFigures'),
      previous: ref('ServiceHealthFigures'),
      weeklyVolume: arrayOf(ref('WeeklyVolume')),
      weekOverWeekChange: NUMBER,
      onCall: arrayOf(ref('OnCallNow')),
    },
  },
  SloDeclaration: {
    type: 'object',
    description:
      'An SLO as declared in OpenSLO v1: target (0-1), window and indicator queries.',
    required: [
      'name',
      'displayName',
      'declaredIn',
      'target',
      'window',
      'indicator',
    ],
    properties: {
      name: STRING,
      displayName: STRING,
      description: STRING,
      declaredIn: STRING,
      target: NUMBER,
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
        required: ['name', 'total'],
        properties: {
          name: STRING,
          prometheus: STRING,
          good: ref('SloQuery'),
          bad: ref('SloQuery'),
          total: ref('SloQuery'),
        },
      },
    },
  },
  SloQuery: {
    type: 'object',
    required: ['query', 'form'],
    properties: {
      query: STRING,
      form: { type: 'string', enum: ['selector', 'template'] },
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
  SpecialistCell: {
    type: 'object',
    description: "One team's holders of one specialist role.",
    required: [
      'backups',
      'unfilled',
      'singlePerson',
      'samePrimaryAndBackup',
      'overLimit',
    ],
    properties: {
      primary: ref('Party'),
      backups: arrayOf(ref('Party')),
      unfilled: BOOLEAN,
      singlePerson: BOOLEAN,
      samePrimaryAndBackup: BOOLEAN,
      overLimit: {
        type: ['array', 'null'],
        items: STRING,
        description:
          'Holders over a burden limit; null without sre-ownership.burden.read or on-call data.',
      },
    },
  },
} as const;

/** Every specialist role, each with its {@link responseSchemas} SpecialistCell. */
export const SPECIALIST_CELLS = keyed(SPECIALIST_ROLES, ref('SpecialistCell'));
