import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  COVERAGE_GAPS,
  CoverageGap,
  EntityLookup,
  OverviewEntity,
  Party,
  ResolvedOwnership,
  SPECIALIST_ROLE_INFO,
  SRE_OWNERSHIP_ANNOTATIONS as KEYS,
  SpecialistRole,
  ownerRefOf,
  readEntityDeclarations,
} from '@sre-ownership/plugin-sre-ownership-common';
import { OverviewSettings } from './overviewConfig';
import { evaluateTierRules } from './tierRules';

/** Annotations that route alerts or incidents to the entity itself. */
const ALERT_ROUTING_ANNOTATIONS = [
  KEYS.alertSelector,
  'pagerduty.com/service-id',
];

/** A person or team named by an entity's ownership, and as what. */
export interface NamedParty {
  ref: string;
  displayName: string;
  /** e.g. "reliability owner", "SLO guard", "escalation level 2". */
  as: string;
  role?: SpecialistRole;
}

/** What the index keeps of one entity for listing and search. */
export interface IndexSummary extends OverviewEntity {
  description?: string;
  /** `spec.type`, e.g. `service` or `database`, for search by type. */
  type?: string;
  /** The titles (or display names) of the owner, system and domain. */
  titles?: Partial<Record<'owner' | 'system' | 'domain', string>>;
  tags: string[];
  /** Everyone the ownership names, for search by person or team. */
  people: NamedParty[];
  /** Groups whose on-call rotation the escalation path pages. */
  onCallTeams: string[];
}

/** One row of the index. See `resolveOwnership` in -common for `resolved`. */
export interface IndexEntry {
  summary: IndexSummary;
  resolved: ResolvedOwnership;
}

/** What is known about on-call schedules when the index is built. */
export interface OnCallFacts {
  /** Groups with a schedule feed or stored shifts. */
  scheduled: Set<string>;
  /** Groups with someone on call now. */
  staffedNow: Set<string>;
}

function normalize(ref: unknown, defaultKind: string, namespace: string) {
  if (typeof ref !== 'string' || !ref) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, { defaultKind, defaultNamespace: namespace }),
    );
  } catch {
    return undefined;
  }
}

function namedParties(resolved: ResolvedOwnership): NamedParty[] {
  const named: NamedParty[] = [];
  const add = (party: Party | undefined, as: string, role?: SpecialistRole) => {
    if (party) {
      named.push({
        ref: party.ref,
        displayName: party.displayName,
        as,
        ...(role ? { role } : {}),
      });
    }
  };
  resolved.reliabilityOwners.forEach(p => add(p, 'reliability owner'));
  add(resolved.productTeam, 'owning team');
  add(resolved.platformTeam?.value, 'platform team');
  resolved.embeddedSres?.value.forEach(p => add(p, 'embedded SRE'));
  for (const specialist of resolved.specialists) {
    const title = SPECIALIST_ROLE_INFO[specialist.role].title;
    add(specialist.primary, title, specialist.role);
    specialist.backups.forEach(p => add(p, `backup ${title}`, specialist.role));
  }
  resolved.escalation.levels.forEach(level =>
    add(level.target, `escalation level ${level.level}`),
  );
  return named;
}

function missingRefReason(resolved: ResolvedOwnership): string | undefined {
  const missing = new Map<string, string>();
  for (const party of namedParties(resolved)) {
    // The escalation levels are built from the same parties; name each once.
    if (!partyExists(resolved, party.ref) && !missing.has(party.ref)) {
      missing.set(party.ref, party.as);
    }
  }
  if (!missing.size) return undefined;
  const list = [...missing].map(([ref, as]) => `${ref} (${as})`).join(', ');
  return `Names ${list}, which ${
    missing.size === 1 ? 'is' : 'are'
  } not in the catalog; fix the ref or add the entity.`;
}

function partyExists(resolved: ResolvedOwnership, ref: string): boolean {
  const all: Array<Party | undefined> = [
    ...resolved.reliabilityOwners,
    resolved.productTeam,
    resolved.platformTeam?.value,
    ...(resolved.embeddedSres?.value ?? []),
    ...resolved.specialists.flatMap(s => [s.primary, ...s.backups]),
    ...resolved.escalation.levels.map(level => level.target),
  ];
  return all.some(party => party?.ref === ref && party.exists);
}

/** The entity's title, or a Group's or User's display name. */
function titleOf(entity: Entity): string | undefined {
  const profile = entity.spec?.profile as { displayName?: string } | undefined;
  return entity.metadata.title ?? profile?.displayName;
}

/** The titles of the related entities that have one, to name them in words. */
function titlesOf(
  refs: Partial<Record<'owner' | 'system' | 'domain', string>>,
  lookup: EntityLookup,
): Pick<IndexSummary, 'titles'> {
  const titles: NonNullable<IndexSummary['titles']> = {};
  for (const [as, ref] of Object.entries(refs) as Array<
    [keyof typeof refs, string | undefined]
  >) {
    const related = ref ? lookup(ref) : undefined;
    const title = related ? titleOf(related) : undefined;
    if (title) titles[as] = title;
  }
  return Object.keys(titles).length ? { titles } : {};
}

/** The Groups whose on-call rotation an escalation path pages. */
export function onCallTeamsOf(resolved: ResolvedOwnership): string[] {
  return [
    ...new Set(
      resolved.escalation.levels
        .filter(l => l.type === 'oncall' && l.target.exists)
        .map(l => l.target.ref),
    ),
  ];
}

/** The nearest tier named along the inheritance chain. */
function declaredTier(
  resolved: ResolvedOwnership,
  lookup: EntityLookup,
): string | undefined {
  for (const { entityRef } of resolved.inheritedFrom) {
    const entity = lookup(entityRef);
    const tier = entity ? readEntityDeclarations(entity).tier : undefined;
    if (tier) return tier;
  }
  return undefined;
}

