/** OpenAPI fragments of the on-call pulse routes. */
import {
  PULSE_COMMENT_MAX_LENGTH,
  PULSE_QUESTION_IDS,
  PULSE_SCORE_RANGE,
} from '@sre-ownership/plugin-sre-ownership-common';
import {
  TEAM_PATH,
  UNAUTHORIZED,
  error,
  json,
  keyed,
  pathParameter,
} from '../schema/common';
import { PLAIN_TEXT } from '../schema/problems';
import { contract } from '../schema/contract';

const score = {
  type: 'integer',
  minimum: PULSE_SCORE_RANGE.min,
  maximum: PULSE_SCORE_RANGE.max,
} as const;
const scores = {
  type: 'object',
  additionalProperties: false,
  required: PULSE_QUESTION_IDS,
  properties: keyed(PULSE_QUESTION_IDS, score).properties,
} as const;
const averages = {
  type: 'object',
  required: PULSE_QUESTION_IDS,
  properties: keyed(PULSE_QUESTION_IDS, { type: 'number' }).properties,
} as const;
const period = {
  type: 'object',
  description: 'A pulse period, [from, to) as YYYY-MM-DD (UTC).',
  required: ['from', 'to'],
  properties: { from: { type: 'string' }, to: { type: 'string' } },
} as const;
const periodSummary = {
  type: 'object',
  required: ['period', 'answers'],
  properties: {
    period,
    answers: {
      type: 'integer',
      description: 'Engineers who answered (one answer each per period).',
    },
    averages: {
      ...averages,
      description:
        'Average per question, one decimal, 5 the good end; absent below minimumAnswers.',
    },
  },
} as const;

/** Schemas of the pulse routes. */
export const pulseSchemas = {
  PulseInvitation: {
    type: 'object',
    description:
      "The caller's own invitation: the on-call period it asks about (the engineer's adjacent or overlapping shifts for the team, merged), and the team and pulse period the answer counts in.",
    required: ['id', 'teamRef', 'period', 'onCall', 'state', 'answerBy'],
    properties: {
      id: { type: 'string' },
      teamRef: { type: 'string' },
      period,
      onCall: {
        type: 'object',
        required: ['from', 'to'],
        properties: {
          from: { type: 'string', format: 'date-time' },
          to: { type: 'string', format: 'date-time' },
        },
      },
      state: { type: 'string', enum: ['open', 'answered', 'closed'] },
      answerBy: { type: 'string', format: 'date-time' },
    },
  },
  TeamPulse: {
    type: 'object',
    description:
      "A team's pulse: its latest published period against the one before. A period is published once, after its answers closed, and never changes. Averages show only from minimumAnswers people; declines list the questions whose average fell by 0.5 or more.",
    required: ['teamRef', 'minimumAnswers', 'current', 'previous', 'declines'],
    properties: {
      teamRef: { type: 'string' },
      minimumAnswers: { type: 'integer' },
      current: periodSummary,
      previous: periodSummary,
      declines: {
        type: 'array',
        items: {
          type: 'object',
          required: ['question', 'previous', 'current'],
          properties: {
            question: {
              type: 'string',
              enum: ['sustainable', 'sleep', 'actionable'],
            },
            previous: { type: 'number' },
            current: { type: 'number' },
          },
        },
      },
    },
  },
  TeamPulseComments: {
    type: 'object',
    description:
      'Comments of the latest published period in random order, without names or times; empty below the minimum.',
    required: ['teamRef', 'period', 'comments'],
    properties: {
      teamRef: { type: 'string' },
      period,
      comments: { type: 'array', items: { type: 'string' } },
    },
  },
} as const;

const teamResponses = {
  '400': error('The entity is not a Group.'),
  '401': UNAUTHORIZED,
  '404': error('No such Group, or the caller may not see it.'),
} as const;

/** What a route on one invitation answers besides its data and a 400. */
const INVITATION_ERRORS = {
  '401': UNAUTHORIZED,
  '403': error(
    "The invitation is another engineer's, or the caller is not a user.",
  ),
  '404': error('No such invitation.'),
} as const;

/** The pulse routes. */
export const pulsePaths = {
  '/pulse/invitations/{id}': {
    get: {
      operationId: 'GetPulseInvitation',
      description:
        "The caller's pulse invitation and whether it is open, answered or closed. Only the invited engineer may read it.",
      parameters: [pathParameter('id')],
      responses: {
        '200': json('The invitation.', 'PulseInvitation'),
        ...INVITATION_ERRORS,
      },
    },
  },
  '/pulse/invitations/{id}/answer': {
    post: {
      operationId: 'AnswerPulse',
      description:
        "Answers the pulse for the invitation's team and period, once per engineer and period. Only the invited engineer may answer; the answer is added to the period's team totals and kept without their identity. Audited (pulse-answer) without the answer, team or period.",
      parameters: [pathParameter('id')],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              additionalProperties: false,
              required: ['scores'],
              properties: {
                scores,
                comment: {
                  type: 'string',
                  maxLength: PULSE_COMMENT_MAX_LENGTH,
                  description:
                    'Optional; line breaks and tabs are the only control characters allowed.',
                  pattern: PLAIN_TEXT.pattern,
                },
              },
            },
          },
        },
      },
      responses: {
        '201': json(
          'Recorded; the invitation, now answered.',
          'PulseInvitation',
        ),
        '400': error('The body is invalid; the message names the field.'),
        ...INVITATION_ERRORS,
        '409': error(
          'The engineer answered for this team and period already, or the invitation closed.',
        ),
      },
    },
  },
  '/teams/{namespace}/{name}/pulse': {
    get: {
      operationId: 'GetTeamPulse',
      description:
        "A team's pulse aggregates, for anyone who may see the Group.",
      parameters: [...TEAM_PATH],
      responses: {
        '200': json('The pulse.', 'TeamPulse'),
        ...teamResponses,
      },
    },
  },
  '/teams/{namespace}/{name}/pulse/comments': {
    get: {
      operationId: 'GetTeamPulseComments',
      description:
        "The comments of a team's latest published pulse period; needs sre-ownership.pulse.comments.read on the team.",
      parameters: [...TEAM_PATH],
      responses: {
        '200': json('The comments.', 'TeamPulseComments'),
        ...teamResponses,
        '403': error(
          'The caller lacks sre-ownership.pulse.comments.read on the team.',
        ),
      },
    },
  },
} as const;

/** The contract the pulse routes are typed and validated by. */
export const pulseContract = contract({
  schemas: pulseSchemas,
  paths: pulsePaths,
});
