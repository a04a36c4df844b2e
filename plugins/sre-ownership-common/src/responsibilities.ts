import { OwnershipModel } from './model';

/**
 * Areas of the responsibility matrix.
 *
 * @public
 */
export const RESPONSIBILITY_AREAS = [
  'monitoring',
  'deployment-pipelines',
  'incident-tooling',
  'slo-definition',
  'on-call',
  'capacity',
  'postmortems',
  'runbooks',
] as const;

/**
 * One of {@link RESPONSIBILITY_AREAS}.
 *
 * @public
 */
export type ResponsibilityArea = (typeof RESPONSIBILITY_AREAS)[number];

/**
 * Who provides an area: the platform team, the embedded SREs, the product
 * team that owns the service, or platform and embedded together.
 *
 * @public
 */
export const RESPONSIBILITY_PROVIDERS = [
  'platform',
  'embedded',
  'product',
  'shared',
] as const;

/**
 * One of {@link RESPONSIBILITY_PROVIDERS}.
 *
 * @public
 */
export type ResponsibilityProvider = (typeof RESPONSIBILITY_PROVIDERS)[number];

/**
 * A responsibility matrix: who provides each area.
 *
 * @public
 */
export type ResponsibilityMatrix = Record<
  ResponsibilityArea,
  ResponsibilityProvider
>;

/**
 * Human titles of the responsibility areas.
 *
 * @public
 */
export const RESPONSIBILITY_AREA_TITLES: Record<ResponsibilityArea, string> = {
  monitoring: 'Monitoring',
  'deployment-pipelines': 'Deployment pipelines',
  'incident-tooling': 'Incident tooling',
  'slo-definition': 'SLO definition',
  'on-call': 'On-call',
  capacity: 'Capacity',
  postmortems: 'Postmortems',
  runbooks: 'Runbooks',
};

const everything = (provider: ResponsibilityProvider): ResponsibilityMatrix =>
  Object.fromEntries(
    RESPONSIBILITY_AREAS.map(area => [area, provider]),
  ) as ResponsibilityMatrix;

/**
 * Built-in matrix per model, used where neither app-config nor any entity
 * says otherwise. Hybrid follows the usual split: the platform team provides
 * shared infrastructure, embedded SREs apply it to the service.
 *
 * @public
 */
export const DEFAULT_RESPONSIBILITY_MATRICES: Record<
  OwnershipModel,
  ResponsibilityMatrix
> = {
  platform: everything('platform'),
  embedded: everything('embedded'),
  'self-managed': everything('product'),
  hybrid: {
    monitoring: 'platform',
    'deployment-pipelines': 'platform',
    'incident-tooling': 'platform',
    'slo-definition': 'embedded',
    'on-call': 'embedded',
    capacity: 'shared',
    postmortems: 'shared',
    runbooks: 'embedded',
  },
};

/**
 * Whether a string names a responsibility area.
 *
 * @public
 */
export function isResponsibilityArea(
  value: string,
): value is ResponsibilityArea {
  return (RESPONSIBILITY_AREAS as readonly string[]).includes(value);
}

/**
 * Whether a string names a responsibility provider.
 *
 * @public
 */
export function isResponsibilityProvider(
  value: string,
): value is ResponsibilityProvider {
  return (RESPONSIBILITY_PROVIDERS as readonly string[]).includes(value);
}
