/** The OpenAPI fragment of the schedule feeds' status. */
import { UNAUTHORIZED } from '../schema/common';
import { contract } from '../schema/contract';

/** The component schemas of the schedule feeds' status. */
export const scheduleSchemas = {
  ScheduleFeedStatus: {
    type: 'object',
    additionalProperties: false,
    required: ['feed', 'teamRef', 'lastRunAt', 'ok'],
    properties: {
      feed: {
        type: 'string',
        description: 'Feed name; a Group ref for annotated feeds.',
      },
      teamRef: { type: 'string' },
      lastRunAt: { type: 'string', format: 'date-time' },
      ok: {
        type: 'boolean',
        description:
          'Whether the last read succeeded: the feed was read and parsed. A success that needs the admin carries `warning`.',
      },
      lastSuccessAt: { type: 'string', format: 'date-time' },
      shifts: {
        type: 'integer',
        description: 'Shifts read on the last success.',
      },
      warnings: {
        type: 'integer',
        description: 'Events left out on the last success.',
      },
      leftOut: {
        type: 'array',
        description:
          'Why events were left out on the last success: events per reason, most first.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['reason', 'events'],
          properties: {
            reason: { type: 'string' },
            events: { type: 'integer' },
          },
        },
      },
      warning: {
        type: 'string',
        description:
          'What the last success asks the admin to fix although the feed was read, e.g. "has 15 shifts in range but none matches a User: …". Absent when there is nothing to fix.',
      },
      lastError: {
        type: 'string',
        description:
          "Why the last failed read failed. Names the feed's host at most: never its URL, path, query or a redirect's target.",
      },
      lastErrorAt: { type: 'string', format: 'date-time' },
    },
  },
} as const;

/** The schedule status route. */
export const schedulePaths = {
  '/schedules/status': {
    get: {
      operationId: 'ListScheduleFeedStatus',
      description:
        'The last read of every on-call schedule feed: when it last succeeded, how many shifts it gave, and its last error. Feed URLs are not shown (they often hold a token).',
      responses: {
        '200': {
          description: 'Every feed read so far, by name.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['items'],
                properties: {
                  items: {
                    type: 'array',
                    items: {
                      $ref: '#/components/schemas/ScheduleFeedStatus',
                    },
                  },
                },
              },
            },
          },
        },
        '401': UNAUTHORIZED,
      },
    },
  },
} as const;

/** The contract the schedule routes are typed and validated by. */
export const scheduleContract = contract({
  schemas: scheduleSchemas,
  paths: schedulePaths,
});
