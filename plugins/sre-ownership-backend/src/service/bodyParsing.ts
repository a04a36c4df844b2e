import { CustomErrorBase, InputError } from '@backstage/errors';
import express from 'express';
import { spec } from '../schema/openapi';

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

/**
 * Parses JSON bodies before the OpenAPI validator sees them, and answers a
 * body of another media type with 415 and one over the route's limit with
 * 413, rather than the validator's generic 400. Keeps the raw bytes.
 */
export function jsonBodies(): express.RequestHandler[] {
  const keepRawBody = (req: express.Request, _res: unknown, buffer: Buffer) => {
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
        if (error?.type === 'entity.too.large') {
          next(
            new PayloadTooLargeError(
              `The body is ${error.length} bytes; ${req.path} accepts at most ${BODY_LIMITS[route]}. Nothing was stored.`,
            ),
          );
          return;
        }
        next(error);
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

type Schema = {
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
};

/** The schema of the value at a body path, following refs and items. */
function schemaAt(
  root: Schema | undefined,
  path: string[],
): Schema | undefined {
  const resolve = (schema: Schema | undefined): Schema | undefined =>
    schema?.$ref
      ? (spec.components.schemas as Record<string, Schema>)[
          schema.$ref.split('/').pop()!
        ]
      : schema;
  let schema = resolve(root);
  for (const part of path) {
    schema = resolve(
      /^\d+$/.test(part) ? schema?.items : schema?.properties?.[part],
    );
  }
  return schema;
}

/**
 * Rewrites the OpenAPI validator's "request/body/pages/3/source must ..."
 * as "pages[3].source: must ...", the way the plugin's own checks name a
 * field, so that every refusal of a body reads alike and names the field:
 * also the missing one and the one the schema does not know.
 */
export function plainBodyErrors(): express.ErrorRequestHandler {
  return (error, req, _res, next) => {
    const found =
      error instanceof Error && error.name === 'InputError'
        ? /^request\/body(\/\S*)? (.*)$/.exec(error.message)
        : null;
    if (!found) {
      next(error);
      return;
    }
    const path = (found[1] ?? '').split('/').filter(Boolean);
    let field = dotted(path.join('/')) || 'body';
    let problem = found[2];
    const missing = /^must have required property '(.+)'$/.exec(problem);
    if (missing) {
      field = path.length ? `${field}.${missing[1]}` : missing[1];
      problem = 'is required';
    } else if (problem === 'must NOT have additional properties') {
      const operation = (spec.paths as Record<string, any>)[req.path]?.[
        req.method.toLowerCase()
      ];
      const known = Object.keys(
        schemaAt(
          operation?.requestBody?.content?.['application/json']?.schema,
          path,
        )?.properties ?? {},
      );
      const value = path.reduce<any>((at, part) => at?.[part], req.body);
      const unknown = Object.keys(value ?? {}).filter(
        key => !known.includes(key),
      );
      if (unknown.length > 0) {
        field = path.length ? `${field}.${unknown[0]}` : unknown[0];
        problem = `is not a field here; known fields are ${known.join(', ')}`;
      }
    }
    next(
      new InputError(
        `Rejected the whole delivery, nothing was stored: ${field}: ${problem}`,
      ),
    );
  };
}
