import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  OncallPage,
  OncallShift,
  PAGE_SEVERITIES,
  ToilEntry,
} from '@sre-ownership/plugin-sre-ownership-common';
import { OncallEventBatch } from '../database/OncallStore';

type Check = (record: Record<string, unknown>) => string[];

const ISO_INSTANT =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether a value is an ISO 8601 time with an offset, as every event time must be. */
export function isIsoInstant(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    ISO_INSTANT.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

// The widths of the database columns.
const MAX_LENGTH: Record<string, number> = {
  source: 64,
  externalId: 512,
  teamRef: 255,
  userRef: 255,
  entityRef: 255,
  responderRef: 255,
  schedule: 255,
  category: 64,
};

function tooLong(field: string, value: unknown): string[] {
  const max = MAX_LENGTH[field];
  return max !== undefined && typeof value === 'string' && value.length > max
    ? [`${field}: is ${value.length} characters long; at most ${max} fit`]
    : [];
}

function instant(field: string, optional = false): Check {
  return record => {
    const value = record[field];
    if (value === undefined && optional) return [];
    if (!isIsoInstant(value)) {
      return [
        `${field}: "${String(
          value,
        )}" is not an ISO 8601 time with an offset, e.g. 2026-03-02T09:00:00Z`,
      ];
    }
    return [];
  };
}

function text(field: string, optional = false): Check {
  return record => {
    const value = record[field];
    if (value === undefined && optional) return [];
    return typeof value === 'string' && value.trim()
      ? tooLong(field, value)
      : [`${field}: must be a non-empty string`];
  };
}

function ref(
  field: string,
  kind: 'user' | 'group' | 'any',
  optional = false,
): Check {
  return record => {
    const value = record[field];
    if (value === undefined && optional) return [];
    try {
      const parsed = parseEntityRef(String(value));
      if (String(value).length > 255) return tooLong(field, value);
      if (kind !== 'any' && parsed.kind.toLocaleLowerCase('en-US') !== kind) {
        return [
          `${field}: "${value}" must be a ${kind} ref, e.g. ${kind}:default/name`,
        ];
      }
      return [];
    } catch {
      return [
        `${field}: "${String(value)}" is not a full entity ref such as ${
          kind === 'any' ? 'component' : kind
        }:default/name`,
      ];
    }
  };
}

function notBefore(later: string, earlier: string): Check {
  return record => {
    const [a, b] = [record[later], record[earlier]];
    if (typeof a !== 'string' || typeof b !== 'string') return [];
    return Date.parse(a) < Date.parse(b)
      ? [`${later}: must not be before ${earlier}`]
      : [];
  };
}

const SHIFT_CHECKS: Check[] = [
  text('source'),
  text('externalId'),
  ref('teamRef', 'group'),
  ref('userRef', 'user'),
  text('schedule', true),
  instant('startsAt'),
  instant('endsAt'),
  record =>
    typeof record.startsAt === 'string' &&
    typeof record.endsAt === 'string' &&
    Date.parse(record.endsAt) <= Date.parse(record.startsAt)
      ? ['endsAt: must be after startsAt']
      : [],
];

const PAGE_CHECKS: Check[] = [
  text('source'),
  text('externalId'),
  ref('entityRef', 'any', true),
  ref('teamRef', 'group', true),
  ref('responderRef', 'user', true),
  text('title', true),
  record =>
    (PAGE_SEVERITIES as readonly unknown[]).includes(record.severity)
      ? []
      : [
          `severity: "${String(
            record.severity,
          )}" is not one of ${PAGE_SEVERITIES.join(', ')}`,
        ],
  instant('triggeredAt'),
  instant('acknowledgedAt', true),
  instant('resolvedAt', true),
  notBefore('acknowledgedAt', 'triggeredAt'),
  notBefore('resolvedAt', 'triggeredAt'),
  record =>
    record.entityRef === undefined && record.teamRef === undefined
      ? ['entityRef: a page needs an entityRef or a teamRef']
      : [],
];

const TOIL_CHECKS: Check[] = [
  text('source'),
  text('externalId'),
  ref('teamRef', 'group'),
  ref('userRef', 'user'),
  text('category', true),
  instant('startedAt'),
  record =>
    Number.isInteger(record.minutes) &&
    (record.minutes as number) > 0 &&
    (record.minutes as number) <= 24 * 60
      ? []
      : [
          `minutes: "${String(
            record.minutes,
          )}" must be a whole number of minutes from 1 to 1440`,
        ],
];

/**
 * Checks every record of a batch and returns it typed, or throws one
 * InputError listing each bad record by its index and field, so a batch is
 * written whole or not at all.
 */
export function validateBatch(body: unknown): OncallEventBatch {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InputError(
      'The body must be an object with shifts, pages and/or toil arrays',
    );
  }
  const batch = body as Record<string, unknown>;
  const problems: string[] = [];
  const lists: Array<[string, Check[]]> = [
    ['shifts', SHIFT_CHECKS],
    ['pages', PAGE_CHECKS],
    ['toil', TOIL_CHECKS],
  ];
  let total = 0;
  for (const [name, checks] of lists) {
    const list = batch[name];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push(`${name}: must be an array`);
      continue;
    }
    total += list.length;
    list.forEach((record, index) => {
      const found =
        typeof record === 'object' && record !== null
          ? checks.flatMap(check => check(record as Record<string, unknown>))
          : ['must be an object'];
      problems.push(...found.map(problem => `${name}[${index}].${problem}`));
    });
  }
  if (total === 0 && problems.length === 0) {
    throw new InputError(
      'The batch is empty: send at least one of shifts, pages or toil',
    );
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).join('; ');
    const more =
      problems.length > 20 ? `; and ${problems.length - 20} more` : '';
    throw new InputError(
      `Rejected the whole batch, nothing was stored: ${shown}${more}`,
    );
  }
  return {
    shifts: batch.shifts as OncallShift[] | undefined,
    pages: batch.pages as OncallPage[] | undefined,
    toil: batch.toil as ToilEntry[] | undefined,
  };
}
