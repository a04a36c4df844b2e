/**
 * Prefix shared by every annotation this plugin reads.
 *
 * @public
 */
export const SRE_OWNERSHIP_ANNOTATION_PREFIX = 'sre-ownership.io/';

/**
 * The annotation keys of the `sre-ownership.io/` declaration language. Each
 * may be written on a Component, API, Resource, System, Domain or Group; a
 * service inherits what it does not declare itself. See docs/declarations.md.
 *
 * @public
 */
export const SRE_OWNERSHIP_ANNOTATIONS = {
  /** The ownership model: platform, embedded, hybrid or self-managed. */
  model: 'sre-ownership.io/model',
  /** The centralized platform SRE team: one Group ref. */
  platformTeam: 'sre-ownership.io/platform-team',
  /** The embedded SREs: comma-separated User or Group refs. */
  embeddedSres: 'sre-ownership.io/embedded-sres',
  /** Educator: primary User ref, then backups. */
  educator: 'sre-ownership.io/educator',
  /** SLO guard: primary User ref, then backups. */
  sloGuard: 'sre-ownership.io/slo-guard',
  /** Infrastructure architect: primary User ref, then backups. */
  infrastructureArchitect: 'sre-ownership.io/infrastructure-architect',
  /** Incident response leader: primary User ref, then backups. */
  incidentResponseLeader: 'sre-ownership.io/incident-response-leader',
  /** Overrides of the responsibility matrix: `area=provider, ...`. */
  responsibilities: 'sre-ownership.io/responsibilities',
  /** Escalation levels, one per line: `<target> [after <delay>]`. */
  escalation: 'sre-ownership.io/escalation',
  /** Chat channel of a team, person or service, e.g. `#payments-oncall`. */
  chatChannel: 'sre-ownership.io/chat-channel',
  /** E-mail alias of a team, person or service. */
  email: 'sre-ownership.io/email',
  /**
   * Alertmanager labels that mark an alert as this entity's, e.g.
   * `service=payments, env=prod`; all must match. Without it a Component
   * matches alerts whose `service` label is its name.
   */
  alertSelector: 'sre-ownership.io/alert-selector',
  /**
   * Managers of a Group: comma-separated User or Group refs. They may read
   * the team's per-person figures under a policy that uses the
   * `isTeamManager` rule.
   */
  managers: 'sre-ownership.io/managers',
  /** IANA time zone of a User or Group, e.g. `Europe/London`. */
  timezone: 'sre-ownership.io/timezone',
  /**
   * On-call schedule of a Group: the URL of an iCalendar (RFC 5545) feed,
   * such as a PagerDuty or Opsgenie schedule export. `https:` and `webcal:`
   * URLs are fetched; `file:` URLs and paths are read from disk, relative to
   * the backend's working directory. Read on Groups only.
   */
  oncallScheduleUrl: 'sre-ownership.io/oncall-schedule-url',
  /** SLOs written inline: OpenSLO v1 YAML documents (SLO, SLI, DataSource). See docs/slos.md. */
  slos: 'sre-ownership.io/slos',
  /**
   * A file of OpenSLO v1 documents, relative to the entity's catalog-info.yaml
   * (e.g. `./slos.yaml`) or an absolute URL read through the URL reader.
   */
  sloFile: 'sre-ownership.io/slo-file',
  /**
   * Reliability tier of a service, e.g. `tier-1`: names one of the tiers in
   * app-config `sreOwnership.overview.tiers`, whose rules it must meet.
   * Inherited like the model; `sreOwnership.overview.defaultTier` otherwise.
   */
  tier: 'sre-ownership.io/tier',
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
 * Reverse of {@link RELATION_RELIABILITY_OWNED_BY}. The catalog module does not emit it (it
 * would be stored on the target, one per entity that names it); the name is
 * kept so that a catalog graph configuration can pair the two.
 *
 * @public
 */
export const RELATION_RELIABILITY_OWNER_OF = 'sreOwnership-reliabilityOwnerOf';

/**
 * Relation from an entity to a User who holds a specialist role for it.
 *
 * @public
 */
export const RELATION_HAS_SRE_SPECIALIST = 'sreOwnership-hasSpecialist';

/**
 * Reverse of {@link RELATION_HAS_SRE_SPECIALIST}. The catalog module does not emit it (it
 * would be stored on the target, one per entity that names it); the name is
 * kept so that a catalog graph configuration can pair the two.
 *
 * @public
 */
export const RELATION_SRE_SPECIALIST_FOR = 'sreOwnership-specialistFor';

/**
 * Relation from an entity to a User or Group on its escalation path.
 *
 * @public
 */
export const RELATION_ESCALATES_TO = 'sreOwnership-escalatesTo';

/**
 * Reverse of {@link RELATION_ESCALATES_TO}. The catalog module does not emit it (it
 * would be stored on the target, one per entity that names it); the name is
 * kept so that a catalog graph configuration can pair the two.
 *
 * @public
 */
export const RELATION_ESCALATION_FOR = 'sreOwnership-escalationFor';
