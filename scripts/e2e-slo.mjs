// End-to-end scenarios for SLOs: a real Prometheus with generated history
// for the demo SLOs (examples/slos/), the SLO card on the demo services, and
// a broken declaration's message.
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { startDemoPrometheus } from './lib/demo-prometheus.mjs';

/**
 * Starts the demo Prometheus on E2E_PORT + 2000 (9017 by default), so that
 * test runs on other ports do not collide. Resolves with the environment
 * that connects the backend to it and `stop()`; on failure, records it and
 * resolves with no environment, so the other scenarios still run.
 */
export async function startSloPrometheus({ port, record }) {
  try {
    const prometheus = await startDemoPrometheus({
      dir: join(tmpdir(), `sre-ownership-e2e-prometheus-${port}`),
      port: port + 2000,
      log: message => console.log(`==> ${message}`),
    });
    record('a real Prometheus serves the demo SLI history', true);
    return prometheus;
  } catch (error) {
    record(
      'a real Prometheus serves the demo SLI history',
      false,
      error.message,
    );
    return { env: {}, stop: async () => {} };
  }
}

/** Runs the SLO scenarios; `scenario` records each as passed or failed. */
export async function sloScenarios({
  page,
  scenario,
  card,
  openEntityPage,
  artifacts,
}) {
  await scenario(
    page,
    'a service shows its SLO budget and a page-level burn from Prometheus, with its SLO guard',
    async () => {
      await openEntityPage(
        page,
        '/catalog/default/component/payments-api',
        'Service level objectives',
      );
      const slos = card('Service level objectives');
      const slo = slos.getByRole('article', { name: 'Payments availability' });
      await slo.getByText('Page: fast burn').waitFor({ timeout: 30000 });
      await slo
        .getByText(/^Target 99\.9% over 7d rolling · attainment 99\.9\d*%$/)
        .waitFor({ timeout: 5000 });
      await slo
        .getByText(/^Budget remaining: \d+(\.\d)?% \(.+ of full outage left\)$/)
        .waitFor({ timeout: 5000 });
      await slo
        .getByText(
          /^burning \d+(\.\d)?x over 1h: budget gone in .+ at this rate$/,
        )
        .waitFor({ timeout: 5000 });
      await slo
        .getByRole('progressbar', {
          name: 'Error budget remaining for Payments availability',
        })
        .waitFor({ timeout: 5000 });
      await slo
        .getByRole('link', { name: 'Open the query in Prometheus' })
        .waitFor({ timeout: 5000 });
      await slos
        .getByLabel('SLO guard')
        .getByText('Jane Doe')
        .waitFor({ timeout: 5000 });
      await slos.screenshot({ path: join(artifacts, 'payments-api-slos.png') });
    },
  );

  await scenario(page, 'a slow burn shows as a ticket', async () => {
    await openEntityPage(
      page,
      '/catalog/default/component/search-api',
      'Service level objectives',
    );
    const slo = card('Service level objectives').getByRole('article', {
      name: 'Search availability',
    });
    await slo.getByText('Ticket: slow burn').waitFor({ timeout: 30000 });
    await slo
      .getByText(/^burning 2x over 3d: budget gone in .+ at this rate$/)
      .waitFor({ timeout: 5000 });
  });

  await scenario(
    page,
    'a latency SLO budgeted by time slices shows its method and threshold',
    async () => {
      await openEntityPage(
        page,
        '/catalog/default/component/search-api',
        'Service level objectives',
      );
      const slos = card('Service level objectives');
      const slo = slos.getByRole('article', { name: 'Search latency' });
      // 10 of the week's 2,016 five-minute slices had a p99 of 0.45 s.
      await slo
        .getByText('Target 99% over 7d rolling · attainment 99.504%')
        .waitFor({ timeout: 30000 });
      await slo
        .getByText(
          'OpenSLO v1 · Timeslices: 5m slices, each good at 95% or more · search-p99-seconds < 0.3',
        )
        .waitFor({ timeout: 5000 });
      await slos.screenshot({ path: join(artifacts, 'search-api-slos.png') });
    },
  );

  await scenario(
    page,
    'a broken SLO declaration shows a precise message',
    async () => {
      await openEntityPage(
        page,
        '/catalog/default/component/recommendations',
        'Service level objectives',
      );
      const slos = card('Service level objectives');
      await slos
        .getByText('sre-ownership.io/slos', { exact: true })
        .waitFor({ timeout: 30000 });
      await slos
        .getByText('spec.objectives[0].target', { exact: true })
        .waitFor({ timeout: 5000 });
      await slos
        .getByText(
          /is 99\.9; write a share between 0 and 1, e\.g\. 0\.999, or targetPercent: 99\.9/,
        )
        .waitFor({ timeout: 5000 });
      await slos.screenshot({
        path: join(artifacts, 'recommendations-slo-problem.png'),
      });
    },
  );

  await scenario(
    page,
    'a service without SLOs shows the OpenSLO YAML to add',
    async () => {
      await openEntityPage(
        page,
        '/catalog/default/component/status-page',
        'Service level objectives',
      );
      const slos = card('Service level objectives');
      await slos.getByText('No SLOs declared').waitFor({ timeout: 30000 });
      await slos
        .getByText(/sre-ownership\.io\/slo-file: \.\/slos\.yaml/)
        .waitFor({ timeout: 5000 });
    },
  );
}
