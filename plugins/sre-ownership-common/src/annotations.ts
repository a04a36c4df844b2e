/**
 * Prefix shared by every annotation this plugin reads.
 *
 * @public
 */
export const SRE_OWNERSHIP_ANNOTATION_PREFIX = 'sre-ownership.io/';

/**
 * The annotation keys of the `sre-ownership.io/` declaration language.
 *
 * @public
 */
export const SRE_OWNERSHIP_ANNOTATIONS = {
  /** The ownership model: platform, embedded, hybrid or self-managed. */
  model: 'sre-ownership.io/model',
  /** The centralized platform SRE team, a Group ref. */
  platformTeam: 'sre-ownership.io/platform-team',
  /** The embedded SREs: comma-separated User or Group refs. */
  embeddedSres: 'sre-ownership.io/embedded-sres',
} as const;

/**
 * Whether an entity declares anything in the `sre-ownership.io/` namespace.
 *
 * @public
 */
export function hasSreOwnershipAnnotations(
  annotations?: Record<string, string>,
) {
  return Object.keys(annotations ?? {}).some(key =>
    key.startsWith(SRE_OWNERSHIP_ANNOTATION_PREFIX),
  );
}

/**
 * Relation from an entity to a Group or User that owns its reliability.
 *
 * @public
 */
export const RELATION_RELIABILITY_OWNED_BY = 'sreOwnership-reliabilityOwnedBy';

/**
 * Reverse of {@link RELATION_RELIABILITY_OWNED_BY}.
 *
 * @public
 */
export const RELATION_RELIABILITY_OWNER_OF = 'sreOwnership-reliabilityOwnerOf';
