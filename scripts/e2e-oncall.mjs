// End-to-end scenarios for on-call data: the demo teams' health, and
// deliveries from Alertmanager, PagerDuty and the schedule feed replayed
// against the running backend.
import { createHmac } from 'node:crypto';

const ALERTMANAGER_TOKEN = 'demo-alertmanager-token-change-me';
const PAGERDUTY_SECRET = 'demo-pagerduty-secret';

async function guestToken(baseUrl) {
  const response = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  return (await response.json()).backstageIdentity.token;
}

async function servicePages(baseUrl, token, name) {
  const response = await fetch(
    `${baseUrl}/api/sre-ownership/entities/component/default/${name}/oncall-health`,
    { headers: { Authorization: `Bearer ${token}` } },
  );
  if (!response.ok) throw new Error(`oncall-health: ${response.status}`);
  return (await response.json()).current.pages;
}

// Alertmanager re-sends an alert with the start it first fired at.
const alertStartedAt = new Date(Date.now() - 30 * 60_000).toISOString();
const alert = status => ({
  version: '4',
  status,
  alerts: [
    {
      status,
      labels: {
        alertname: 'LagHigh',
        service: 'events-pipeline',
        severity: 'critical',
      },
      annotations: { summary: 'Consumer lag above 10 minutes' },
      startsAt: alertStartedAt,
      endsAt:
        status === 'resolved'
          ? new Date().toISOString()
          : '0001-01-01T00:00:00Z',
      fingerprint: `e2e-${process.pid}`,
    },
  ],
});

/** Runs the on-call scenarios; `scenario` records each as passed or failed. */
export async function oncallScenarios({
  page,
  baseUrl,
  scenario,
  card,
  openEntityPage,
  artifacts,
  join,
}) {
  await scenario(
    page,
    'the overloaded demo team shows its status and reasons',
    async () => {
      await openEntityPage(
        page,
        '/catalog/default/group/payments',
        'On-call burden',
      );
      const burden = card('On-call burden');
      await burden
        .getByText('Overloaded', { exact: true })
        .waitFor({ timeout: 15000 });
      await burden
        .getByText(/The rotation has 3 engineers; 4 are needed/)
        .waitFor({ timeout: 15000 });
      await page.screenshot({
        path: join(artifacts, 'payments-team-burden.png'),
        fullPage: true,
      });
    },
  );

  await scenario(
    page,
    'the other demo teams are at risk and healthy',
    async () => {
      await openEntityPage(
        page,
        '/catalog/default/group/search',
        'On-call burden',
      );
      await card('On-call burden')
        .getByText('At risk', { exact: true })
        .waitFor({ timeout: 15000 });
      await openEntityPage(
        page,
        '/catalog/default/group/mobile',
        'On-call burden',
      );
      await card('On-call burden')
        .getByText('Healthy', { exact: true })
        .waitFor({ timeout: 15000 });
    },
  );

  const token = await guestToken(baseUrl);
  const post = (path, body, headers) =>
    fetch(`${baseUrl}/api/sre-ownership${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  await scenario(
    page,
    'an Alertmanager delivery appears on the service card, once',
    async () => {
      const before = await servicePages(baseUrl, token, 'events-pipeline');
      const auth = { Authorization: `Bearer ${ALERTMANAGER_TOKEN}` };
      for (const status of ['firing', 'firing', 'resolved']) {
        const response = await post(
          '/webhooks/alertmanager',
          alert(status),
          auth,
        );
        if (response.status !== 201)
          throw new Error(`webhook answered ${response.status}`);
      }
      const after = await servicePages(baseUrl, token, 'events-pipeline');
      if (after !== before + 1)
        throw new Error(`pages went from ${before} to ${after}, expected +1`);
      await openEntityPage(
        page,
        '/catalog/default/component/events-pipeline',
        'On-call health',
      );
      await card('On-call health')
        .getByText('Pages in the last 28 days')
        .waitFor({ timeout: 15000 });
      const unauthenticated = await post(
        '/webhooks/alertmanager',
        alert('firing'),
      );
      if (unauthenticated.status !== 401)
        throw new Error(
          `unauthenticated webhook answered ${unauthenticated.status}`,
        );
    },
  );

  await scenario(
    page,
    'a signed PagerDuty incident is stored once; a forged one is refused',
    async () => {
      const before = await servicePages(baseUrl, token, 'payments-api');
      const event = type => ({
        event: {
          id: `e2e-${type}`,
          event_type: `incident.${type}`,
          resource_type: 'incident',
          occurred_at: new Date().toISOString(),
          agent: { summary: 'Jane Doe', type: 'user_reference' },
          data: {
            id: `E2E${process.pid}`,
            type: 'incident',
            title: 'Card payments failing',
            created_at: new Date(Date.now() - 60_000).toISOString(),
            urgency: 'high',
            service: { id: 'PAYAPI1' },
          },
        },
      });
      const signed = (body, secret) => {
        const raw = JSON.stringify(body);
        return post('/webhooks/pagerduty', raw, {
          'X-PagerDuty-Signature': `v1=${createHmac('sha256', secret)
            .update(raw)
            .digest('hex')}`,
        });
      };
      for (const type of [
        'triggered',
        'acknowledged',
        'resolved',
        'resolved',
      ]) {
        const response = await signed(event(type), PAGERDUTY_SECRET);
        if (response.status !== 202)
          throw new Error(`${type} answered ${response.status}`);
      }
      const forged = await signed(event('triggered'), 'not-the-secret');
      if (forged.status !== 401)
        throw new Error(`forged delivery answered ${forged.status}`);
      const after = await servicePages(baseUrl, token, 'payments-api');
      if (after !== before + 1)
        throw new Error(`pages went from ${before} to ${after}, expected +1`);
    },
  );

  await scenario(
    page,
    'the schedule feed says who is on call for the platform team',
    async () => {
      // events-pipeline escalates first to the platform team's rotation, which
      // comes from examples/schedules/platform-sre.ics. The feed is read by a
      // scheduled task shortly after start: reload until it has been.
      const deadline = Date.now() + 180_000;
      for (;;) {
        await openEntityPage(
          page,
          '/catalog/default/component/events-pipeline',
          'Escalation path',
        );
        const onCall = card('Escalation path')
          .getByText(/On call now/)
          .first();
        if (
          await onCall.waitFor({ timeout: 10000 }).then(
            () => true,
            () => false,
          )
        )
          break;
        if (Date.now() > deadline)
          throw new Error('nobody on call for platform-sre after 3 minutes');
      }
      await page.screenshot({
        path: join(artifacts, 'events-pipeline-escalation.png'),
        fullPage: true,
      });
    },
  );
}
