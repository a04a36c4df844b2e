/**
 * The patterns the contract uses, each with the words a refusal of it says,
 * and the words for a number outside its schema: the OpenAPI validator only
 * says "must match pattern ^[^:/]+:…" or "must be <= 366", which names the
 * rule's code, not what to send.
 */
import { INSTANT_PATTERN } from '../oncall/fields';

/** A pattern of the contract and what a value refused by it must be. */
export interface ContractPattern {
  pattern: string;
  problem: string;
}

/** Text with no NUL and no control character but line breaks and tabs. */
export const PLAIN_TEXT: ContractPattern = {
  pattern: '^[^\\u0000-\\u0008\\u000b-\\u001f\\u007f]*$',
  problem:
    'must not contain a NUL or another control character (line breaks and tabs are fine)',
};

/** A full entity ref. */
export const ENTITY_REF: ContractPattern = {
  pattern: '^[^:/]+:[^:/]+/[^:/]+$',
  problem: 'must be a full entity ref, kind:namespace/name',
};

/** A calendar day. */
export const DAY: ContractPattern = {
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  problem: 'must be a day written YYYY-MM-DD, e.g. 2026-03-10',
};

/** An RFC 3339 time with an offset. */
export const INSTANT: ContractPattern = {
  pattern: INSTANT_PATTERN,
  problem: 'must be an RFC 3339 time with an offset, e.g. 2026-03-02T09:00:00Z',
};

const PATTERNS = [PLAIN_TEXT, ENTITY_REF, DAY, INSTANT];

/** What a value of each string format the contract uses must be. */
const FORMATS: Record<string, string> = {
  'date-time':
    'must be an ISO 8601 date-time with an offset, e.g. 2026-09-01T00:00:00Z (in a query string a + reads as a space: write an offset +02:00 as %2B02:00)',
};

/** What a value refused by `format` must be, if the contract knows it. */
export function formatProblem(format: string): string | undefined {
  return FORMATS[format];
}

/** What a value refused by `pattern` must be, if the contract knows it. */
export function patternProblem(pattern: string): string | undefined {
  return PATTERNS.find(known => known.pattern === pattern)?.problem;
}

/** A number's schema, as far as its bounds go. */
export interface NumberSchema {
  type?: unknown;
  minimum?: number;
  maximum?: number;
}

/**
 * What an integer must be under its schema, e.g. "must be an integer from
 * 1 to 366"; undefined for a schema that is not an integer's.
 */
export function integerProblem(
  schema: NumberSchema | undefined,
): string | undefined {
  if (schema?.type !== 'integer') return undefined;
  const { minimum, maximum } = schema;
  if (minimum !== undefined && maximum !== undefined) {
    return `must be an integer from ${minimum} to ${maximum}`;
  }
  if (minimum !== undefined) return `must be an integer of ${minimum} or more`;
  if (maximum !== undefined) return `must be an integer of ${maximum} or less`;
  return 'must be an integer';
}
