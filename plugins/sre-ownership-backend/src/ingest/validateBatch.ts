import { InputError } from '@backstage/errors';
import {
  OncallPage,
  OncallShift,
  ToilEntry,
} from '@sre-ownership/plugin-sre-ownership-common';
import { OncallEventBatch } from '../oncall/OncallStore';
import {
  FieldProblem,
  RecordKind,
  recordProblems,
  rejectIfAny,
} from './records';

const KINDS: RecordKind[] = ['shifts', 'pages', 'toil'];

/** Most records one batch may hold, of all kinds together. */
export const MAX_BATCH_RECORDS = 10_000;

const recordName = (kind: string, index: number) => (field: string) =>
  field ? `${kind}[${index}].${field}` : `${kind}[${index}]`;

/**
 * Checks every record of a bulk batch and returns it typed, or throws one
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
  const problems: Array<{
    name: (field: string) => string;
    problem: FieldProblem;
  }> = [];
  const top = (field: string) => field;
  for (const field of Object.keys(batch)) {
    if (!(KINDS as string[]).includes(field)) {
      problems.push({
        name: top,
        problem: {
          field,
          message: 'is not part of a batch; send shifts, pages and/or toil',
        },
      });
    }
  }
  let total = 0;
  for (const kind of KINDS) {
    const list = batch[kind];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push({
        name: top,
        problem: { field: kind, message: 'must be an array' },
      });
      continue;
    }
    total += list.length;
    list.forEach((record, index) => {
      const name = recordName(kind, index);
      for (const found of recordProblems(kind, record)) {
        problems.push({ name, problem: found });
      }
    });
  }
  if (total === 0 && problems.length === 0) {
    throw new InputError(
      'The batch is empty: send at least one of shifts, pages or toil',
    );
  }
  if (total > MAX_BATCH_RECORDS) {
    throw new InputError(
      `The batch holds ${total} records; send at most ${MAX_BATCH_RECORDS} at a time`,
    );
  }
  rejectIfAny(problems);
  return {
    shifts: batch.shifts as OncallShift[] | undefined,
    pages: batch.pages as OncallPage[] | undefined,
    toil: batch.toil as ToilEntry[] | undefined,
  };
}
