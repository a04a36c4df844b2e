import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntitySloIncidents,
  EntitySloStatus,
  ResolvedOwnership,
  SloDeclaration,
  SloDeclarations,
  SloIncidentAttribution,
  SloStatus,
  SloStatusError,
} from '@sre-ownership/plugin-sre-ownership-common';
import { OncallStore } from '../oncall/OncallStore';
import { attributable, attributeIncidents } from './incidentBudget';
import {
  PrometheusClient,
  PrometheusQueryError,
  PrometheusUnavailableError,
} from './PrometheusClient';
import { PrometheusSettings } from './prometheusConfig';
import { SloDeclarationReader } from './SloDeclarationReader';
import { measureSlo, windowsOf } from './measureSlo';

/**
 * The SLOs of an entity with their status from Prometheus and the SLO guard
 * who defends them. The entity and its ownership are read with the caller's
 * credentials; Prometheus is asked only by the backend.
 */
export class SloService {
  private readonly clients: Map<string, PrometheusClient>;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      reader: SloDeclarationReader;
      settings: PrometheusSettings;
      getOwnership: (
        ref: CompoundEntityRef,
        credentials: BackstageCredentials,
      ) => Promise<ResolvedOwnership>;
      /** The pages about an entity, for the budget each incident spent. */
      pages: Pick<OncallStore, 'listPages'>;
      /** The evaluation time; the wall clock by default. */
      now?: () => Date;
    },
  ) {
    const { timeoutMs, cacheTtlMs } = options.settings;
    this.clients = new Map(
      options.settings.instances.map(instance => [
        instance.name,
        new PrometheusClient(instance, { timeoutMs, cacheTtlMs }),
      ]),
    );
  }

  async getSloStatus(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<EntitySloStatus> {
    const entity = await this.readEntity(ref, credentials);
    const [measured, ownership] = await Promise.all([
      this.measureEntity(entity),
      this.options.getOwnership(ref, credentials),
    ]);
    const guard = ownership.specialists.find(s => s.role === 'slo-guard');
    return {
      ...measured,
      ...(guard ? { guard } : {}),
      prometheusConfigured: this.clients.size > 0,
    };
  }

  /** The SLOs an entity declares and the problems of its declarations. */
  readDeclarations(
    entity: Entity,
    signal?: AbortSignal,
  ): Promise<SloDeclarations> {
    return this.options.reader.read(entity, signal);
  }

  /**
   * The SLOs an entity declares, each measured at one instant, and the
   * problems of the declarations. `declarations` skips reading them again.
   */
  async measureEntity(
    entity: Entity,
    declarations?: SloDeclarations,
  ): Promise<Omit<EntitySloStatus, 'guard' | 'prometheusConfigured'>> {
    const declared = declarations ?? (await this.options.reader.read(entity));
    const now = this.nowSeconds();
    const slos = await Promise.all(
      declared.slos.map(slo => this.statusOf(slo, now)),
    );
    return {
      entityRef: stringifyEntityRef(entity),
      evaluatedAt: new Date(now * 1000).toISOString(),
      slos,
      problems: declared.problems,
    };
  }

  /**
   * For each SLO of the entity, the error budget each page about it spent
   * while it was open (docs/slos.md, "Budget per incident").
   */
  async getIncidents(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<EntitySloIncidents> {
    const entity = await this.readEntity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    const declarations = await this.options.reader.read(entity);
    const now = this.nowSeconds();
    const slos = await Promise.all(
      declarations.slos.map(slo => this.incidentsOf(entityRef, slo, now)),
    );
    return {
      entityRef,
      evaluatedAt: new Date(now * 1000).toISOString(),
      slos,
    };
  }

  private async incidentsOf(
    entityRef: string,
    slo: SloDeclaration,
    now: number,
  ): Promise<SloIncidentAttribution> {
    const client = this.clientOf(slo);
    const unattributed: SloIncidentAttribution = {
      sloName: slo.name,
      displayName: slo.displayName,
      window: {
        start: new Date(now * 1000).toISOString(),
        end: new Date(now * 1000).toISOString(),
      },
      incidents: [],
      duringIncidents: null,
      outsideIncidents: null,
      consumed: null,
    };
    const failed = (error: SloStatusError): SloIncidentAttribution => ({
      ...unattributed,
      error,
    });
    if ('error' in client) return failed(client.error);
    if (!attributable(slo)) {
      return {
        ...unattributed,
        note: 'Budget per incident is computed for counter ratios with Occurrences budgeting; this SLO is counted in time slices or readings, which an incident does not line up with',
      };
    }
    // A page triggered in the window before may still be open in this one.
    const pages = await this.options.pages.listPages({
      entityRef,
      range: {
        from: new Date(windowsOf(slo, now).previous.start * 1000),
        to: new Date(now * 1000 + 1),
      },
    });
    try {
      return await attributeIncidents(slo, client.client, pages, now);
    } catch (error) {
      if (error instanceof PrometheusUnavailableError) {
        return failed({ kind: 'unavailable', message: error.message });
      }
      if (error instanceof PrometheusQueryError) {
        return failed({ kind: 'query-failed', message: error.message });
      }
      throw error;
    }
  }

  private async readEntity(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entityRef = stringifyEntityRef(ref);
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity)
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    return entity;
  }

  /**
   * Whole seconds: Prometheus evaluates at the given instant, and a fixed
   * instant per request keeps every window of it on the same edge.
   */
  private nowSeconds(): number {
    return Math.floor((this.options.now?.() ?? new Date()).getTime() / 1000);
  }

  /** The client an SLO's queries go to, or why there is none. */
  private clientOf(
    slo: SloDeclaration,
  ): { name: string; client: PrometheusClient } | { error: SloStatusError } {
    const name =
      slo.indicator.prometheus ?? this.options.settings.defaultInstance;
    const client = name === undefined ? undefined : this.clients.get(name);
    if (client && name) return { name, client };
    if (this.clients.size === 0) {
      return {
        error: {
          kind: 'not-configured',
          message:
            'No Prometheus is configured: add one under sreOwnership.prometheus.instances in app-config (docs/slos.md)',
        },
      };
    }
    return {
      error: {
        kind: 'unknown-instance',
        message: `The DataSource names the Prometheus instance "${name}", which sreOwnership.prometheus.instances does not list; configured: ${[
          ...this.clients.keys(),
        ].join(', ')}`,
      },
    };
  }

  private async statusOf(slo: SloDeclaration, now: number): Promise<SloStatus> {
    const chosen = this.clientOf(slo);
    const name =
      'name' in chosen
        ? chosen.name
        : slo.indicator.prometheus ?? this.options.settings.defaultInstance;
    const failed = (error: SloStatusError): SloStatus => ({
      slo,
      ...(name ? { prometheus: name } : {}),
      window: {
        start: new Date(now * 1000).toISOString(),
        end: new Date(now * 1000).toISOString(),
      },
      notes: [...(slo.notes ?? [])],
      error,
    });
    if ('error' in chosen) return failed(chosen.error);
    try {
      return {
        ...(await measureSlo(slo, chosen.client, now)),
        prometheus: chosen.name,
      };
    } catch (error) {
      if (error instanceof PrometheusUnavailableError) {
        return failed({ kind: 'unavailable', message: error.message });
      }
      if (error instanceof PrometheusQueryError) {
        return failed({ kind: 'query-failed', message: error.message });
      }
      throw error;
    }
  }
}
