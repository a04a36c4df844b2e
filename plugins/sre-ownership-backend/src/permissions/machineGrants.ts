import {
  BackstageCredentials,
  BackstagePrincipalTypes,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  AuthorizeResult,
  Permission,
} from '@backstage/plugin-permission-common';
import { sreOwnershipPermissions } from '@sre-ownership/plugin-sre-ownership-common';

const OWN_PERMISSIONS = new Set(sreOwnershipPermissions.map(p => p.name));

type ServicePrincipal = BackstagePrincipalTypes['service'];

/**
 * The `plugin:<id>` subjects an external-access token of this backend's
 * config claims (static and legacy tokens keep the subject they are given).
 * A caller with such a subject may be that token rather than the plugin.
 */
export function impersonatedPluginSubjects(config: Config): Set<string> {
  const subjects = new Set<string>();
  for (const access of config.getOptionalConfigArray(
    'backend.auth.externalAccess',
  ) ?? []) {
    const subject = access.getOptionalString('options.subject');
    if (subject?.startsWith('plugin:')) subjects.add(subject);
  }
  return subjects;
}

/**
 * Whether this service principal is a backend plugin of this deployment
 * calling with its own token, as opposed to a token from outside the backend
 * (static, legacy, JWKS or a custom handler's). Plugin tokens are issued and
 * verified by Backstage with the subject `plugin:<pluginId>` and never carry
 * access restrictions.
 */
function isBackendPlugin(
  principal: ServicePrincipal,
  impersonated: ReadonlySet<string>,
): boolean {
  return (
    principal.subject.startsWith('plugin:') &&
    !principal.accessRestrictions &&
    !impersonated.has(principal.subject)
  );
}

/**
 * Why a machine may not use `permission`, or undefined when it may: a token
 * from outside the backend must be granted each of this plugin's permissions
 * by name in its `accessRestrictions`. Backstage lets a service principal do
 * whatever its access restrictions do not exclude, and never asks the
 * permission policy about it; a token with no restrictions, or one
 * restricted only by plugin or by action attribute, would otherwise have
 * every permission of this plugin.
 */
export function machineRefusal(
  credentials: BackstageCredentials,
  permission: Permission,
  impersonated: ReadonlySet<string>,
): string | undefined {
  const principal = credentials.principal as { type?: string };
  if (principal.type !== 'service' || !OWN_PERMISSIONS.has(permission.name)) {
    return undefined;
  }
  const service = principal as ServicePrincipal;
  if (isBackendPlugin(service, impersonated)) return undefined;
  if (service.accessRestrictions?.permissionNames?.includes(permission.name)) {
    return undefined;
  }
  return `${service.subject} is an external-access token; grant it ${permission.name} by name in its accessRestrictions (backend.auth.externalAccess) to let it do this`;
}

/**
 * The permissions service, except that a token from outside the backend gets
 * none of this plugin's permissions it is not granted by name (see
 * {@link machineRefusal}). Users are decided by the policy, and other
 * backend plugins by Backstage's rules, as before; other plugins'
 * permissions (e.g. `catalog.entity.read`) are left to Backstage, so a token
 * reads through this plugin what it could read from the catalog itself.
 */
export function requireNamedGrants(options: {
  permissions: PermissionsService;
  config: Config;
}): PermissionsService {
  const { permissions } = options;
  const impersonated = impersonatedPluginSubjects(options.config);
  const refused = (
    credentials: BackstageCredentials,
    permission: Permission,
  ): boolean =>
    machineRefusal(credentials, permission, impersonated) !== undefined;
  return {
    async authorize(requests, requestOptions) {
      const decisions = await permissions.authorize(requests, requestOptions);
      return decisions.map((decision, i) =>
        refused(requestOptions.credentials, requests[i].permission)
          ? { result: AuthorizeResult.DENY }
          : decision,
      );
    },
    async authorizeConditional(requests, requestOptions) {
      const decisions = await permissions.authorizeConditional(
        requests,
        requestOptions,
      );
      return decisions.map((decision, i) =>
        refused(requestOptions.credentials, requests[i].permission)
          ? { result: AuthorizeResult.DENY }
          : decision,
      );
    },
  };
}
