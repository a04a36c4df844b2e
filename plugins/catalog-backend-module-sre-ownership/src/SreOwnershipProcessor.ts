import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  EntityLookup,
  OwnershipDefaults,
  RELATION_ESCALATES_TO,
  RELATION_HAS_SRE_SPECIALIST,
  RELATION_RELIABILITY_OWNED_BY,
  ResolvedOwnership,
  SRE_OWNERSHIP_ENTITY_KINDS,
  ValueSource,
  formatProblem,
  readEntityDeclarations,
  resolveOwnership,
} from '@sre-ownership/plugin-sre-ownership-common';
import { InheritedEntities, ReadEntitiesByRefs } from './InheritedEntities';

const MAX_REMEMBERED_PROBLEMS = 10_000;

const declared = (source?: ValueSource) => source?.type === 'entity';

/**
 * The relations an entity carries: one per party named by a declaration on
 * the entity or on what it inherits from (its System, Domain, owner Group and
 * that Group's parents, and `spec.owner`), in the forward direction only.
 *
 * No reverse relations: a reverse relation is stored on its target, so a
 * platform team named on one Domain would carry one relation per entity in
 * that Domain, be stitched again whenever any of them changes, and grow into
 * megabytes in a large catalog. No relations for parties that come from
 * app-config (`sreOwnership.defaults`, `sreOwnership.escalation`) or for an
 * escalation path derived from ownership: the same party on every entity
 * says nothing the config does not, and the derived path names the
 * reliability owners, who have their relation already. The overview's routes
 * answer "what does this team own reliability for" with all of them.
 */
function ownershipRelations(resolved: ResolvedOwnership) {
  const declaredOwners = new Set<string>([
    ...(declared(resolved.platformTeam?.source)
      ? [resolved.platformTeam!.value.ref]
      : []),
    ...(declared(resolved.embeddedSres?.source)
      ? resolved.embeddedSres!.value.map(party => party.ref)
      : []),
    ...(resolved.productTeam ? [resolved.productTeam.ref] : []),
  ]);
  const pairs: Array<{ type: string; targets: string[] }> = [
    {
      type: RELATION_RELIABILITY_OWNED_BY,
      targets: resolved.reliabilityOwners
        .map(party => party.ref)
        .filter(ref => declaredOwners.has(ref)),
    },
    {
      type: RELATION_HAS_SRE_SPECIALIST,
      targets: resolved.specialists
        .filter(role => declared(role.source))
        .flatMap(role =>
          [role.primary, ...role.backups].flatMap(party =>
            party ? [party.ref] : [],
          ),
        ),
    },
    {
      type: RELATION_ESCALATES_TO,
      targets:
        !resolved.escalation.derived && declared(resolved.escalation.source)
          ? resolved.escalation.levels.map(level => level.target.ref)
          : [],
    },
  ];
  return pairs.map(pair => ({ ...pair, targets: [...new Set(pair.targets)] }));
}

/**
 * Validates `sre-ownership.io/` annotations and emits relations, so that
 * reliability owners, specialists and escalation targets appear in the
 * catalog graph and can be queried with `relations.*` filters.
 *
 * The relations name the declared parties the ownership card shows: the
 * processor resolves each Component, API, Resource and System with the same
 * rule as the backend (`resolveOwnership` from the -common package),
 * including what it inherits from its System, Domain, owner Group and that
 * Group's parents, and emits forward relations to the parties a declaration
 * names (none for app-config defaults, no reverse relations). It reads those entities through
 * `readEntities` (the module passes the catalog, with its own service
 * credentials) and keeps them for `cacheTtlMs`. Without `readEntities` it
 * resolves from the entity's own declarations and the defaults alone.
 *
 * Declaration problems are logged as warnings and shown on the entity's
 * cards, never raised as catalog processing errors: a processing error keeps
 * an entity at its last good version, or out of the catalog when it is new,
 * and a typo in an SRE annotation must not hide or freeze a service.
 *
 * @public
 */
export class SreOwnershipProcessor implements CatalogProcessor {
  // The catalog processes every entity again and again; say each problem once.
  private readonly reported = new Set<string>();
  private readonly inherited?: InheritedEntities;

  constructor(
    private readonly options: {
      logger?: LoggerService;
      /** Organisation-wide defaults, as `readOwnershipDefaults` reads them. */
      defaults?: OwnershipDefaults;
      /** Reads entities by ref, in order; `undefined` for one not found. */
      readEntities?: ReadEntitiesByRefs;
      /** How long an inherited-from entity is reused; 60 s by default. */
      cacheTtlMs?: number;
    } = {},
  ) {
    if (options.readEntities) {
      this.inherited = new InheritedEntities({
        read: options.readEntities,
        defaults: options.defaults ?? {},
        ttlMs: options.cacheTtlMs,
      });
    }
  }

  getProcessorName(): string {
    return 'SreOwnershipProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const declarations = readEntityDeclarations(entity);
    for (const problem of declarations.problems) {
      const message = formatProblem(problem);
      if (this.reported.has(message)) continue;
      if (this.reported.size >= MAX_REMEMBERED_PROBLEMS) this.reported.clear();
      this.reported.add(message);
      this.options.logger?.warn(message, {
        entity: problem.entityRef,
        annotation: problem.annotation,
      });
    }
    if (
      !SRE_OWNERSHIP_ENTITY_KINDS.includes(
        entity.kind.toLocaleLowerCase('en-US'),
      )
    ) {
      return entity;
    }
    const resolved = resolveOwnership({
      entity,
      lookup: await this.lookupFor(entity),
      defaults: this.options.defaults ?? {},
    });
    const self = getCompoundEntityRef(entity);
    for (const { type, targets } of ownershipRelations(resolved)) {
      for (const ref of targets) {
        const target: CompoundEntityRef = parseEntityRef(ref);
        emit(processingResult.relation({ source: self, type, target }));
      }
    }
    return entity;
  }

  /**
   * What resolving the entity may read. When the catalog cannot be read the
   * entity is resolved from its own declarations and the defaults, and a
   * warning says so: failing the processing would keep a new entity out of
   * the catalog, and the next processing run emits the full relations.
   */
  private async lookupFor(entity: Entity): Promise<EntityLookup> {
    const self = stringifyEntityRef(entity);
    const ownOnly: EntityLookup = ref => (ref === self ? entity : null);
    if (!this.inherited) return ownOnly;
    try {
      return await this.inherited.lookupFor(entity);
    } catch (error) {
      this.options.logger?.warn(
        `${self}: could not read what it inherits reliability ownership from; its relations name only its own declarations until it is processed again: ${error}`,
      );
      return ownOnly;
    }
  }
}
