import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DeclaredOwnership,
  readDeclaredOwnership,
} from '@sre-ownership/plugin-sre-ownership-common';

/**
 * Answers ownership questions about catalog entities, reading them through the
 * catalog with the caller's credentials so catalog permissions apply.
 */
export class OwnershipService {
  private readonly catalog: CatalogService;

  constructor(options: { catalog: CatalogService }) {
    this.catalog = options.catalog;
  }

  async getDeclaredOwnership(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<DeclaredOwnership> {
    const entity = await this.catalog.getEntityByRef(ref, { credentials });
    if (!entity) {
      throw new NotFoundError(
        `No entity ${stringifyEntityRef(ref)} in the catalog`,
      );
    }
    return readDeclaredOwnership(entity);
  }
}
