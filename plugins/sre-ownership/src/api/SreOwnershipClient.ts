import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  CoverageFilter,
  CoverageSummary,
  OverviewEntityPage,
  SpecialistGapRow,
  TeamRisk,
  TierOverview,
  WhoToCallResult,
  EntitySloStatus,
  EntitySloIncidents,
  EntityRollup,
  SloOverview,
  ResolvedOwnership,
  ServiceOnCallHealth,
  TeamBurden,
  RestTaken,
  TeamRestOwed,
  PulseAnswer,
  PulseInvitation,
  TeamPulse,
  TeamPulseComments,
} from '@sre-ownership/plugin-sre-ownership-common';
import { BurdenWindowQuery, windowQueryString } from './burdenWindowQuery';
import {
  CompensationExport,
  OverviewListOptions,
  OwnershipPage,
  RestTakenRequest,
  SreOwnershipApi,
} from './SreOwnershipApi';

/** The topic of pulse invitations in the bell (the backend's PULSE_TOPIC). */
const PULSE_NOTIFICATION_TOPIC = 'sre-ownership.pulse';

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
    return this.request(
      `${teamPath(team)}/burden${windowQueryString(options)}`,
    );
  }

  async getRestOwed(
    team: CompoundEntityRef,
    options: BurdenWindowQuery = {},
  ): Promise<TeamRestOwed> {
    return this.request(
      `${teamPath(team)}/rest-owed${windowQueryString(options)}`,
    );
  }

  async recordRestTaken(
    team: CompoundEntityRef,
    request: RestTakenRequest,
  ): Promise<{ taken: RestTaken; created: boolean }> {
    const response = await this.send(`${teamPath(team)}/rest-taken`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
    return response.json();
  }

  async getPulseInvitation(id: string): Promise<PulseInvitation> {
    return this.request(`/pulse/invitations/${encodeURIComponent(id)}`);
  }

  async answerPulse(id: string, answer: PulseAnswer): Promise<PulseInvitation> {
    const response = await this.send(
      `/pulse/invitations/${encodeURIComponent(id)}/answer`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(answer),
      },
    );
    const answered: PulseInvitation = await response.json();
    await this.markInvitationDone(id);
    return answered;
  }

  /**
   * Marks the bell's notification of this invitation read, so that an
   * answered invitation is done. Best effort: without the notifications
   * backend, or when it fails, the answer stands and nothing is marked.
   */
  private async markInvitationDone(id: string): Promise<void> {
    const scope = `${PULSE_NOTIFICATION_TOPIC}:${id}`;
    try {
      const baseUrl = await this.discoveryApi.getBaseUrl('notifications');
      const query = new URLSearchParams({
        topic: PULSE_NOTIFICATION_TOPIC,
        read: 'false',
      });
      const listed = await this.fetchApi.fetch(
        `${baseUrl}/notifications?${query}`,
      );
      if (!listed.ok) return;
      const body = (await listed.json()) as {
        notifications?: Array<{ id: string; payload?: { scope?: string } }>;
      };
      const ids = (body.notifications ?? [])
        .filter(notification => notification.payload?.scope === scope)
        .map(notification => notification.id);
      if (!ids.length) return;
      await this.fetchApi.fetch(`${baseUrl}/notifications/update`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ids, read: true }),
      });
    } catch {
      // The notifications backend is optional; the answer is what counts.
    }
  }

  async getTeamPulse(team: CompoundEntityRef): Promise<TeamPulse> {
    return this.request(`${teamPath(team)}/pulse`);
  }

  async getTeamPulseComments(
    team: CompoundEntityRef,
  ): Promise<TeamPulseComments> {
    return this.request(`${teamPath(team)}/pulse/comments`);
  }

  async exportCompensation(
    team: CompoundEntityRef,
    format: 'csv' | 'json',
    options: BurdenWindowQuery = {},
  ): Promise<CompensationExport> {
    const query = windowQueryString(options);
    const response = await this.send(
      `${teamPath(team)}/compensation${query || '?'}${
        query ? '&' : ''
      }format=${format}`,
    );
    const disposition = response.headers.get('Content-Disposition') ?? '';
    const named = /filename="([^"]+)"/.exec(disposition)?.[1];
    return {
      filename: named ?? `compensation-${team.name}.${format}`,
      content: await response.blob(),
    };
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

  async getSloIncidents(
    entity: CompoundEntityRef,
  ): Promise<EntitySloIncidents> {
    return this.request(`${entityPath(entity)}/slos/incidents`);
  }

  async getEntityRollup(entity: CompoundEntityRef): Promise<EntityRollup> {
    return this.request(`${entityPath(entity)}/rollup`);
  }

  async getSloOverview(): Promise<SloOverview> {
    return this.request('/overview/slos');
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

  async getCoverage(filter: CoverageFilter = {}): Promise<CoverageSummary> {
    return this.request(
      `/overview/coverage${queryString(filterPairs(filter))}`,
    );
  }

  async listOverviewEntities(
    options: OverviewListOptions,
  ): Promise<OverviewEntityPage> {
    const pairs = filterPairs(options.filter ?? {});
    if (options.gap) pairs.push(['gap', options.gap]);
    if (options.sort) pairs.push(['sort', options.sort]);
    if (options.order) pairs.push(['order', options.order]);
    if (options.offset !== undefined)
      pairs.push(['offset', String(options.offset)]);
    if (options.limit !== undefined)
      pairs.push(['limit', String(options.limit)]);
    return this.request(`/overview/entities${queryString(pairs)}`);
  }

  async getTiers(filter: CoverageFilter = {}): Promise<TierOverview> {
    return this.request(`/overview/tiers${queryString(filterPairs(filter))}`);
  }

  async getSpecialistGaps(): Promise<SpecialistGapRow[]> {
    return (
      await this.request<{ teams: SpecialistGapRow[] }>(
        '/overview/specialist-gaps',
      )
    ).teams;
  }

  async getTeamsAtRisk(): Promise<TeamRisk[]> {
    return (
      await this.request<{ teams: TeamRisk[] }>('/overview/teams-at-risk')
    ).teams;
  }

  async whoToCall(
    query: string,
    options: { limit?: number } = {},
  ): Promise<WhoToCallResult> {
    const params: Array<[string, string]> = [['q', query]];
    if (options.limit !== undefined)
      params.push(['limit', String(options.limit)]);
    return this.request(`/overview/who-to-call${queryString(params)}`);
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
    return (await (await this.send(path)).json()) as T;
  }

  /** The one place requests are sent; a failed response is thrown. */
  private async send(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('sre-ownership');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}

/** The overview filters as query pairs, a pair per value. */
function filterPairs(filter: CoverageFilter): Array<[string, string]> {
  return Object.entries(filter).flatMap(([key, values]) =>
    ((values as string[] | undefined) ?? []).map(
      value => [key, value] as [string, string],
    ),
  );
}

/**
 * `?a=1&b=2`, or empty. Every value percent-encoded (a space as %20, never
 * +), as the backend's validator requires.
 */
function queryString(pairs: Array<[string, string]>): string {
  if (!pairs.length) return '';
  return `?${pairs
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&')}`;
}

function entityPath({ kind, namespace, name }: CompoundEntityRef): string {
  return `/entities/${[kind, namespace, name]
    .map(encodeURIComponent)
    .join('/')}`;
}

function teamPath({ namespace, name }: CompoundEntityRef): string {
  return `/teams/${[namespace, name].map(encodeURIComponent).join('/')}`;
}
