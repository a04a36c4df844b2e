/** OpenAPI fragments of the rest-owed and compensation routes. */

import {
  TEAM_PATH,
  UNAUTHORIZED,
  error,
  json,
  jsonContent,
} from '../schema/common';
import { DAY, ENTITY_REF, PLAIN_TEXT } from '../schema/problems';
import { MAX_WINDOW_DAYS } from '../burden/burdenWindow';
import { contract } from '../schema/contract';

/** The period: the last `days`, or `from`/`to`, as on the burden route. */
const PERIOD = [
  {
    name: 'days',
    in: 'query',
    // A raw : or + is how HTTP clients write a time or a space.
    allowReserved: true,
    description:
      'Period length in days up to now, 1 to 366; app-config sreOwnership.burden.windowDays (28) when absent. Not with from/to.',
    schema: { type: 'integer', minimum: 1, maximum: MAX_WINDOW_DAYS },
  },
  {
    name: 'from',
    in: 'query',
    allowReserved: true,
    description:
      'Start of an explicit period (inclusive), ISO 8601 date-time; needs to, at most 366 days before it.',
    schema: { type: 'string', format: 'date-time' },
  },
  {
    name: 'to',
    in: 'query',
    allowReserved: true,
    description:
      'End of an explicit period (exclusive), ISO 8601 date-time; needs from.',
    schema: { type: 'string', format: 'date-time' },
  },
] as const;

const minutes = { type: 'integer', minimum: 0 } as const;
const byBand = (description: string) =>
  ({
    type: 'object',
    description,
    additionalProperties: false,
    required: ['weekday-business', 'weekday-outside', 'weekend', 'holiday'],
    properties: {
      'weekday-business': minutes,
      'weekday-outside': minutes,
      weekend: minutes,
      holiday: minutes,
    },
  } as const);

const WINDOW = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to', 'days', 'endsNow'],
  properties: {
    from: { type: 'string', format: 'date-time' },
    to: { type: 'string', format: 'date-time' },
    days: { type: 'number' },
    endsNow: { type: 'boolean' },
  },
} as const;

/**
 * One engineer's row of a team report: who they are, their time zone and
 * whether they are a member, then the report's `figures`, all required.
 */
const engineerRow = <
  const Required extends readonly string[],
  const Figures extends Record<Required[number], unknown>,
>(
  required: Required,
  figures: Figures,
) =>
  ({
    type: 'object',
    additionalProperties: false,
    required: ['userRef', 'timezone', 'member', ...required],
    properties: {
      userRef: { type: 'string' },
      timezone: { type: 'string' },
      member: { type: 'boolean' },
      ...figures,
    },
  } as const);

const TEAM_ERRORS = {
  '401': UNAUTHORIZED,
  '403': error(
    "The caller may not read this team's per-person figures (sre-ownership.burden.read on the Group).",
  ),
  '404': error('No such Group, or the caller may not see it.'),
} as const;

/** The schemas of the rest and compensation routes. */
export const restSchemas = {
  RestTakenResult: {
    type: 'object',
    additionalProperties: false,
    required: ['taken', 'created'],
    properties: {
      taken: { $ref: '#/components/schemas/RestTaken' },
      created: {
        type: 'boolean',
        description: 'False when the day was recorded already.',
      },
    },
  },
  RestTaken: {
    type: 'object',
    description: 'Rest an engineer took on one day.',
    additionalProperties: false,
    required: [
      'teamRef',
      'userRef',
      'date',
      'minutes',
      'recordedBy',
      'recordedAt',
    ],
    properties: {
      teamRef: { type: 'string' },
      userRef: { type: 'string' },
      date: { type: 'string', description: 'YYYY-MM-DD' },
      minutes: { type: 'integer', minimum: 1, maximum: 1440 },
      note: { type: 'string' },
      recordedBy: {
        type: 'string',
        description: 'The user ref or service subject that recorded it.',
      },
      recordedAt: { type: 'string', format: 'date-time' },
    },
  },
  TeamRestOwed: {
    type: 'object',
    description:
      "Rest owed to a team's engineers over a period, each entry with its reason, less rest taken. Minutes are whole numbers. See docs/rest-and-compensation.md.",
    additionalProperties: false,
    required: ['teamRef', 'window', 'rules', 'engineers', 'mayRecordFor'],
    properties: {
      teamRef: { type: 'string' },
      mayRecordFor: {
        type: 'array',
        description:
          'Members whose rest taken the caller may record: none without sre-ownership.rest.record on the Group; only themselves for a user who does not manage the team.',
        items: { type: 'string' },
      },
      window: WINDOW,
      rules: {
        type: 'object',
        description:
          'The rules in force (app-config sreOwnership.burden.restOwed).',
        additionalProperties: false,
        required: [
          'sleepPageMinutes',
          'busyShiftMinutes',
          'offHoursResponsePercent',
        ],
        properties: {
          sleepPageMinutes: minutes,
          busyShiftMinutes: minutes,
          offHoursResponsePercent: minutes,
        },
      },
      engineers: {
        type: 'array',
        items: engineerRow(
          [
            'owedMinutes',
            'takenMinutes',
            'balanceMinutes',
            'entries',
            'taken',
          ] as const,
          {
            owedMinutes: minutes,
            takenMinutes: minutes,
            balanceMinutes: {
              ...minutes,
              description: 'Owed less taken, never below 0.',
            },
            entries: {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['userRef', 'kind', 'at', 'minutes', 'reason'],
                properties: {
                  userRef: { type: 'string' },
                  kind: {
                    type: 'string',
                    enum: ['sleep-page', 'busy-shift', 'off-hours-response'],
                  },
                  at: { type: 'string', format: 'date-time' },
                  minutes,
                  reason: { type: 'string' },
                },
              },
            },
            taken: {
              type: 'array',
              items: { $ref: '#/components/schemas/RestTaken' },
            },
          },
        ),
      },
    },
  },
  TeamCompensation: {
    type: 'object',
    description:
      "Each engineer's on-call minutes, pages and response minutes over a period, split into bands in their own time zone. See docs/rest-and-compensation.md.",
    additionalProperties: false,
    required: ['teamRef', 'window', 'engineers'],
    properties: {
      teamRef: { type: 'string' },
      window: WINDOW,
      engineers: {
        type: 'array',
        items: engineerRow(
          ['onCallMinutes', 'pages', 'responseMinutes'] as const,
          {
            onCallMinutes: byBand(
              'On-call minutes in the period, rounded down per band.',
            ),
            pages: byBand('Pages by the band of their trigger time.'),
            responseMinutes: byBand(
              'Acknowledge-to-resolve minutes of those pages, split where they fell.',
            ),
          },
        ),
      },
    },
  },
} as const;

