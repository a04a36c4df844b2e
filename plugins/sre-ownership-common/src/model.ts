/**
 * The ways an organisation can own the reliability of a service.
 *
 * @public
 */
export const OWNERSHIP_MODELS = [
  'platform',
  'embedded',
  'hybrid',
  'self-managed',
] as const;

/**
 * One of {@link OWNERSHIP_MODELS}.
 *
 * @public
 */
export type OwnershipModel = (typeof OWNERSHIP_MODELS)[number];

/**
 * A one-line explanation of each model, shown next to its badge.
 *
 * @public
 */
export const OWNERSHIP_MODEL_DESCRIPTIONS: Record<OwnershipModel, string> = {
  platform:
    'A centralized platform SRE team owns the reliability of this service.',
  embedded: 'SREs embedded in the product team own its reliability.',
  hybrid:
    'The platform team owns shared infrastructure; embedded SREs apply it to this service, split by a responsibility matrix.',
  'self-managed':
    'The product engineers who build this service also run its operations.',
};

/**
 * Whether a string names a known ownership model.
 *
 * @public
 */
export function isOwnershipModel(value: string): value is OwnershipModel {
  return (OWNERSHIP_MODELS as readonly string[]).includes(value);
}

/**
 * The entity kinds whose reliability can be owned, lower case: the kinds the
 * ownership cards are shown on and the catalog module emits ownership
 * relations for.
 *
 * @public
 */
export const SRE_OWNERSHIP_ENTITY_KINDS: readonly string[] = [
  'component',
  'api',
  'resource',
  'system',
];
