/**
 * The SRE Ownership backend plugin.
 *
 * @packageDocumentation
 */
export { sreOwnershipPlugin as default } from './plugin';
export {
  sreOwnershipTeamResourceRef,
  sreOwnershipTeamPermissionRules,
  sreOwnershipTeamConditions,
  createSreOwnershipTeamConditionalDecision,
  isTeamMember,
  isTeamManager,
} from './permissions/teamRules';
