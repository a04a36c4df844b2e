import { screen, within } from '@testing-library/react';
import { EntitySloStatus } from '@sre-ownership/plugin-sre-ownership-common';
import {
  aPermissionRefusal,
  aServerError,
} from '../../__testUtils__/apiErrors';
import { renderOnEntityPage } from '../../__testUtils__/entityPage';
import { anEntitySloStatus, anSloStatus } from '../../__testUtils__/slo';
import { SloCard } from './SloCard';

async function renderCard(getSloStatus: () => Promise<EntitySloStatus>) {
  const api = { getSloStatus: jest.fn(getSloStatus) };
  await renderOnEntityPage(<SloCard />, { api });
  return api.getSloStatus;
}

describe('SloCard', () => {
  it('shows a progress indicator while loading', async () => {
    await renderCard(() => new Promise(() => {}));
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('shows what failed when loading fails', async () => {
    const error = await aServerError('catalog down');
    await renderCard(() => Promise.reject(error));
    expect(
      screen.getByText(/Could not load this service's SLOs/),
    ).toBeInTheDocument();
  });

  it('explains a permission refusal instead of showing an error', async () => {
    await renderCard(async () => {
      throw await aPermissionRefusal();
    });
    expect(screen.getByText('Permission required')).toBeInTheDocument();
  });

  it('gives the exact YAML to add when nothing is declared', async () => {
    await renderCard(async () => anEntitySloStatus({ slos: [], problems: [] }));
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('No SLOs declared');
    const yaml = status.querySelector('pre')!.textContent!;
    expect(yaml).toContain('sre-ownership.io/slo-file: ./slos.yaml');
    expect(yaml).toContain('apiVersion: openslo/v1');
    expect(yaml).toContain(
      'query: http_requests_total{job="payments-api",code!~"5.."}',
    );
  });

  it('shows each SLO with target, attainment, budget bar and burn state in words', async () => {
    await renderCard(async () => anEntitySloStatus());
    const slo = screen.getByRole('article', { name: 'Checkout availability' });
    expect(slo).toHaveTextContent(
      'Target 99.9% over 28d rolling · attainment 99.952%',
    );
    expect(within(slo).getByText('Page: fast burn')).toBeInTheDocument();
    const bar = within(slo).getByRole('progressbar', {
      name: 'Error budget remaining for Checkout availability',
    });
    expect(bar).toHaveAttribute('aria-valuenow', '52');
    expect(slo).toHaveTextContent(
      'Budget remaining: 52% (21 minutes of full outage left)',
    );
    expect(slo).toHaveTextContent(
      'burning 6.2x over 6h: budget gone in 2.3 days at this rate',
    );
    expect(slo).toHaveTextContent('Previous window used 20% of its budget');
    expect(
      within(slo).getByRole('link', { name: 'Open the query in Prometheus' }),
    ).toHaveAttribute('href', 'http://prometheus.example/graph?g0.expr=x');
  });

  it('names the source format, the budgeting method and a threshold', async () => {
    const base = anSloStatus().slo;
    await renderCard(async () =>
      anEntitySloStatus({
        slos: [
          anSloStatus(),
          anSloStatus({
            slo: {
              ...base,
              name: 'checkout-latency',
              displayName: 'Checkout latency',
              budgeting: {
                method: 'Timeslices',
                sliceSeconds: 300,
                sliceDuration: '5m',
                sliceTarget: 0.95,
              },
              indicator: {
                metric: 'threshold',
                name: 'checkout-p99-seconds',
                query: {
                  query: 'checkout_p99_seconds',
                  form: 'selector',
                  field:
                    'spec.indicator.spec.thresholdMetric.metricSource.spec.query',
                },
                op: 'lt',
                value: 0.3,
              },
            },
          }),
        ],
      }),
    );
    expect(
      screen.getByRole('article', { name: 'Checkout availability' }),
    ).toHaveTextContent('OpenSLO v1 · Occurrences');
    expect(
      screen.getByRole('article', { name: 'Checkout latency' }),
    ).toHaveTextContent(
      'OpenSLO v1 · Timeslices: 5m slices, each good at 95% or more · checkout-p99-seconds < 0.3',
    );
  });

  it('names the SLO guard and backup with contact links', async () => {
    await renderCard(async () => anEntitySloStatus());
    const guard = screen.getByLabelText('SLO guard');
    expect(within(guard).getByText('Jane Doe')).toBeInTheDocument();
    expect(
      within(guard).getByRole('link', { name: 'jane.doe@acme.example' }),
    ).toHaveAttribute('href', 'mailto:jane.doe@acme.example');
    expect(within(guard).getByText('Mei Lin')).toBeInTheDocument();
  });

  it('says "—" with the reason when the window had no events, not 0', async () => {
    const figures = anSloStatus().figures!;
    await renderCard(async () =>
      anEntitySloStatus({
        slos: [
          anSloStatus({
            figures: {
              ...figures,
              attainment: null,
              previousConsumed: null,
              budget: {
                ...figures.budget,
                consumed: null,
                remaining: null,
                remainingSeconds: null,
              },
              burn: {
                severity: 'unknown',
                rate: null,
                exhaustedInSeconds: null,
              },
            },
            summary: 'no events in the last 3 days: burn rate unknown',
            notes: [
              'The total query returned no series over the SLO window; check http_requests_total in Prometheus',
            ],
          }),
        ],
      }),
    );
    const slo = screen.getByRole('article', { name: 'Checkout availability' });
    expect(slo).toHaveTextContent('attainment — (no events in the window)');
    expect(slo).toHaveTextContent(
      'Budget remaining: — (no events in the SLO window)',
    );
    expect(slo).toHaveTextContent('The total query returned no series');
    expect(within(slo).getByText('No data')).toBeInTheDocument();
  });

  it('says how to connect Prometheus when none is configured, and shows problems with file and field', async () => {
    await renderCard(async () =>
      anEntitySloStatus({
        prometheusConfigured: false,
        slos: [
          anSloStatus({
            figures: undefined,
            summary: undefined,
            queryUrl: undefined,
            error: {
              kind: 'not-configured',
              message:
                'No Prometheus is configured: add one under sreOwnership.prometheus.instances in app-config (docs/slos.md)',
            },
          }),
        ],
        problems: [
          {
            entityRef: 'component:default/payments-api',
            file: './slos.yaml',
            document: 2,
            declares: 'SLO payments-latency',
            field: 'spec.objectives[0].target',
            message:
              'is 99.9; write a share between 0 and 1, e.g. 0.999, or targetPercent: 99.9',
          },
        ],
      }),
    );
    expect(screen.getByText('No Prometheus connected')).toBeInTheDocument();
    expect(
      screen.getByText(/baseUrl: http:\/\/prometheus:9090/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('./slos.yaml (document 2, SLO payments-latency)'),
    ).toBeInTheDocument();
    expect(screen.getByText('spec.objectives[0].target')).toBeInTheDocument();
    expect(
      screen.getByText(/write a share between 0 and 1/),
    ).toBeInTheDocument();
    const slo = screen.getByRole('article', { name: 'Checkout availability' });
    expect(within(slo).getByRole('alert')).toHaveTextContent(
      'No Prometheus is configured',
    );
  });

  it('says when Prometheus is down, per SLO', async () => {
    await renderCard(async () =>
      anEntitySloStatus({
        slos: [
          anSloStatus({
            figures: undefined,
            summary: undefined,
            error: {
              kind: 'unavailable',
              message:
                'Prometheus "demo" at http://127.0.0.1:9090 did not answer (ECONNREFUSED)',
            },
          }),
        ],
      }),
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'did not answer (ECONNREFUSED)',
    );
    expect(
      screen.queryByText('No Prometheus connected'),
    ).not.toBeInTheDocument();
  });
});
