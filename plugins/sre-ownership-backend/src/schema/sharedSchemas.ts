/**
 * Component schemas several capabilities' responses use: parties, value
 * sources, ownership problems, who is on call now, specialists and escalation
 * levels. Every contract holds them (see `contract`).
 */
import { SPECIALIST_ROLES } from '@sre-ownership/plugin-sre-ownership-common';
import { NUMBER, STRING, TIME, arrayOf, oneOfValues, ref } from './common';

/** The parts of resolved ownership other capabilities answer with too. */
export const sharedSchemas = {
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
} as const;
