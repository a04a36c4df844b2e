import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
} from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  EntityDeclarations,
  RELATION_ESCALATES_TO,
  RELATION_ESCALATION_FOR,
  RELATION_HAS_SRE_SPECIALIST,
  RELATION_RELIABILITY_OWNED_BY,
  RELATION_RELIABILITY_OWNER_OF,
  RELATION_SRE_SPECIALIST_FOR,
  formatProblem,
  readEntityDeclarations,
} from '@sre-ownership/plugin-sre-ownership-common';

const MAX_REMEMBERED_PROBLEMS = 10_000;

/** Relation pairs emitted from one entity's own declarations. */
function declaredRelations(declarations: EntityDeclarations) {
  const pairs: Array<{ forward: string; reverse: string; targets: string[] }> =
    [
      {
        forward: RELATION_RELIABILITY_OWNED_BY,
        reverse: RELATION_RELIABILITY_OWNER_OF,
        targets: [
          ...(declarations.platformTeam ? [declarations.platformTeam] : []),
          ...(declarations.embeddedSres ?? []),
        ],
      },
      {
        forward: RELATION_HAS_SRE_SPECIALIST,
        reverse: RELATION_SRE_SPECIALIST_FOR,
        targets: Object.values(declarations.specialists).flat(),
      },
      {
        forward: RELATION_ESCALATES_TO,
        reverse: RELATION_ESCALATION_FOR,
        targets: (declarations.escalation ?? []).map(level => level.ref),
      },
    ];
  return pairs.map(pair => ({ ...pair, targets: [...new Set(pair.targets)] }));
}

/**
 * Validates `sre-ownership.io/` annotations and emits relations, so that
 * reliability owners, specialists and escalation targets appear in the
 * catalog graph and can be queried.
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

  constructor(private readonly options: { logger?: LoggerService } = {}) {}

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
    const self = getCompoundEntityRef(entity);
    for (const { forward, reverse, targets } of declaredRelations(
      declarations,
    )) {
      for (const ref of targets) {
        const target: CompoundEntityRef = parseEntityRef(ref);
        emit(
          processingResult.relation({ source: self, type: forward, target }),
        );
        emit(
          processingResult.relation({
            source: target,
            type: reverse,
            target: self,
          }),
        );
      }
    }
    return entity;
  }
}
