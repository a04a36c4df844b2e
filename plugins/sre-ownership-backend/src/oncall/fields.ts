/**
 * The rules every stored field of a shift, page or toil entry obeys, whichever
 * route it came through: lengths that fit the columns, text that PostgreSQL
 * and SQLite store as sent, real calendar times, and well-formed entity refs.
 * The OpenAPI spec states the shapes; these functions check what a JSON
 * Schema cannot (calendar dates, time order, characters) and are the one
 * home of those rules.
 */
import { makeValidator } from '@backstage/catalog-model';

/** Widths of the database columns, in characters (code points). */
export const FIELD_LIMITS = {
  source: 64,
  externalId: 512,
  ref: 255,
  schedule: 255,
  category: 64,
  /** `title` is a text column; bounded so one page cannot be megabytes. */
  title: 1024,
} as const;

/** The earliest and latest accepted times: on-call facts are 1970–9999. */
const MIN_YEAR = 1970;
const MAX_YEAR = 9999;

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/** The shape of an instant, for the OpenAPI spec. */
export const INSTANT_PATTERN = INSTANT.source;

const isLeapYear = (year: number) =>
  year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

const daysIn = (year: number, month: number) => {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
};

/**
 * Epoch milliseconds of an RFC 3339 time with an offset, e.g.
 * `2026-03-02T09:00:00Z` or `2026-03-02T10:00+01:00`; undefined unless
 * every part is real: no 30 February, no hour 24, no offset beyond ±23:59
 * (`Date.parse` rolls such values over into another day).
 */
export function parseInstant(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = INSTANT.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map(i =>
    Number(m[i]),
  );
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis =
    m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0').slice(0, 3));
  const [offsetHours, offsetMinutes] = [Number(m[10] ?? 0), Number(m[11] ?? 0)];
  if (
    year < MIN_YEAR ||
    year > MAX_YEAR ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysIn(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    offsetHours > 23 ||
    offsetMinutes > 59
  ) {
    return undefined;
  }
  const offset = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  return (
    Date.UTC(year, month - 1, day, hour, minute, second, millis) -
    offset * 60_000
  );
}

const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Length in characters (code points), as PostgreSQL's varchar counts. */
export const characters = (value: string) => [...value].length;

/**
 * What is wrong with a text value, or undefined: it must be a string with
 * something besides spaces, fit its column, and hold no NUL (PostgreSQL
 * cannot store one) and no lone UTF-16 surrogate (stored as U+FFFD, it
 * would make two different ids one).
 */
export function textProblem(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string' || !value.trim()) {
    return 'must be a non-empty string';
  }
  if (value.includes('\u0000')) {
    return 'contains a NUL character (U+0000), which cannot be stored';
  }
  if (LONE_SURROGATE.test(value)) {
    return 'contains a lone UTF-16 surrogate, which is not text';
  }
  const length = characters(value);
  return length > max
    ? `is ${length} characters long; at most ${max} fit`
    : undefined;
}

/** What is wrong with a time, or undefined. */
export function instantProblem(value: unknown): string | undefined {
  return parseInstant(value) === undefined
    ? `"${String(
        value,
      )}" is not a real time in RFC 3339 form with an offset, e.g. 2026-03-02T09:00:00Z`
    : undefined;
}

const validators = makeValidator();

/**
 * The one stored and compared form of an entity ref: Backstage compares
 * kind, namespace and name case-insensitively, so `group:edge/ALPHA` and
 * `group:edge/alpha` are one team and `user:edge/Sydney` one person.
 * Refs are stored lower-cased and every lookup lower-cases its ref.
 */
export function canonicalRef(ref: string): string {
  return ref.toLocaleLowerCase('en-US');
}

/** {@link canonicalRef} of a ref that may be absent. */
export const canonicalOptionalRef = <T extends string | undefined | null>(
  ref: T,
): T => (typeof ref === 'string' ? (canonicalRef(ref) as T) : ref);

/**
 * What is wrong with an entity ref, or undefined. Refs are stored as sent
 * and matched against catalog refs, so only the full
 * `kind:namespace/name` form with catalog-valid parts is accepted.
 */
export function refProblem(
  value: unknown,
  kind: 'user' | 'group' | 'any',
): string | undefined {
  const example = `${kind === 'any' ? 'component' : kind}:default/name`;
  const text = textProblem(value, FIELD_LIMITS.ref);
  if (text) return text;
  const match = /^([^:/]+):([^:/]+)\/([^:/]+)$/.exec(value as string);
  if (
    !match ||
    !validators.isValidKind(match[1]) ||
    // Namespaces compare case-insensitively like the rest of a ref.
    !validators.isValidNamespace(match[2].toLocaleLowerCase('en-US')) ||
    !validators.isValidEntityName(match[3])
  ) {
    return `"${value}" is not a full entity ref such as ${example}`;
  }
  if (kind !== 'any' && match[1].toLocaleLowerCase('en-US') !== kind) {
    return `"${value}" must be a ${kind} ref, e.g. ${example}`;
  }
  return undefined;
}
