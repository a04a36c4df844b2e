import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { DeclaredOwnership } from '@sre-ownership/plugin-sre-ownership-common';
import { SreOwnershipApi } from './SreOwnershipApi';

/**
 * Default {@link SreOwnershipApi} implementation over HTTP.
 *
 * @public
 */
export class SreOwnershipClient implements SreOwnershipApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getDeclaredOwnership(
    entity: CompoundEntityRef,
  ): Promise<DeclaredOwnership> {
    return this.request(`${entityPath(entity)}/ownership`);
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('sre-ownership');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

function entityPath({ kind, namespace, name }: CompoundEntityRef): string {
  return `/entities/${[kind, namespace, name]
    .map(encodeURIComponent)
    .join('/')}`;
}
