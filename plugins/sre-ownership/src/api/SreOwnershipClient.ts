import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  EntitySloStatus,
  ResolvedOwnership,
  ServiceOnCallHealth,
  TeamBurden,
} from '@sre-ownership/plugin-sre-ownership-common';
import { BurdenWindowQuery, windowQueryString } from './burdenWindowQuery';
import { OwnershipPage, SreOwnershipApi } from './SreOwnershipApi';

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

  async getOwnership(entity: CompoundEntityRef): Promise<ResolvedOwnership> {
    return this.request(`${entityPath(entity)}/ownership`);
  }

  async getTeamBurden(
    team: CompoundEntityRef,
    options: BurdenWindowQuery = {},
  ): Promise<TeamBurden> {
    const path = [team.namespace, team.name].map(encodeURIComponent).join('/');
    return this.request(`/teams/${path}/burden${windowQueryString(options)}`);
  }

  async getServiceHealth(
    entity: CompoundEntityRef,
    options: BurdenWindowQuery = {},
  ): Promise<ServiceOnCallHealth> {
    return this.request(
      `${entityPath(entity)}/oncall-health${windowQueryString(options)}`,
    );
  }

  async getSloStatus(entity: CompoundEntityRef): Promise<EntitySloStatus> {
    return this.request(`${entityPath(entity)}/slos`);
  }

  async listOwnership(
    options: { kind?: string[]; limit?: number; cursor?: string } = {},
  ): Promise<OwnershipPage> {
    const query = new URLSearchParams();
    for (const kind of options.kind ?? []) query.append('kind', kind);
    if (options.limit !== undefined) query.set('limit', String(options.limit));
    if (options.cursor) query.set('cursor', options.cursor);
    const search = query.toString();
    return this.request(`/ownership${search ? `?${search}` : ''}`);
  }

  // Cards on one page ask for the same resource at the same moment (the
  // Reliability tab shows two cards of one ownership): share the request.
  private readonly inFlight = new Map<string, Promise<unknown>>();

  private request<T>(path: string): Promise<T> {
    let pending = this.inFlight.get(path);
    if (!pending) {
      pending = this.fetchJson(path).finally(() => this.inFlight.delete(path));
      this.inFlight.set(path, pending);
    }
    return pending as Promise<T>;
  }

  private async fetchJson<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('sre-ownership');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
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
