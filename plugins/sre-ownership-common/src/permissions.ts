import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Allows sending on-call events (shifts, pages, toil) to the plugin.
 *
 * @public
 */
export const sreOwnershipEventsCreatePermission = createPermission({
  name: 'sre-ownership.events.create',
  attributes: { action: 'create' },
});

/**
 * Allows delivering Prometheus Alertmanager notifications to the plugin's
 * webhook, and nothing else: grant it alone to Alertmanager's token.
 *
 * @public
 */
export const sreOwnershipAlertsReceivePermission = createPermission({
  name: 'sre-ownership.alerts.receive',
  attributes: { action: 'create' },
});

/**
 * Allows reading per-engineer on-call burden figures.
 *
 * @public
 */
export const sreOwnershipBurdenReadPermission = createPermission({
  name: 'sre-ownership.burden.read',
  attributes: { action: 'read' },
});

/**
 * Every permission the plugin defines.
 *
 * @public
 */
export const sreOwnershipPermissions = [
  sreOwnershipEventsCreatePermission,
  sreOwnershipAlertsReceivePermission,
  sreOwnershipBurdenReadPermission,
];
