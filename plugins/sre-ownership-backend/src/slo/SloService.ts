import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntitySloStatus,
  ResolvedOwnership,
  SloDeclaration,
  SloStatus,
  SloStatusError,
} from '@sre-ownership/plugin-sre-ownership-common';
import {
  PrometheusClient,
  PrometheusQueryError,
  PrometheusUnavailableError,
} from './PrometheusClient';
import { PrometheusSettings } from './prometheusConfig';
import { SloDeclarationReader } from './SloDeclarationReader';
import { measureSlo } from './measureSlo';

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
    const entityRef = stringifyEntityRef(ref);
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity)
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    const [declarations, ownership] = await Promise.all([
      this.options.reader.read(entity),
      this.options.getOwnership(ref, credentials),
    ]);
    // Whole seconds: Prometheus evaluates at the given instant, and a fixed
    // instant per request keeps every window of it on the same edge.
    const now = Math.floor(
      (this.options.now?.() ?? new Date()).getTime() / 1000,
    );
    const slos = await Promise.all(
      declarations.slos.map(slo => this.statusOf(slo, now)),
    );
    const guard = ownership.specialists.find(s => s.role === 'slo-guard');
    return {
      entityRef,
      evaluatedAt: new Date(now * 1000).toISOString(),
      slos,
      problems: declarations.problems,
      ...(guard ? { guard } : {}),
      prometheusConfigured: this.clients.size > 0,
    };
  }

  private async statusOf(slo: SloDeclaration, now: number): Promise<SloStatus> {
    const name =
      slo.indicator.prometheus ?? this.options.settings.defaultInstance;
    const client = name === undefined ? undefined : this.clients.get(name);
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
    if (!client) {
      if (this.clients.size === 0) {
        return failed({
          kind: 'not-configured',
          message:
            'No Prometheus is configured: add one under sreOwnership.prometheus.instances in app-config (docs/slos.md)',
        });
      }
      return failed({
        kind: 'unknown-instance',
        message: `The DataSource names the Prometheus instance "${name}", which sreOwnership.prometheus.instances does not list; configured: ${[
          ...this.clients.keys(),
        ].join(', ')}`,
      });
    }
    try {
      return { ...(await measureSlo(slo, client, now)), prometheus: name };
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
