/**
 * Refusals by the OpenAPI validator, in the words the plugin's own checks
 * use: `<field>: <problem>`, the problem taken from the schema.
 */
import { InputError } from '@backstage/errors';
import express from 'express';
import {
  formatProblem,
  integerProblem,
  NumberSchema,
  patternProblem,
} from '../schema/problems';
import { isIngestionPath } from './bodyParsing';
import { OperationOf, SpecDocument, operationsOf } from './specOperations';

/** `pages/3/source` as `pages[3].source`. */
const dotted = (path: string) =>
  path
    .split('/')
    .filter(Boolean)
    .map((part, index) =>
      /^\d+$/.test(part) ? `[${part}]` : `${index ? '.' : ''}${part}`,
    )
    .join('');

type Schema = NumberSchema & {
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
};

/** Reading a document's schemas, and finding its operation for a request. */
interface Contract {
  schemas: Readonly<Record<string, unknown>>;
  operationOf: OperationOf;
}

const resolve = (
  contract: Contract,
  schema: Schema | undefined,
): Schema | undefined =>
  schema?.$ref
    ? (contract.schemas[schema.$ref.split('/').pop()!] as Schema | undefined)
    : schema;

/** The schema of the value at a path, following refs, items and maps. */
function schemaAt(
  contract: Contract,
  root: Schema | undefined,
  path: string[],
): Schema | undefined {
  let schema = resolve(contract, root);
  for (const part of path) {
    const map =
      typeof schema?.additionalProperties === 'object'
        ? schema.additionalProperties
        : undefined;
    schema = resolve(
      contract,
      /^\d+$/.test(part) ? schema?.items : schema?.properties?.[part] ?? map,
    );
  }
  return schema;
}

/** The schema a validator message's `request/<where>/…` path points at. */
function schemaOf(
  contract: Contract,
  req: express.Request,
  where: string,
  path: string[],
): Schema | undefined {
  const operation = contract.operationOf(req.method, req.path)?.operation;
  if (where === 'body') {
    return schemaAt(
      contract,
      operation?.requestBody?.content?.['application/json']?.schema as Schema,
      path,
    );
  }
  const [name, ...rest] = path;
  const parameter = operation?.parameters?.find(
    p => p.in === (where === 'params' ? 'path' : where) && p.name === name,
  );
  return schemaAt(contract, parameter?.schema as Schema, rest);
}

/** The problem in words, for a validator message about one value. */
function problemOf(
  contract: Contract,
  req: express.Request,
  where: string,
  path: string[],
  problem: string,
): { field?: string; problem: string } {
  const missing = /^must have required property '(.+)'$/.exec(problem);
  if (missing) return { field: missing[1], problem: 'is required' };
  const schema = schemaOf(contract, req, where, path);
  const pattern = /^must match pattern "(.*)"$/.exec(problem);
  if (pattern) return { problem: patternProblem(pattern[1]) ?? problem };
  const format = /^must match format "(.*)"$/.exec(problem);
  if (format) return { problem: formatProblem(format[1]) ?? problem };
  if (/^must be (integer|number|<=|>=|<|>)/.test(problem)) {
    return { problem: integerProblem(schema) ?? problem };
  }
  if (problem === 'must NOT have additional properties') {
    const known = Object.keys(schema?.properties ?? {});
    const value = path.reduce<any>((at, part) => at?.[part], req.body);
    const unknown = Object.keys(value ?? {}).find(key => !known.includes(key));
    if (unknown) {
      return {
        field: unknown,
        problem: `is not a field here; known fields are ${known.join(', ')}`,
      };
    }
  }
  return { problem };
}

const unknownQuery = /^Unknown query parameter '(.+)'$/;
const emptyQuery = /^Empty value found for query parameter '(.+)'$/;
const reservedQuery = /^Parameter '(.+)' must be url encoded/;

/** A validator message about a query parameter it names in quotes. */
function queryMessage(
  contract: Contract,
  req: express.Request,
  message: string,
) {
  const unknown = unknownQuery.exec(message);
  if (unknown) {
    const known = (
      contract.operationOf(req.method, req.path)?.operation?.parameters ?? []
    )
      .filter(parameter => parameter.in === 'query')
      .map(parameter => parameter.name);
    return `${unknown[1]}: is not a query parameter here; ${
      known.length
        ? `known ones are ${known.join(', ')}`
        : 'this route takes none'
    }`;
  }
  const empty = emptyQuery.exec(message);
  if (empty) return `${empty[1]}: must not be empty`;
  const reserved = reservedQuery.exec(message);
  return reserved
    ? `${reserved[1]}: must be percent-encoded; write : / ? # [ ] @ ! $ & ' ( ) * + , ; = as %XX`
    : undefined;
}

/**
 * Rewrites the OpenAPI validator's "request/body/pages/3/source must ..."
 * as "pages[3].source: must ...", "request/query/days must be <= 366" as
 * "days: must be an integer from 1 to 366", and its other refusals of a
 * parameter likewise, the way the plugin's own checks name a field, so
 * that every refusal reads alike and names the field: also the missing
 * one and the one the schema does not know.
 */
export function plainRequestErrors(
  doc: SpecDocument,
): express.ErrorRequestHandler {
  const contract: Contract = {
    schemas: doc.components.schemas,
    operationOf: operationsOf(doc),
  };
  return (error, req, _res, next) => {
    if (!(error instanceof Error) || error.name !== 'InputError') {
      next(error);
      return;
    }
    const query = queryMessage(contract, req, error.message);
    if (query) {
      next(new InputError(query));
      return;
    }
    const found = /^request\/(body|query|params)(\/\S*)? (.*)$/.exec(
      error.message,
    );
    if (!found) {
      next(error);
      return;
    }
    const [, where, at, message] = found;
    const path = (at ?? '').split('/').filter(Boolean);
    const described = problemOf(contract, req, where, path, message);
    const field =
      [dotted(path.join('/')), described.field].filter(Boolean).join('.') ||
      'body';
    const prefix = isIngestionPath(req.path)
      ? 'Rejected the whole delivery, nothing was stored: '
      : '';
    next(new InputError(`${prefix}${field}: ${described.problem}`));
  };
}
