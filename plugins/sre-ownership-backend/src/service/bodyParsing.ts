import { CustomErrorBase, InputError } from '@backstage/errors';
import express from 'express';
import { spec } from '../schema/openapi';
import {
  formatProblem,
  integerProblem,
  NumberSchema,
  patternProblem,
} from '../schema/problems';
import { operationOf } from './specOperations';

/** The routes machines post on-call events to; a refusal says nothing was stored. */
const INGESTION_PATHS = [
  '/events',
  '/webhooks/alertmanager',
  '/webhooks/pagerduty',
];

/** A request body in a media type the route does not accept (415). */
export class UnsupportedMediaTypeError extends CustomErrorBase {
  readonly statusCode = 415;
}

/** A request body larger than the route accepts (413). */
export class PayloadTooLargeError extends CustomErrorBase {
  readonly statusCode = 413;
}

/** The request with the bytes it was sent, which PagerDuty signs. */
export type RequestWithRawBody = express.Request & { rawBody?: Buffer };

/**
 * Largest accepted bodies. Webhooks get a small one: the PagerDuty route is
 * open to anyone until its signature is checked, and an Alertmanager
 * notification of one group is a few kilobytes. A bulk batch of
 * 10,000 records of at most about 2 kB each fits in 20 MB.
 */
export const BODY_LIMITS = { webhook: '1mb', batch: '20mb' } as const;

/** A body that is not UTF-8, found before JSON parsing could hide it. */
class NotUtf8Error extends Error {
  readonly type = 'entity.not.utf8';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** What a body-parser error means for the caller, as an error to answer with. */
function bodyError(
  error: { type?: string; length?: number; message?: string; charset?: string },
  req: express.Request,
  limit: string,
): Error {
  const stored = INGESTION_PATHS.includes(req.path)
    ? ' Nothing was stored.'
    : '';
  switch (error.type) {
    case 'entity.too.large': {
      const encoding = req.get('content-encoding');
      const size =
        error.length !== undefined && !encoding
          ? `${error.length} bytes`
          : `over ${limit}${
              encoding ? ` once decompressed (${encoding})` : ''
            }`;
      return new PayloadTooLargeError(
        `The body is ${size}; ${req.path} accepts at most ${limit}.${stored}`,
      );
    }
    case 'entity.not.utf8':
      return new InputError(
        `body: is not valid UTF-8; send JSON encoded as UTF-8 (other bytes would be read as U+FFFD and make different text the same).${stored}`,
      );
    case 'entity.parse.failed':
      return new InputError(
        `body: is not a JSON object or array (${error.message}).${stored}`,
      );
    case 'charset.unsupported':
      return new UnsupportedMediaTypeError(
        `The body is in charset ${error.charset}; send JSON as UTF-8.${stored}`,
      );
    case 'encoding.unsupported':
      return new UnsupportedMediaTypeError(
        `Content-Encoding ${req.get(
          'content-encoding',
        )} is not supported; send the body as it is, or gzip or deflate it.${stored}`,
      );
    default:
      return error as Error;
  }
}

/**
 * Parses JSON bodies before the OpenAPI validator sees them, and answers a
 * body of another media type, charset or encoding with 415, one over the
 * route's limit (once decompressed) with 413, and bytes that are not UTF-8
 * or not JSON with a 400 naming the body, rather than the validator's or
 * the parser's generic answer. Keeps the raw bytes.
 */
export function jsonBodies(): express.RequestHandler[] {
  const keepRawBody = (req: express.Request, _res: unknown, buffer: Buffer) => {
    // The parser would decode invalid bytes to U+FFFD: two different ids
    // would then be stored as one.
    try {
      utf8.decode(buffer);
    } catch {
      throw new NotUtf8Error();
    }
    (req as RequestWithRawBody).rawBody = buffer;
  };
  const parsers = {
    webhook: express.json({ limit: BODY_LIMITS.webhook, verify: keepRawBody }),
    batch: express.json({ limit: BODY_LIMITS.batch, verify: keepRawBody }),
  };
  return [
    (req, _res, next) => {
      // req.is is null without a body and false for another media type.
      if (req.is('application/json') === false) {
        next(
          new UnsupportedMediaTypeError(
            `The body is ${
              req.get('content-type') ?? 'of no declared type'
            }; send application/json. Nothing was stored.`,
          ),
        );
        return;
      }
      const route = req.path.startsWith('/webhooks/') ? 'webhook' : 'batch';
      parsers[route](req, _res as express.Response, error => {
        next(error ? bodyError(error, req, BODY_LIMITS[route]) : undefined);
      });
    },
  ];
}

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

const resolve = (schema: Schema | undefined): Schema | undefined =>
  schema?.$ref
    ? (spec.components.schemas as Record<string, Schema>)[
        schema.$ref.split('/').pop()!
      ]
    : schema;

/** The schema of the value at a path, following refs, items and maps. */
function schemaAt(
  root: Schema | undefined,
  path: string[],
): Schema | undefined {
  let schema = resolve(root);
  for (const part of path) {
    const map =
      typeof schema?.additionalProperties === 'object'
        ? schema.additionalProperties
        : undefined;
    schema = resolve(
      /^\d+$/.test(part) ? schema?.items : schema?.properties?.[part] ?? map,
    );
  }
  return schema;
}

/** The schema a validator message's `request/<where>/…` path points at. */
function schemaOf(
  req: express.Request,
  where: string,
  path: string[],
): Schema | undefined {
  const operation = operationOf(req.method, req.path)?.operation;
  if (where === 'body') {
    return schemaAt(
      operation?.requestBody?.content?.['application/json']?.schema as Schema,
      path,
    );
  }
  const [name, ...rest] = path;
  const parameter = operation?.parameters?.find(
    p => p.in === (where === 'params' ? 'path' : where) && p.name === name,
  );
  return schemaAt(parameter?.schema as Schema, rest);
}

/** The problem in words, for a validator message about one value. */
function problemOf(
  req: express.Request,
  where: string,
  path: string[],
  problem: string,
): { field?: string; problem: string } {
  const missing = /^must have required property '(.+)'$/.exec(problem);
  if (missing) return { field: missing[1], problem: 'is required' };
  const schema = schemaOf(req, where, path);
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
function queryMessage(req: express.Request, message: string) {
  const unknown = unknownQuery.exec(message);
  if (unknown) {
    const known = (
      operationOf(req.method, req.path)?.operation?.parameters ?? []
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
export function plainBodyErrors(): express.ErrorRequestHandler {
  return (error, req, _res, next) => {
    if (!(error instanceof Error) || error.name !== 'InputError') {
      next(error);
      return;
    }
    const query = queryMessage(req, error.message);
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
    const described = problemOf(req, where, path, message);
    const field =
      [dotted(path.join('/')), described.field].filter(Boolean).join('.') ||
      'body';
    const prefix = INGESTION_PATHS.includes(req.path)
      ? 'Rejected the whole delivery, nothing was stored: '
      : '';
    next(new InputError(`${prefix}${field}: ${described.problem}`));
  };
}
