import { InputError } from '@backstage/errors';
import express from 'express';
import { integerProblem } from '../schema/problems';
import { OperationOf, SpecParameter } from './specOperations';

const MALFORMED_ESCAPE = /%(?![0-9a-fA-F]{2})..?/;
// Finding control characters is the point of this pattern.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0001-\u001f\u007f]/;

/** A URL part decoded, or what keeps it from being decoded. */
function decoded(raw: string): { value: string } | { problem: string } {
  try {
    return { value: decodeURIComponent(raw) };
  } catch {
    const bad = MALFORMED_ESCAPE.exec(raw);
    return {
      problem: bad
        ? `has a malformed percent-escape "${bad[0]}"; write a % as %25`
        : 'is not UTF-8 text once its percent-escapes are decoded',
    };
  }
}

/** What is wrong with the text of one URL parameter, or undefined. */
function textProblem(value: string, inPath: boolean): string | undefined {
  if (value.includes('\u0000')) return 'must not contain a NUL character';
  const control = CONTROL.exec(value);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).padStart(4, '0');
    return `must not contain a control character (U+${code.toUpperCase()})`;
  }
  // Express decodes %2F in a path parameter into a slash no entity name,
  // namespace, kind or invitation id holds.
  if (inPath && value.includes('/')) return 'must not contain "/"';
  return undefined;
}

/** The raw `name=value` pairs of a query string, decoded as forms are. */
function queryPairs(query: string) {
  return query
    .split('&')
    .filter(Boolean)
    .map(pair => {
      const at = pair.indexOf('=');
      const [name, value] =
        at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
      return {
        name: decoded(name.replace(/\+/g, ' ')),
        value: decoded(value.replace(/\+/g, ' ')),
        rawName: name,
      };
    });
}

/**
 * What the OpenAPI validator cannot say about a URL, checked before it runs,
 * for every route: a path or query parameter must decode (no malformed
 * percent-escape, UTF-8 underneath), hold no NUL or control character, and
 * in a path no encoded slash; an integer parameter must be written in
 * digits (the validator turns "1e400" into Infinity and " 0x10" into 16
 * before checking the range), once. Anything else about a parameter (its
 * range, length, enum, the parameters a route knows) is the contract's.
 *
 * @throws InputError as `<parameter>: <problem>`
 */
export function requestGuard(operationOf: OperationOf): express.RequestHandler {
  return (req, _res, next) => {
    const problem = urlProblem(operationOf, req);
    next(problem ? new InputError(problem) : undefined);
  };
}

function urlProblem(
  operationOf: OperationOf,
  req: express.Request,
): string | undefined {
  const matched = operationOf(req.method, req.path);
  for (const [name, raw] of Object.entries(matched?.rawParams ?? {})) {
    const part = decoded(raw);
    const problem =
      'problem' in part ? part.problem : textProblem(part.value, true);
    if (problem) return `${name}: ${problem}`;
  }
  const at = req.originalUrl.indexOf('?');
  if (at < 0) return undefined;
  const parameters = new Map<string, SpecParameter>(
    (matched?.operation?.parameters ?? [])
      .filter(parameter => parameter.in === 'query')
      .map(parameter => [parameter.name, parameter]),
  );
  const seen = new Set<string>();
  for (const pair of queryPairs(req.originalUrl.slice(at + 1))) {
    if ('problem' in pair.name) return `${pair.rawName}: ${pair.name.problem}`;
    const name = pair.name.value;
    const nameProblem = textProblem(name, false);
    // A name with a NUL or control character is shown as it was sent.
    if (nameProblem) return `${pair.rawName}: ${nameProblem}`;
    const problem =
      'problem' in pair.value
        ? pair.value.problem
        : textProblem(pair.value.value, false) ??
          integerSyntaxProblem(parameters.get(name), pair.value.value) ??
          repeatProblem(parameters.get(name), seen.has(name));
    if (problem) return `${name}: ${problem}`;
    seen.add(name);
  }
  return undefined;
}

function integerSyntaxProblem(
  parameter: SpecParameter | undefined,
  value: string,
): string | undefined {
  const expected = integerProblem(parameter?.schema);
  if (!expected || value === '') return undefined;
  return /^-?\d{1,15}$/.test(value) ? undefined : expected;
}

function repeatProblem(
  parameter: SpecParameter | undefined,
  repeated: boolean,
): string | undefined {
  return repeated && parameter && parameter.schema?.type !== 'array'
    ? 'must be given once'
    : undefined;
}
