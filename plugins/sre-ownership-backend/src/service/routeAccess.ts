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
import { Request as ExpressRequest } from 'express';

// Any route's request, whatever its typed parameters and body.
type Request = ExpressRequest<any, any, any, any, any>;

/** How the routes authenticate, authorize and audit a request. */
export interface RouteAccess {
  /** The caller's credentials: a user or a service. */
  credentials(request: Request): Promise<BackstageCredentials>;
  /**
   * The caller's credentials, if the caller holds the permission; otherwise
   * a NotAllowedError (403). A user's permission is the policy's decision.
   * An external-access token (static or JWKS) bypasses the policy in
   * Backstage, so it must also be granted the permission by name in its
   * `accessRestrictions`: a token made for one purpose cannot be used for
   * another.
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
    // Tokens from outside the backend; other plugins' own tokens (subject
    // plugin:<id>) are the backend's code and follow Backstage's rules.
    if (
      auth.isPrincipal(caller, 'service') &&
      caller.principal.subject.startsWith('external:')
    ) {
      const granted = caller.principal.accessRestrictions?.permissionNames;
      if (!granted?.includes(permission.name)) {
        throw new NotAllowedError(
          `${caller.principal.subject} is an external-access token; grant it ${permission.name} in its token's accessRestrictions (backend.auth.externalAccess) to let it do this`,
        );
      }
    }
    const [decision] = await permissions.authorize([query], {
      credentials: caller,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`This needs the ${permission.name} permission`);
    }
    return caller;
  }

  return {
    credentials,

    authorize: (request, permission) => decide(request, { permission }),

    authorizeResource: (request, permission, resourceRef) =>
      decide(request, { permission, resourceRef }),

    async audited(eventId, request, work) {
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
