// End-to-end scenarios for the anonymous on-call pulse: the payments Group
// page shows the demo's pulse summary (packages/backend/src/demo), and the
// guest (Chloe Dubois of Payments and Data Platform, app-config.yaml),
// invited after a shift of theirs ends, opens the pulse from the invitation
// and answers once, and the invitation is marked done in the bell.

const HOUR = 3_600_000;
const TOPIC = 'sre-ownership.pulse';

async function guestToken(baseUrl) {
  const response = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  return (await response.json()).backstageIdentity.token;
}

/** The guest's pulse invitations about Data Platform (the demo adds Payments'). */
async function pulseInvitations(baseUrl, token) {
  const response = await fetch(
    `${baseUrl}/api/notifications/notifications?limit=100`,
    { headers: { Authorization: `Bearer ${token}` } },
  );
  if (!response.ok) throw new Error(`notifications: ${response.status}`);
  const { notifications } = await response.json();
  return notifications.filter(
    n =>
      n.payload.topic === TOPIC &&
      n.payload.description?.includes('for data-platform'),
  );
}

/** Runs the pulse scenarios; `scenario` records each as passed or failed. */
export async function pulseScenarios({
  page,
  baseUrl,
  scenario,
  card,
  openEntityPage,
  waitFor,
  artifacts,
  join,
}) {
  await scenario(
    page,
    'the payments Group page shows a pulse summary and its fall as a reason',
    async () => {
      await openEntityPage(
        page,
        '/catalog/default/group/payments',
        'On-call burden',
      );
      const burden = card('On-call burden');
      const pulse = burden.getByRole('region', { name: 'On-call pulse' });
      await pulse
        .getByText('2.6 / 5 (fell from 3.8)')
        .waitFor({ timeout: 15000 });
      await pulse
        .getByText('Three nights in a row', { exact: false })
        .waitFor({ timeout: 15000 });
      await burden
        .getByText(/sustainability score fell from 3.8 to 2.6/)
        .waitFor({ timeout: 15000 });
      await page.screenshot({
        path: join(artifacts, 'payments-pulse.png'),
        fullPage: true,
      });
    },
  );

  const token = await guestToken(baseUrl);
  await scenario(
    page,
    'the guest opens the pulse from the invitation and answers once',
    async () => {
      const shiftEnd = Date.now() - HOUR;
      const response = await fetch(`${baseUrl}/api/sre-ownership/events`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
        },
        body: JSON.stringify({
          shifts: [
            {
              source: 'e2e',
              externalId: 'chloe-pulse-shift',
              teamRef: 'group:default/data-platform',
              userRef: 'user:default/chloe-dubois',
              startsAt: new Date(shiftEnd - 12 * HOUR).toISOString(),
              endsAt: new Date(shiftEnd).toISOString(),
            },
          ],
        }),
      });
      if (!response.ok) throw new Error(`bulk API answered ${response.status}`);
      await waitFor(
        'the pulse invitation',
        async () => (await pulseInvitations(baseUrl, token)).length > 0,
        120_000,
      );
      const [invitation, ...more] = await pulseInvitations(baseUrl, token);
      if (more.length) throw new Error(`${more.length + 1} invitations`);
      // Another run of the task must not invite again for the same shift.
      await new Promise(resolve => setTimeout(resolve, 12_000));
      const after = await pulseInvitations(baseUrl, token);
      if (after.length !== 1)
        throw new Error(`${after.length} invitations after a rerun`);

      const title = invitation.payload.title;
      if (!/^How was your on-call, .+ – .+ UTC\?$/.test(title))
        throw new Error(`the invitation does not name its period: ${title}`);
      await openEntityPage(page, '/notifications', title);
      await page.getByText(title).first().click();
      await page.waitForURL(`**${invitation.payload.link}`, { timeout: 15000 });
      await page
        .getByRole('radiogroup', { name: 'Was this rotation sustainable?' })
        .waitFor({ timeout: 30000 });
      for (const question of [
        'Was this rotation sustainable?',
        'How disrupted was your sleep?',
        'Were the pages actionable?',
      ]) {
        await page
          .getByRole('radiogroup', { name: question })
          .getByRole('radio', { name: '3' })
          .check();
      }
      await page.getByRole('button', { name: 'Send my answer' }).click();
      await page.getByText('Thank you').waitFor({ timeout: 15000 });
      // Answering marks the invitation done in the bell.
      await waitFor(
        'the answered invitation to be read',
        async () => {
          const [answered] = await pulseInvitations(baseUrl, token);
          return !!answered?.read;
        },
        15_000,
      );

      await page.reload();
      await page.getByText('Already answered').waitFor({ timeout: 15000 });
      const id = invitation.payload.link.split('/').pop();
      const again = await fetch(
        `${baseUrl}/api/sre-ownership/pulse/invitations/${id}/answer`,
        {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Authorization: `Bearer ${token}`,
          },
          body: JSON.stringify({
            scores: { sustainable: 1, sleep: 1, actionable: 1 },
          }),
        },
      );
      if (again.status !== 409)
        throw new Error(`a second answer got ${again.status}, not 409`);
      await page.screenshot({
        path: join(artifacts, 'pulse-answered.png'),
        fullPage: true,
      });
    },
  );
}
