import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { parseAllDocuments, stringify } from 'yaml';
import { anOrganisation } from '../__testUtils__/catalog';
import { sreOwnershipPlugin } from '../plugin';
import { registerSloActions } from './sloActions';
import { SloDeclarationReader } from './SloDeclarationReader';
import { SloService } from './SloService';

const CLOSED_PORT = 9158;

const inlineSlos = `
apiVersion: openslo/v1
kind: SLO
metadata: { name: checkout-availability }
spec:
  budgetingMethod: Occurrences
  timeWindow: [{ duration: 28d, isRolling: true }]
  objectives: [{ target: 0.999 }]
  indicator:
    metadata: { name: checkout-requests }
    spec:
      ratioMetric:
        counter: true
        good: { metricSource: { spec: { query: 'http_requests_total{code!~"5.."}' } } }
        total: { metricSource: { spec: { query: http_requests_total } } }
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: checkout-latency }
spec:
  budgetingMethod: Occurrences
  timeWindow: [{ duration: 28d, isRolling: true }]
  objectives: [{ target: 0.99 }]
  indicator:
    spec:
      ratioMetric:
        counter: true
        good: { metricSource: { spec: { query: 'http_requests_total{code!~"5.."}' } } }
        total: { metricSource: { type: Datadog, spec: { query: 'sum:trace.http.request.hits{*}' } } }
`;

const checkout: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    annotations: {
      'sre-ownership.io/slos': inlineSlos,
      'sre-ownership.io/slo-guard': 'user:jane-doe',
    },
  },
  spec: { type: 'service', owner: 'group:payments' },
};

/** The same SLOs as one top-level YAML list, as OpenSLO's tools write them. */
const ledger: Entity = {
  ...checkout,
  metadata: {
    name: 'ledger',
    namespace: 'default',
    annotations: {
      'sre-ownership.io/slos': stringify(
        parseAllDocuments(inlineSlos).map(doc => doc.toJS()),
      ),
    },
  },
};

async function startBackend(prometheus?: object) {
  const { server } = await startTestBackend({
    features: [
      sreOwnershipPlugin,
      catalogServiceMock.factory({
        entities: [...anOrganisation(), checkout, ledger],
      }),
      mockServices.rootConfig.factory({
        data: prometheus ? { sreOwnership: { prometheus } } : {},
      }),
    ],
  });
  return server;
}

describe('GET /entities/:kind/:namespace/:name/slos', () => {
  it('shows the declarations, their problems and the guard when no Prometheus is configured', async () => {
    const response = await request(await startBackend()).get(
      '/api/sre-ownership/entities/component/default/checkout/slos',
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      entityRef: 'component:default/checkout',
      prometheusConfigured: false,
      slos: [
        {
          slo: { name: 'checkout-availability', target: 0.999 },
          error: {
            kind: 'not-configured',
            message: expect.stringContaining(
              'sreOwnership.prometheus.instances',
            ),
          },
        },
      ],
      problems: [
        {
          entityRef: 'component:default/checkout',
          file: 'sre-ownership.io/slos',
          document: 2,
          declares: 'SLO checkout-latency',
          field: 'spec.indicator.spec.ratioMetric.total.metricSource.type',
          message:
            'is "Datadog"; only Prometheus is read, write type: Prometheus',
        },
      ],
      guard: { role: 'slo-guard', primary: { ref: 'user:default/jane-doe' } },
    });
  });

  it('reads an annotation written as one top-level list and checks each item', async () => {
    const response = await request(await startBackend()).get(
      '/api/sre-ownership/entities/component/default/ledger/slos',
    );
    expect(response.status).toBe(200);
    expect(
      response.body.slos.map((s: { slo: { name: string } }) => s.slo.name),
    ).toEqual(['checkout-availability']);
    expect(response.body.problems).toEqual([
      {
        entityRef: 'component:default/ledger',
        file: 'sre-ownership.io/slos',
        document: 2,
        declares: 'SLO checkout-latency',
        field: 'spec.indicator.spec.ratioMetric.total.metricSource.type',
        message:
          'is "Datadog"; only Prometheus is read, write type: Prometheus',
      },
    ]);
  });

  it('reports an unreachable Prometheus on each SLO, not as a failed request', async () => {
    const server = await startBackend({
      instances: [{ name: 'prod', baseUrl: `http://127.0.0.1:${CLOSED_PORT}` }],
    });
    const response = await request(server).get(
      '/api/sre-ownership/entities/component/default/checkout/slos',
    );
    expect(response.status).toBe(200);
    expect(response.body.prometheusConfigured).toBe(true);
    expect(response.body.slos[0].error).toEqual({
      kind: 'unavailable',
      message: `Prometheus "prod" at http://127.0.0.1:${CLOSED_PORT} did not answer (ECONNREFUSED)`,
    });
  });

  it('answers 404 for an entity that is not in the catalog', async () => {
    const response = await request(await startBackend()).get(
      '/api/sre-ownership/entities/component/default/nope/slos',
    );
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe(
      'No entity component:default/nope in the catalog',
    );
  });

  it('refuses app-config naming a default instance that does not exist', async () => {
    await expect(
      startBackend({
        default: 'prod',
        instances: [{ name: 'test', baseUrl: 'http://127.0.0.1:1' }],
      }),
    ).rejects.toThrow(
      'Invalid app-config: sreOwnership.prometheus.default names no instance "prod"; use one of test',
    );
  });
});

describe('get-slo-status action', () => {
  it('answers with each SLO, the guard to contact and the problems in words', async () => {
    const catalog = catalogServiceMock({
      entities: [...anOrganisation(), checkout],
    });
    const actionsRegistry = actionsRegistryServiceMock();
    registerSloActions({
      actionsRegistry,
      slos: new SloService({
        catalog,
        reader: new SloDeclarationReader({
          urlReader: mockServices.urlReader.mock(),
        }),
        settings: { instances: [], timeoutMs: 1000, cacheTtlMs: 0 },
        getOwnership: async () =>
          ({
            specialists: [
              {
                role: 'slo-guard',
                primary: {
                  ref: 'user:default/jane-doe',
                  kind: 'user',
                  displayName: 'Jane Doe',
                  exists: true,
                  email: 'jane@acme.example',
                },
                backups: [],
              },
            ],
          } as any),
      }),
    });
    const { output } = await actionsRegistry.invoke({
      id: 'test:get-slo-status',
      input: { entityRef: 'checkout' },
      credentials: mockCredentials.user(),
    });
    expect(output).toEqual({
      entityRef: 'component:default/checkout',
      slos: [
        {
          name: 'checkout-availability',
          displayName: 'checkout-availability',
          target: 0.999,
          format: 'openslo',
          budgeting: 'Occurrences',
          window: '28d rolling',
          attainment: null,
          budgetRemaining: null,
          budgetRemainingMinutes: null,
          previousWindowBudgetConsumed: null,
          burnRates: {},
          error:
            'No Prometheus is configured: add one under sreOwnership.prometheus.instances in app-config (docs/slos.md)',
          notes: [],
        },
      ],
      guard: {
        primary: {
          ref: 'user:default/jane-doe',
          name: 'Jane Doe',
          email: 'jane@acme.example',
        },
        backups: [],
      },
      problems: [
        'component:default/checkout: sre-ownership.io/slos (document 2, SLO checkout-latency): spec.indicator.spec.ratioMetric.total.metricSource.type: is "Datadog"; only Prometheus is read, write type: Prometheus',
      ],
    });
  });
});
