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
 * The resource type of a team (a Group entity, by its entity ref) for the
 * permissions on its people's figures.
 *
 * @public
 */
export const SRE_OWNERSHIP_TEAM_RESOURCE_TYPE = 'sre-ownership-team';

/**
 * Allows reading a team's per-engineer figures (burden, and what is derived
 * from it). A resource permission on the Group: a policy can answer it with
 * the conditions `isTeamMember` and `isTeamManager`
 * (`sreOwnershipTeamConditions` in the backend package).
 *
 * @public
 */
export const sreOwnershipBurdenReadPermission = createPermission({
  name: 'sre-ownership.burden.read',
  attributes: { action: 'read' },
  resourceType: SRE_OWNERSHIP_TEAM_RESOURCE_TYPE,
});

/**
 * Allows reading the comments of a team's anonymous on-call pulse (never
 * with names or shift times). A resource permission on the Group, like
 * `sre-ownership.burden.read`, so a policy can grant it to the team's
 * managers only.
 *
 * @public
 */
export const sreOwnershipPulseCommentsReadPermission = createPermission({
  name: 'sre-ownership.pulse.comments.read',
  attributes: { action: 'read' },
  resourceType: SRE_OWNERSHIP_TEAM_RESOURCE_TYPE,
});

/**
 * Allows recording rest an engineer of a team took, which lowers the rest
 * they are owed. A resource permission on the Group, like
 * {@link sreOwnershipBurdenReadPermission}: a policy can grant it with
 * `isTeamMember` and `isTeamManager`. On top of the policy, a user who does
 * not manage the team (its `sre-ownership.io/managers`) may record only
 * their own rest.
 *
 * @public
 */
export const sreOwnershipRestRecordPermission = createPermission({
  name: 'sre-ownership.rest.record',
  attributes: { action: 'create' },
  resourceType: SRE_OWNERSHIP_TEAM_RESOURCE_TYPE,
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
  sreOwnershipPulseCommentsReadPermission,
  sreOwnershipRestRecordPermission,
];