/** The rest and compensation routes. */
export const restPaths = {
  '/teams/{namespace}/{name}/rest-owed': {
    get: {
      operationId: 'GetTeamRestOwed',
      description:
        'Rest owed to each engineer of a team after heavy on-call periods, with the reason for each entry, less rest taken. Needs sre-ownership.burden.read on the Group.',
      parameters: [...TEAM_PATH, ...PERIOD],
      responses: {
        '200': json('The rest owed.', 'TeamRestOwed'),
        '400': error('Invalid period; the message names days, from or to.'),
        ...TEAM_ERRORS,
      },
    },
  },
  '/teams/{namespace}/{name}/rest-taken': {
    post: {
      operationId: 'RecordRestTaken',
      description:
        'Records rest an engineer of the team took on one day, lowering what they are owed. Recording the same day again replaces it (no duplicates). Needs sre-ownership.rest.record on the Group; a user who does not manage the team may record only their own rest. Audited as rest-taken-record.',
      parameters: [...TEAM_PATH],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              additionalProperties: false,
              required: ['userRef', 'date', 'minutes'],
              properties: {
                userRef: {
                  type: 'string',
                  pattern: ENTITY_REF.pattern,
                  maxLength: 255,
                  description:
                    'User entity ref of the engineer, a member of the team.',
                },
                date: {
                  type: 'string',
                  pattern: DAY.pattern,
                  description: 'The day the rest was taken, YYYY-MM-DD.',
                },
                minutes: {
                  type: 'integer',
                  minimum: 1,
                  maximum: 1440,
                  description: 'Whole minutes of rest that day.',
                },
                note: {
                  type: 'string',
                  maxLength: 500,
                  pattern: PLAIN_TEXT.pattern,
                  description:
                    'Optional; line breaks and tabs are the only control characters allowed.',
                },
              },
            },
          },
        },
      },
      responses: {
        '201': json('A new day of rest was recorded.', 'RestTakenResult'),
        '200': json(
          'The day was recorded already and now holds these values.',
          'RestTakenResult',
        ),
        '400': error(
          'The body is invalid (the message names the field), or userRef is not a member of the team.',
        ),
        '401': UNAUTHORIZED,
        '403': error(
          "The caller lacks sre-ownership.rest.record on the Group, or records someone else's rest without managing the team.",
        ),
        '404': TEAM_ERRORS['404'],
      },
    },
  },
  '/teams/{namespace}/{name}/compensation': {
    get: {
      operationId: 'GetTeamCompensation',
      description:
        "On-call minutes, pages and response minutes per engineer over a period, by band (weekday business hours, weekday outside them, weekend, holiday) in each engineer's own time zone, for payroll and time-off systems. Needs sre-ownership.burden.read on the Group.",
      parameters: [
        ...TEAM_PATH,
        ...PERIOD,
        {
          name: 'format',
          in: 'query',
          allowReserved: true,
          description:
            'json (the default) or csv: a header row, then one row per engineer and band.',
          schema: { type: 'string', enum: ['json', 'csv'] },
        },
      ],
      responses: {
        '200': {
          description:
            'The figures; as CSV with Content-Disposition: attachment.',
          content: {
            ...jsonContent('TeamCompensation'),
            'text/csv': {
              schema: {
                type: 'string',
                description:
                  'team_ref,user_ref,timezone,member,period_from,period_to,band,on_call_minutes,pages,response_minutes',
              },
            },
          },
        },
        '400': error('Invalid period or format; the message names the field.'),
        ...TEAM_ERRORS,
      },
    },
  },
} as const;

/** The contract the rest-owed and compensation routes are typed and validated by. */
export const restContract = contract({
  schemas: restSchemas,
  paths: restPaths,
});
