/** Component schemas of resolved ownership and its parts. */
import {
  OWNERSHIP_MODELS,
  RESPONSIBILITY_AREAS,
  RESPONSIBILITY_PROVIDERS,
  SPECIALIST_ROLES,
} from '@sre-ownership/plugin-sre-ownership-common';
import { NUMBER, STRING, TIME, arrayOf, oneOfValues, ref } from './common';

/** Schemas of the ownership routes: who owns an entity, and why. */
export const ownershipSchemas = {
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
