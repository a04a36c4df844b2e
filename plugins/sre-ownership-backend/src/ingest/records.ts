/**
 * The checks a shift, a page and a toil entry pass before they are stored,
 * whichever route they came through. The bulk API applies them to what it
 * was sent; the webhook adapters to the records they made, naming the
 * fields of the delivery those came from.
 */
import { InputError } from '@backstage/errors';
import { PAGE_SEVERITIES } from '@sre-ownership/plugin-sre-ownership-common';
import {
  FIELD_LIMITS,
  instantProblem,
  parseInstant,
  refProblem,
  textProblem,
} from '../oncall/fields';

/** One thing wrong with one field of a record. */
export interface FieldProblem {
  field: string;
  /** Says what is wrong; `{other}` stands for the name of a second field. */
  message: string;
  other?: string;
}

type Check = (record: Record<string, unknown>) => FieldProblem[];

const problem = (field: string, message: string | undefined, other?: string) =>
  message === undefined ? [] : [{ field, message, other }];

const optional =
  (field: string, check: (value: unknown) => string | undefined): Check =>
  record =>
    record[field] === undefined ? [] : problem(field, check(record[field]));

const required =
  (field: string, check: (value: unknown) => string | undefined): Check =>
  record =>
    problem(
      field,
      record[field] === undefined ? 'is required' : check(record[field]),
    );

const text = (max: number) => (value: unknown) => textProblem(value, max);
const ref = (kind: 'user' | 'group' | 'any') => (value: unknown) =>
  refProblem(value, kind);

/** `later` must not be before `earlier` (or, if strict, must be after it). */
const inOrder =
  (earlier: string, later: string, strict = false): Check =>
  record => {
    const [from, to] = [
      parseInstant(record[earlier]),
      parseInstant(record[later]),
    ];
    if (from === undefined || to === undefined) return [];
    if (strict ? to > from : to >= from) return [];
    return problem(
      later,
      strict ? 'must be after {other}' : 'must not be before {other}',
      earlier,
    );
  };

const KEY_CHECKS: Check[] = [
  required('source', text(FIELD_LIMITS.source)),
  required('externalId', text(FIELD_LIMITS.externalId)),
];

/** Fields a record of each kind may have; anything else is refused. */
const FIELDS = {
  shifts: [
    'source',
    'externalId',
    'teamRef',
    'userRef',
    'schedule',
    'startsAt',
    'endsAt',
  ],
  pages: [
    'source',
    'externalId',
    'entityRef',
    'teamRef',
    'responderRef',
    'severity',
    'title',
    'triggeredAt',
    'acknowledgedAt',
    'resolvedAt',
  ],
  toil: [
    'source',
    'externalId',
    'teamRef',
    'userRef',
    'category',
    'startedAt',
    'minutes',
  ],
} as const;

/** The kinds of record a batch holds. */
export type RecordKind = keyof typeof FIELDS;

const unknownFields =
  (kind: RecordKind): Check =>
  record =>
    Object.keys(record)
      .filter(field => !(FIELDS[kind] as readonly string[]).includes(field))
      .flatMap(field =>
        problem(field, `is not a field of a ${kind.replace(/s$/, '')} record`),
      );

const CHECKS: Record<RecordKind, Check[]> = {
  shifts: [
    ...KEY_CHECKS,
    required('teamRef', ref('group')),
    required('userRef', ref('user')),
    optional('schedule', text(FIELD_LIMITS.schedule)),
    required('startsAt', instantProblem),
    required('endsAt', instantProblem),
    inOrder('startsAt', 'endsAt', true),
    unknownFields('shifts'),
  ],
  pages: [
    ...KEY_CHECKS,
    optional('entityRef', ref('any')),
    optional('teamRef', ref('group')),
    optional('responderRef', ref('user')),
    optional('title', text(FIELD_LIMITS.title)),
    required('severity', value =>
      (PAGE_SEVERITIES as readonly unknown[]).includes(value)
        ? undefined
        : `"${String(value)}" is not one of ${PAGE_SEVERITIES.join(', ')}`,
    ),
    required('triggeredAt', instantProblem),
    optional('acknowledgedAt', instantProblem),
    optional('resolvedAt', instantProblem),
    inOrder('triggeredAt', 'acknowledgedAt'),
    inOrder('acknowledgedAt', 'resolvedAt'),
    inOrder('triggeredAt', 'resolvedAt'),
    record =>
      record.entityRef === undefined && record.teamRef === undefined
        ? problem('entityRef', 'a page needs an entityRef or a teamRef')
        : [],
    unknownFields('pages'),
  ],
  toil: [
    ...KEY_CHECKS,
    required('teamRef', ref('group')),
    required('userRef', ref('user')),
    optional('category', text(FIELD_LIMITS.category)),
    required('startedAt', instantProblem),
    required('minutes', value =>
      Number.isInteger(value) &&
      (value as number) >= 1 &&
      (value as number) <= 1440
        ? undefined
        : `"${String(value)}" must be a whole number of minutes from 1 to 1440`,
    ),
    unknownFields('toil'),
  ],
};

/** What is wrong with one record; empty when it may be stored. */
export function recordProblems(
  kind: RecordKind,
  record: unknown,
): FieldProblem[] {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return [{ field: '', message: 'must be an object' }];
  }
  const fields = record as Record<string, unknown>;
  // A field's second problem (e.g. an order check on a bad time) adds nothing.
  const seen = new Set<string>();
  return CHECKS[kind]
    .flatMap(check => check(fields))
    .filter(found => !seen.has(found.field) && seen.add(found.field));
}

const SHOWN = 20;

/**
 * Throws one InputError listing every problem ("nothing was stored"), each
 * as `name(field): message`; does nothing when there is none.
 */
export function rejectIfAny(
  problems: Array<{ name: (field: string) => string; problem: FieldProblem }>,
) {
  if (problems.length === 0) return;
  const lines = problems.map(({ name, problem: found }) => {
    const message = found.other
      ? found.message.replace('{other}', name(found.other))
      : found.message;
    return `${name(found.field)}: ${message}`;
  });
  const shown = lines.slice(0, SHOWN).join('; ');
  const more = lines.length > SHOWN ? `; and ${lines.length - SHOWN} more` : '';
  throw new InputError(
    `Rejected the whole delivery, nothing was stored: ${shown}${more}`,
  );
}