/**
 * Resolves one entity and works out its coverage gaps and tier rule
 * results. Pure: the catalog comes through `lookup`, the on-call schedule
 * facts through `onCall`.
 */
export function buildIndexEntry(options: {
  entity: Entity;
  lookup: EntityLookup;
  settings: Pick<OverviewSettings, 'tiers' | 'defaultTier'>;
  onCall: OnCallFacts;
  /** The entity's resolved ownership, from `resolveOwnership`. */
  resolved: ResolvedOwnership;
}): IndexEntry {
  const { entity, lookup, settings, onCall, resolved } = options;
  const namespace = entity.metadata.namespace ?? 'default';
  const system = normalize(entity.spec?.system, 'System', namespace);
  const systemEntity = system ? lookup(system) : undefined;
  const domain =
    normalize(entity.spec?.domain, 'Domain', namespace) ??
    normalize(systemEntity?.spec?.domain, 'Domain', namespace);

  const onCallTeams = onCallTeamsOf(resolved);
  const scheduledTeams = onCallTeams.filter(team => onCall.scheduled.has(team));
  const annotations = entity.metadata.annotations ?? {};
  const alertRouted = ALERT_ROUTING_ANNOTATIONS.some(key => annotations[key]);
  const modelDeclared = resolved.model?.source.type === 'entity';

  const reasons: Partial<Record<CoverageGap, string>> = {};
  if (!resolved.reliabilityOwners.some(party => party.exists)) {
    reasons['no-reliability-owner'] = `Nobody owns its reliability: declare ${
      KEYS.model
    } with ${KEYS.platformTeam} or ${
      KEYS.embeddedSres
    } here or on its System, Domain or owning Group${
      resolved.model
        ? ` (the ${resolved.model.value} model names no one in the catalog)`
        : ''
    }.`;
  }
  if (!modelDeclared) {
    reasons['no-model'] = `No ownership model is declared${
      resolved.model
        ? ` (the app-config default ${resolved.model.value} applies)`
        : ''
    }: add ${
      KEYS.model
    }: platform, embedded, hybrid or self-managed here or on its System, Domain or owning Group.`;
  }
  const missing = missingRefReason(resolved);
  if (missing) reasons['missing-ref'] = missing;
  if (!scheduledTeams.length && !alertRouted) {
    reasons['no-oncall-source'] = `No on-call source: ${
      onCallTeams.length
        ? `${onCallTeams.join(', ')} ${
            onCallTeams.length === 1 ? 'has' : 'have'
          } no schedule feed (${
            KEYS.oncallScheduleUrl
          } or sreOwnership.schedules)`
        : 'no on-call team on its escalation path'
    } and it declares no alert routing (${ALERT_ROUTING_ANNOTATIONS.join(
      ' or ',
    )}).`;
  }
  const { broken } = resolved.escalation;
  if (resolved.escalation.derived) {
    reasons['derived-escalation'] = broken
      ? `The escalation path declared on ${broken.entityRef} is broken: ${broken.message} Until it is fixed, the path shown is derived from ownership.`
      : `No escalation path is declared; the one shown is derived from ownership. Declare ${KEYS.escalation}.`;
  }
  if (
    scheduledTeams.length &&
    !scheduledTeams.some(team => onCall.staffedNow.has(team))
  ) {
    reasons['nobody-on-call'] = `${scheduledTeams.join(', ')} ${
      scheduledTeams.length === 1 ? 'has' : 'have'
    } an on-call schedule, but nobody is on call now.`;
  }
  if (resolved.problems.length) {
    const [first] = resolved.problems;
    const count = resolved.problems.length;
    reasons['declaration-problems'] = `${count} declaration problem${
      count === 1 ? '' : 's'
    }; first: ${first.annotation} on ${first.entityRef}: ${first.message}.`;
  }

  const declared = declaredTier(resolved, lookup);
  const known = settings.tiers.find(t => t.name === declared);
  const tier =
    known ?? settings.tiers.find(t => t.name === settings.defaultTier)!;
  const fallsShort = [
    ...(declared && !known
      ? [
          `Its tier "${declared}" is not defined in app-config sreOwnership.overview.tiers; it is held to ${
            tier.name
          }. Use one of ${settings.tiers.map(t => t.name).join(', ')}.`,
        ]
      : []),
    ...evaluateTierRules(tier.name, tier.rules, {
      resolved,
      hasOnCallSource: !reasons['no-oncall-source'],
      modelDeclared,
    }),
  ];

  const summary: IndexSummary = {
    entityRef: resolved.entityRef,
    kind: entity.kind.toLocaleLowerCase('en-US'),
    namespace,
    name: entity.metadata.name,
    ...(titleOf(entity) ? { title: titleOf(entity) } : {}),
    ...(entity.metadata.description
      ? { description: entity.metadata.description }
      : {}),
    ...(typeof entity.spec?.type === 'string' ? { type: entity.spec.type } : {}),
    ...titlesOf({ owner: ownerRefOf(entity), system, domain }, lookup),
    tags: (entity.metadata.tags ?? []).map(String),
    ...(ownerRefOf(entity) ? { owner: ownerRefOf(entity) } : {}),
    ...(system ? { system } : {}),
    ...(domain ? { domain } : {}),
    ...(typeof entity.spec?.lifecycle === 'string'
      ? { lifecycle: entity.spec.lifecycle }
      : {}),
    ...(resolved.model ? { model: resolved.model.value } : {}),
    tier: tier.name,
    gaps: COVERAGE_GAPS.filter(gap => reasons[gap]),
    reasons,
    fallsShort,
    people: namedParties(resolved),
    onCallTeams,
  };
  return { summary, resolved };
}
