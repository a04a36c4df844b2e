import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';

/**
 * Paths anyone may call: readiness, and PagerDuty's webhook, whose HMAC
 * signature is its credential (PagerDuty cannot send a Backstage token).
 */
export const PUBLIC_PATHS: readonly string[] = [
  '/health',
  '/webhooks/pagerduty',
];

/**
 * The first segment of every path in the contract (`/entities`, `/teams`,
 * ...). Backstage's credentials barrier lets these through to the plugin's
 * own gate, which authenticates them just as strictly and also audits a
 * refusal; any other path of the plugin (Backstage's own permission and
 * actions routes) stays behind the barrier.
 */
export function gatedPathPrefixes(doc: { paths: object }): string[] {
  const prefixes = Object.keys(doc.paths).map(path => `/${path.split('/')[1]}`);
  return [...new Set(prefixes)];
}

/** Statuses that mean a request was refused rather than failed. */
const REFUSALS = new Set([400, 401, 403, 413, 415]);

const STATUS_BY_NAME: Record<string, number> = {
  InputError: 400,
  AuthenticationError: 401,
  NotAllowedError: 403,
};

/** The status Backstage's error handler will answer `error` with. */
function statusOf(error: unknown): number | undefined {
  const { statusCode, status, name } = (error ?? {}) as Record<string, unknown>;
  for (const value of [statusCode, status]) {
    if (typeof value === 'number' && Number.isInteger(value)) return value;
  }
  return typeof name === 'string' ? STATUS_BY_NAME[name] : undefined;
}

const AUDITED = Symbol('sre-ownership.audited');

/** Marks a request whose handler records its own audit event. */
export function markAudited(request: express.Request): void {
  (request as unknown as Record<symbol, boolean>)[AUDITED] = true;
}

/**
 * The plugin's gate: every request but those to {@link PUBLIC_PATHS} must
 * carry a user or service token (401 otherwise, or 403 for a token
 * restricted to another plugin), checked before the body is read; and every
 * refusal (400, 401, 403, 413, 415) that its handler did not audit itself is
 * recorded as a `request-refused` audit event.
 */
export function createRequestGate(options: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): {
  authenticate: express.RequestHandler;
  auditRefusals: express.ErrorRequestHandler;
} {
  const { httpAuth, auditor } = options;
  return {
    authenticate(req, _res, next) {
      if (PUBLIC_PATHS.includes(req.path)) {
        next();
        return;
      }
      httpAuth
        .credentials(req, { allow: ['user', 'service'] })
        .then(() => next(), next);
    },
    auditRefusals(error, req, _res, next) {
      const status = statusOf(error);
      const audited = (req as unknown as Record<symbol, boolean>)[AUDITED];
      if (audited || !status || !REFUSALS.has(status)) {
        next(error);
        return;
      }
      auditor
        .createEvent({
          eventId: 'request-refused',
          severityLevel: 'medium',
          request: req,
          meta: { method: req.method, path: req.path, status },
        })
        // The request's token may be what is wrong: record it without one.
        .catch(() =>
          auditor.createEvent({
            eventId: 'request-refused',
            severityLevel: 'medium',
            meta: { method: req.method, path: req.path, status },
          }),
        )
        .then(event => event.fail({ error: error as Error }))
        .then(
          () => next(error),
          () => next(error),
        );
    },
  };
}
