import { SRE_OWNERSHIP_ANNOTATIONS } from './annotations';

/**
 * The four SRE specialist roles.
 *
 * @public
 */
export const SPECIALIST_ROLES = [
  'educator',
  'slo-guard',
  'infrastructure-architect',
  'incident-response-leader',
] as const;

/**
 * One of {@link SPECIALIST_ROLES}.
 *
 * @public
 */
export type SpecialistRole = (typeof SPECIALIST_ROLES)[number];

/**
 * Title, one-line description and annotation key of each specialist role.
 *
 * @public
 */
export const SPECIALIST_ROLE_INFO: Record<
  SpecialistRole,
  { title: string; description: string; annotation: string }
> = {
  educator: {
    title: 'Educator',
    description: 'Teaches SRE practices and drives their adoption.',
    annotation: SRE_OWNERSHIP_ANNOTATIONS.educator,
  },
  'slo-guard': {
    title: 'SLO guard',
    description:
      'Defends the SLOs and runs SLO reviews; the one who will say no.',
    annotation: SRE_OWNERSHIP_ANNOTATIONS.sloGuard,
  },
  'infrastructure-architect': {
    title: 'Infrastructure architect',
    description: 'Builds the shared reliability tooling and infrastructure.',
    annotation: SRE_OWNERSHIP_ANNOTATIONS.infrastructureArchitect,
  },
  'incident-response-leader': {
    title: 'Incident response leader',
    description:
      'Owns runbooks and on-call schedules, runs incidents, drives retrospectives.',
    annotation: SRE_OWNERSHIP_ANNOTATIONS.incidentResponseLeader,
  },
};
