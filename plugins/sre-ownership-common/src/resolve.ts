import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { SRE_OWNERSHIP_ANNOTATIONS as KEYS } from './annotations';
import { EntityDeclarations, readEntityDeclarations } from './declarations';
import { EscalationLevelDeclaration } from './escalation';
import {
  EntityLookup,
  InheritanceLink,
  ownerRefOf,
  walkInheritance,
} from './inheritance';
import { OwnershipModel } from './model';
import { OwnershipProblem } from './problems';
import {
  Party,
  ResolvedEscalationPath,
  ResolvedOwnership,
  ResolvedResponsibility,
  ResolvedSpecialist,
  Sourced,
  ValueSource,
} from './resolved';
import {
  DEFAULT_RESPONSIBILITY_MATRICES,
  RESPONSIBILITY_AREAS,
  ResponsibilityMatrix,
} from './responsibilities';
import { SPECIALIST_ROLES, SPECIALIST_ROLE_INFO } from './specialists';

/**
 * Organisation-wide defaults from app-config (`sreOwnership.*`).
 *
 * @public
 */
export interface OwnershipDefaults {
  model?: OwnershipModel;
  platformTeam?: string;
  responsibilities?: Partial<
    Record<OwnershipModel, Partial<ResponsibilityMatrix>>
  >;
  /** Minutes between the levels of a derived escalation path. */
  derivedEscalationStepMinutes?: number;
}

interface Declared {
  link: InheritanceLink;
  declarations: EntityDeclarations;
}

type DeclarationKey = 'model' | 'platformTeam' | 'embeddedSres' | 'escalation';

const ANNOTATION_OF: Record<DeclarationKey, string> = {
  model: KEYS.model,
  platformTeam: KEYS.platformTeam,
  embeddedSres: KEYS.embeddedSres,
  escalation: KEYS.escalation,
};

function sourceOf(declared: Declared, annotation: string): ValueSource {
  return {
    type: 'entity',
    entityRef: declared.declarations.entityRef,
    annotation,
    relation: declared.link.relation,
  };
}

/** The nearest declaration of a key in the chain, with its source. */
function nearest<K extends DeclarationKey>(
  chain: Declared[],
  key: K,
): Sourced<NonNullable<EntityDeclarations[K]>> | undefined {
  for (const declared of chain) {
    const value = declared.declarations[key];
    if (value !== undefined) {
      return {
        value: value as NonNullable<EntityDeclarations[K]>,
        source: sourceOf(declared, ANNOTATION_OF[key]),
      };
    }
  }
  return undefined;
}

class PartyDirectory {
  readonly problems: OwnershipProblem[] = [];

  constructor(private readonly lookup: EntityLookup) {}

  /** Turns a ref into a Party; reports a missing entity against the declaring key. */
  party(
    ref: string,
    declarer?: { entityRef: string; annotation: string },
  ): Party {
    const entity = this.lookup(ref);
    const kind = ref.startsWith('group:') ? 'group' : 'user';
    if (!entity) {
      if (declarer) {
        this.problems.push({
          ...declarer,
          value: ref,
          message: `${ref} is not in the catalog, or you are not allowed to see it; check the name and namespace`,
          severity: 'error',
        });
      }
      return {
        ref,
        kind,
        displayName: ref.replace(/^[a-z]+:(default\/)?/, ''),
        exists: false,
      };
    }
    return partyFromEntity(ref, kind, entity);
  }
}

function partyFromEntity(
  ref: string,
  kind: Party['kind'],
  entity: Entity,
): Party {
  const profile = (entity.spec?.profile ?? {}) as {
    displayName?: string;
    email?: string;
    picture?: string;
  };
  const declarations = readEntityDeclarations(entity);
  const party: Party = {
    ref,
    kind,
    displayName:
      profile.displayName ?? entity.metadata.title ?? entity.metadata.name,
    exists: true,
  };
  const email = declarations.contacts.email ?? profile.email;
  if (email) party.email = email;
  if (declarations.contacts.chatChannel)
    party.chatChannel = declarations.contacts.chatChannel;
  if (profile.picture) party.picture = profile.picture;
  if (declarations.timezone) party.timezone = declarations.timezone;
  return party;
}

function declaredBy(source: ValueSource) {
  return source.type === 'entity'
    ? { entityRef: source.entityRef, annotation: source.annotation }
    : undefined;
}

