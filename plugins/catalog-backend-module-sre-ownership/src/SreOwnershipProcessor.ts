import {
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
} from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  RELATION_RELIABILITY_OWNED_BY,
  RELATION_RELIABILITY_OWNER_OF,
  readDeclaredOwnership,
} from '@sre-ownership/plugin-sre-ownership-common';

/**
 * Emits reliability ownership relations from `sre-ownership.io/` annotations.
 *
 * @public
 */
export class SreOwnershipProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'SreOwnershipProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const declared = readDeclaredOwnership(entity);
    const self = getCompoundEntityRef(entity);
    const owners = [declared.platformTeam, ...declared.embeddedSres].filter(
      (ref): ref is string => Boolean(ref),
    );
    for (const owner of new Set(owners)) {
      const target = parseEntityRef(owner);
      emit(
        processingResult.relation({
          source: self,
          type: RELATION_RELIABILITY_OWNED_BY,
          target,
        }),
      );
      emit(
        processingResult.relation({
          source: target,
          type: RELATION_RELIABILITY_OWNER_OF,
          target: self,
        }),
      );
    }
    return entity;
  }
}
