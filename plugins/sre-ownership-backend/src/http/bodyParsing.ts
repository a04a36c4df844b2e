import { CustomErrorBase, InputError } from '@backstage/errors';
import express from 'express';

/** The routes machines post on-call events to; a refusal says nothing was stored. */
export const INGESTION_PATHS: readonly string[] = [
  '/events',
  '/webhooks/alertmanager',
  '/webhooks/pagerduty',
];

/** Whether a refusal on this path should say that nothing was stored. */
export const isIngestionPath = (path: string) => INGESTION_PATHS.includes(path);

/** A request body in a media type the route does not accept (415). */
export class UnsupportedMediaTypeError extends CustomErrorBase {
  readonly statusCode = 415;
}

/** A request body larger than the route accepts (413). */
export class PayloadTooLargeError extends CustomErrorBase {
  readonly statusCode = 413;
}

const rawBodies = new WeakMap<object, Buffer>();

/** The bytes a request was sent as, which PagerDuty signs; undefined without a body. */
export const rawBodyOf = (req: object): Buffer | undefined =>
  rawBodies.get(req);

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
  const stored = isIngestionPath(req.path) ? ' Nothing was stored.' : '';
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
    rawBodies.set(req, buffer);
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