function resolveSpecialists(
  chain: Declared[],
  directory: PartyDirectory,
): ResolvedSpecialist[] {
  return SPECIALIST_ROLES.map(role => {
    const annotation = SPECIALIST_ROLE_INFO[role].annotation;
    const declared = chain.find(d => d.declarations.specialists[role]);
    if (!declared) return { role, backups: [], gap: 'unfilled' };
    const source = sourceOf(declared, annotation);
    const [primary, ...backups] = declared.declarations.specialists[role]!.map(
      ref => directory.party(ref, declaredBy(source)),
    );
    const holders = [primary, ...backups].filter(p => p.exists);
    if (holders.length === 0)
      return { role, primary, backups, source, gap: 'unfilled' };
    if (holders.length === 1)
      return { role, primary, backups, source, gap: 'single-point-of-failure' };
    return { role, primary, backups, source };
  });
}

function resolveResponsibilities(
  model: OwnershipModel | undefined,
  chain: Declared[],
  defaults: OwnershipDefaults,
  providersOf: (provider: ResolvedResponsibility['provider']) => Party[],
): ResolvedResponsibility[] {
  if (!model) return [];
  const configured = defaults.responsibilities?.[model] ?? {};
  return RESPONSIBILITY_AREAS.map(area => {
    const declared = chain.find(d => d.declarations.responsibilities[area]);
    let provider = DEFAULT_RESPONSIBILITY_MATRICES[model][area];
    let source: ValueSource = {
      type: 'default',
      description: `built-in ${model} matrix`,
    };
    if (declared) {
      provider = declared.declarations.responsibilities[area]!;
      source = sourceOf(declared, KEYS.responsibilities);
    } else if (configured[area]) {
      provider = configured[area]!;
      source = {
        type: 'config',
        key: `sreOwnership.responsibilities.${model}.${area}`,
      };
    }
    return { area, provider, providers: providersOf(provider), source };
  });
}

function uniqueParties(parties: Array<Party | undefined>): Party[] {
  const byRef = new Map<string, Party>();
  for (const party of parties)
    if (party && !byRef.has(party.ref)) byRef.set(party.ref, party);
  return [...byRef.values()];
}

interface EscalationContext {
  model?: OwnershipModel;
  productTeam?: Party;
  platformTeam?: Party;
  incidentResponseLeader?: Party;
  stepMinutes: number;
}

type DerivationStep = [
  EscalationLevelDeclaration['type'],
  Party | undefined,
  string,
];

/** A default path when none is declared: the nearest rotation first, then wider. */
function deriveEscalation(context: EscalationContext): ResolvedEscalationPath {
  const {
    model,
    productTeam,
    platformTeam,
    incidentResponseLeader,
    stepMinutes,
  } = context;
  const leader: DerivationStep = [
    'user',
    incidentResponseLeader,
    'incident response leader',
  ];
  let candidates: DerivationStep[];
  if (model === 'platform') {
    candidates = [['oncall', platformTeam, 'platform on-call'], leader];
  } else if (model === 'self-managed' || !model) {
    candidates = [['oncall', productTeam, 'team on-call'], leader];
  } else {
    candidates = [
      ['oncall', productTeam, 'embedded on-call'],
      ['oncall', platformTeam, 'platform on-call'],
      leader,
    ];
  }
  const present = candidates.filter(
    ([type, party]) =>
      party?.exists && !(type === 'oncall' && party.kind !== 'group'),
  );
  const seen = new Set<string>();
  // The same team may fill two steps (a platform team's own service): page it once.
  const unique = present.filter(
    ([, party]) => !seen.has(party!.ref) && seen.add(party!.ref),
  );
  const levels = unique.map(([type, party], index) => ({
    level: index + 1,
    afterMinutes: index * stepMinutes,
    type,
    target: party!,
  }));
  const steps = unique.map(([, , label]) => label).join(', then ');
  return {
    derived: true,
    source: {
      type: 'derived',
      description: levels.length
        ? `No escalation path is declared for this entity or anything it inherits from; derived from the ${
            model ?? 'unknown'
          } model: ${steps}, ${stepMinutes} minutes apart.`
        : 'No escalation path is declared, and there is no team or incident response leader to derive one from.',
    },
    levels,
  };
}

function declaredEscalation(
  declared: Sourced<EscalationLevelDeclaration[]>,
  directory: PartyDirectory,
): ResolvedEscalationPath {
  return {
    derived: false,
    source: declared.source,
    levels: declared.value.map((level, index) => ({
      level: index + 1,
      afterMinutes: level.afterMinutes,
      type: level.type,
      target: directory.party(level.ref, declaredBy(declared.source)),
    })),
  };
}

function configSourced<T>(
  value: T | undefined,
  key: string,
): Sourced<T> | undefined {
  return value === undefined
    ? undefined
    : { value, source: { type: 'config', key } };
}

/**
 * Resolves who owns reliability for an entity, walking entity, System,
 * Domain, owner Group and its parents, then the org defaults. Every value
 * records where it came from; every problem found on the way is returned.
 * Pure: all entities come through `lookup`.
 *
 * @public
 */
