import { Entity } from '@backstage/catalog-model';
import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  SRE_OWNERSHIP_TEAM_RESOURCE_TYPE,
  isManagerOfTeam,
  isMemberOfTeam,
} from '@sre-ownership/plugin-sre-ownership-common';
import { z } from 'zod/v4';

/**
 * The team resource: a Group entity, by its entity ref. Rules are applied to
 * the loaded Group; there is no query form.
 *
 * @public
 */
export const sreOwnershipTeamResourceRef = createPermissionResourceRef<
  Entity,
  never
>().with({
  pluginId: 'sre-ownership',
  resourceType: SRE_OWNERSHIP_TEAM_RESOURCE_TYPE,
});

const claimsSchema = z.object({
  claims: z
    .array(z.string())
    .describe(
      "The caller's user ref and ownership refs, e.g. user.info.ownershipEntityRefs",
    ),
});

// Teams are loaded one at a time from the catalog, never queried in bulk.
const noQuery = (): never => {
  throw new Error('The team permission rules have no query form');
};

/**
 * Allows members of the team: the Group is among the claims, or the Group
 * lists one of them as a direct member.
 *
 * @public
 */
export const isTeamMember = createPermissionRule({
  name: 'IS_TEAM_MEMBER',
  description: 'Allow the members of the team',
  resourceRef: sreOwnershipTeamResourceRef,
  paramsSchema: claimsSchema,
  apply: (group: Entity, { claims }) => isMemberOfTeam(group, claims),
  toQuery: noQuery,
});

/**
 * Allows managers of the team: one of the claims is named in the Group's
 * `sre-ownership.io/managers` annotation.
 *
 * @public
 */
export const isTeamManager = createPermissionRule({
  name: 'IS_TEAM_MANAGER',
  description:
    'Allow the managers of the team named in its sre-ownership.io/managers annotation',
  resourceRef: sreOwnershipTeamResourceRef,
  paramsSchema: claimsSchema,
  apply: (group: Entity, { claims }) => isManagerOfTeam(group, claims),
  toQuery: noQuery,
});

/**
 * The permission rules of the team resource, keyed by name.
 *
 * @public
 */
export const sreOwnershipTeamPermissionRules = { isTeamMember, isTeamManager };

const teamConditionExports = createConditionExports({
  resourceRef: sreOwnershipTeamResourceRef,
  rules: sreOwnershipTeamPermissionRules,
});

/**
 * Conditions for a permission policy, like `catalogConditions`:
 * `sreOwnershipTeamConditions.isTeamMember({ claims })`.
 *
 * @public
 */
export const sreOwnershipTeamConditions = teamConditionExports.conditions;

/**
 * Builds a conditional decision on the team resource, like
 * `createCatalogConditionalDecision`.
 *
 * @public
 */
export const createSreOwnershipTeamConditionalDecision =
  teamConditionExports.createConditionalDecision;
