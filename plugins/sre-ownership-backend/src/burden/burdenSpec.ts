/** The OpenAPI fragment of team burden and service on-call health. */
import { PAGE_SEVERITIES } from '@sre-ownership/plugin-sre-ownership-common';
import {
  BOOLEAN,
  INTEGER,
  NUMBER,
  NULLABLE_NUMBER,
  STRING,
  TIME,
  arrayOf,
  keyed,
  oneOfValues,
  ref,
} from '../schema/common';
import {
  ENTITY_PATH,
  ENTITY_READ_ERRORS,
  TEAM_PATH,
  UNAUTHORIZED,
  error,
  json,
} from '../schema/common';
import { contract } from '../schema/contract';
import { MAX_WINDOW_DAYS } from './burdenWindow';

const STATUS = {
  type: 'string',
  description:
    'no-data: no shift, page or toil of the team in the window, so nothing to judge (never healthy).',
  enum: ['no-data', 'healthy', 'at-risk', 'overloaded'],
} as const;

const MINUTES_BY_SEVERITY = {
  description:
    'Mean minutes per severity and over all severities (all); absent where no page had the time.',
  ...keyed([...PAGE_SEVERITIES, 'all'] as const, NUMBER),
} as const;

/** Schemas of the burden and health routes. */
/** The engineer measures that have a limit, as `-common`'s `BurdenMeasure`. */
const ENGINEER_MEASURE = oneOfValues([
  'onCallWeeksPerMonth',
  'pagesPerShift',
  'onCallShare',
  'toilShare',
] as const);

export const burdenSchemas = {
  BurdenWindow: {
    type: 'object',
    description: 'A half-open window [from, to).',
    required: ['from', 'to', 'days', 'endsNow'],
    properties: { from: TIME, to: TIME, days: NUMBER, endsNow: BOOLEAN },
  },
  WeeklyVolume: {
    type: 'object',
    description:
      'Pages of one week (weeks start Monday 00:00 UTC). partial: the window cuts the week, and hours says how much of it the count covers.',
    required: ['weekStart', 'pages'],
    properties: {
      weekStart: TIME,
      pages: INTEGER,
      partial: BOOLEAN,
      hours: NUMBER,
    },
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
      overLimit: arrayOf(ENGINEER_MEASURE),
      nearLimit: {
        ...arrayOf(ENGINEER_MEASURE),
        description:
          'Measures of the current window close to their limit (80% of it or more, above zero) but not above it; the UI shows this verdict.',
      },
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
      scheduleFeeds: arrayOf(ref('TeamScheduleFeed')),
    },
  },
  TeamScheduleFeed: {
    type: 'object',
    description:
      'One schedule feed of the team and its last read, so that an empty window says whether a feed exists and what it found.',
    required: ['feed', 'lastRunAt', 'ok'],
    properties: {
      feed: STRING,
      lastRunAt: TIME,
      ok: BOOLEAN,
      lastSuccessAt: TIME,
      shifts: INTEGER,
      lastError: STRING,
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
} as const;

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

/** The window parameters of the burden and health routes. */
const WINDOW = [WINDOW_DAYS, WINDOW_FROM, WINDOW_TO] as const;

/** The burden and on-call health routes. */
export const burdenPaths = {
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
} as const;

/** The contract the burden routes are typed and validated by. */
export const burdenContract = contract({
  schemas: burdenSchemas,
  paths: burdenPaths,
});
