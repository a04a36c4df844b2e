import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import express, { Request as ExpressRequest } from 'express';
import { createRequestGate, markAudited } from './requestGate';

// Any route's request, whatever its typed parameters and body.
type Request = ExpressRequest<any, any, any, any, any>;

/** How the routes authenticate, authorize and audit a request. */
export interface RouteAccess {
  /** The caller's credentials: a user or a service. */
  credentials(request: Request): Promise<BackstageCredentials>;
  /**
   * The caller's credentials, if the caller holds the permission; otherwise
   * a NotAllowedError (403). A user's permission is the policy's decision;
   * a token from outside the backend needs the permission by name in its
   * `accessRestrictions` (see requireNamedGrants).
   */
  authorize(
    request: Request,
    permission: BasicPermission,
  ): Promise<BackstageCredentials>;
  /**
   * Like {@link RouteAccess.authorize}, for a permission on one resource
   * (e.g. a team's Group ref): conditional decisions are evaluated against
   * it.
   */
  authorizeResource(
    request: Request,
    permission: ResourcePermission,
    resourceRef: string,
  ): Promise<BackstageCredentials>;
  /**
   * Middleware that refuses a request without a user or service token (401)
   * before its body is read; public paths pass (see requestGate).
   */
  authenticate: express.RequestHandler;
  /**
   * Error middleware that audits a refusal (400, 401, 403, 413, 415) its
   * handler did not record through {@link RouteAccess.audited}.
   */
  auditRefusals: express.ErrorRequestHandler;
  /**
   * Runs a request's work as one audit event, which records refusals (401,
   * 403, a bad signature, a bad body) as failures as well as what was
   * stored.
   */
  audited<T extends JsonObject>(
    eventId: string,
    request: Request,
    work: () => Promise<T>,
  ): Promise<T>;
}

/** {@link RouteAccess} on the backend's auth, permission and audit services. */
export function createRouteAccess(options: {
  auth: AuthService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
}): RouteAccess {
  const { auth, httpAuth, permissions, auditor } = options;
  const credentials = (request: Request) =>
    httpAuth.credentials(request, { allow: ['user', 'service'] });

  async function decide(
    request: Request,
    query: AuthorizePermissionRequest,
  ): Promise<BackstageCredentials> {
    const { permission } = query;
    const caller = await credentials(request);
    // `permissions` is bound by requireNamedGrants: a token from outside the
    // backend holds only the permissions its accessRestrictions name.
    const [decision] = await permissions.authorize([query], {
      credentials: caller,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        auth.isPrincipal(caller, 'service')
          ? `${caller.principal.subject} may not use ${permission.name}: grant it by name in the token's accessRestrictions (backend.auth.externalAccess)`
          : `This needs the ${permission.name} permission`,
      );
    }
    return caller;
  }

  return {
    credentials,
    ...createRequestGate({ httpAuth, auditor }),

    authorize: (request, permission) => decide(request, { permission }),

    authorizeResource: (request, permission, resourceRef) =>
      decide(request, { permission, resourceRef }),

    async audited(eventId, request, work) {
      markAudited(request);
      const event = await auditor
        .createEvent({ eventId, severityLevel: 'medium', request })
        // A token that cannot be read is itself a refusal worth recording.
        .catch(() =>
          auditor.createEvent({
            eventId,
            severityLevel: 'medium',
            meta: { actor: 'unreadable credentials', url: request.originalUrl },
          }),
        );
      try {
        const result = await work();
        await event.success({ meta: result });
        return result;
      } catch (error) {
        await event.fail({ error: error as Error });
        throw error;
      }
    },
  };
}