export function resolveOwnership(options: {
  entity: Entity;
  lookup: EntityLookup;
  defaults: OwnershipDefaults;
}): ResolvedOwnership {
  const { entity, lookup, defaults } = options;
  const chain: Declared[] = walkInheritance(entity, lookup).links.map(link => ({
    link,
    declarations: readEntityDeclarations(link.entity),
  }));
  const directory = new PartyDirectory(lookup);

  const model =
    nearest(chain, 'model') ??
    configSourced(defaults.model, 'sreOwnership.defaults.model');
  const platformTeamRef =
    nearest(chain, 'platformTeam') ??
    configSourced(defaults.platformTeam, 'sreOwnership.defaults.platformTeam');
  const platformTeam = platformTeamRef && {
    value: directory.party(
      platformTeamRef.value,
      declaredBy(platformTeamRef.source),
    ),
    source: platformTeamRef.source,
  };
  const embeddedRefs = nearest(chain, 'embeddedSres');
  const embeddedSres = embeddedRefs && {
    value: embeddedRefs.value.map(ref =>
      directory.party(ref, declaredBy(embeddedRefs.source)),
    ),
    source: embeddedRefs.source,
  };
  const ownerRef = ownerRefOf(entity);
  const productTeam = ownerRef ? directory.party(ownerRef) : undefined;

  const providersOf = (
    provider: ResolvedResponsibility['provider'],
  ): Party[] => {
    switch (provider) {
      case 'platform':
        return uniqueParties([platformTeam?.value]);
      case 'embedded':
        return uniqueParties(embeddedSres?.value ?? []);
      case 'product':
        return uniqueParties([productTeam]);
      default:
        return uniqueParties([
          platformTeam?.value,
          ...(embeddedSres?.value ?? []),
        ]);
    }
  };
  const reliabilityOwners = !model
    ? []
    : providersOf(
        (
          {
            platform: 'platform',
            embedded: 'embedded',
            hybrid: 'shared',
            'self-managed': 'product',
          } as const
        )[model.value],
      );

  const specialists = resolveSpecialists(chain, directory);
  const declaredPath = nearest(chain, 'escalation');
  const escalation = declaredPath
    ? declaredEscalation(declaredPath, directory)
    : deriveEscalation({
        model: model?.value,
        productTeam,
        platformTeam: platformTeam?.value,
        incidentResponseLeader: specialists.find(
          s => s.role === 'incident-response-leader',
        )?.primary,
        stepMinutes: defaults.derivedEscalationStepMinutes ?? 15,
      });

  return {
    entityRef: stringifyEntityRef(entity),
    inheritedFrom: chain.map(d => ({
      entityRef: d.declarations.entityRef,
      relation: d.link.relation,
    })),
    ...(model ? { model } : {}),
    ...(platformTeam ? { platformTeam } : {}),
    ...(embeddedSres ? { embeddedSres } : {}),
    ...(productTeam ? { productTeam } : {}),
    reliabilityOwners,
    specialists,
    responsibilities: resolveResponsibilities(
      model?.value,
      chain,
      defaults,
      providersOf,
    ),
    escalation,
    problems: [
      ...chain.flatMap(d => d.declarations.problems),
      ...directory.problems,
    ],
  };
}

/**
 * Every ref that resolving an entity reads, as far as `lookup` lets the walk
 * go: its inheritance chain and every team and person named along it.
 *
 * @public
 */
export function referencedRefs(options: {
  entity: Entity;
  lookup: EntityLookup;
  defaults: OwnershipDefaults;
}): string[] {
  const { entity, lookup, defaults } = options;
  const walk = walkInheritance(entity, lookup);
  const named = walk.links.flatMap(({ entity: linked }) => {
    const d = readEntityDeclarations(linked);
    return [
      d.platformTeam,
      ...(d.embeddedSres ?? []),
      ...Object.values(d.specialists).flat(),
      ...(d.escalation ?? []).map(level => level.ref),
    ];
  });
  const chain = walk.links
    .slice(1)
    .map(link => stringifyEntityRef(link.entity));
  const candidates = [
    ...chain,
    ...walk.unresolved,
    ownerRefOf(entity),
    defaults.platformTeam,
    ...named,
  ];
  return [...new Set(candidates)].filter((ref): ref is string => !!ref);
}

/**
 * The refs that resolving an entity needs and that `lookup` has not been
 * asked about yet. Call again after looking them up until it returns none.
 *
 * @public
 */
export function collectWantedRefs(options: {
  entity: Entity;
  lookup: EntityLookup;
  defaults: OwnershipDefaults;
}): string[] {
  return referencedRefs(options).filter(
    ref => options.lookup(ref) === undefined,
  );
}
