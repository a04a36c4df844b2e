// End-to-end scenarios for notifications: a team pushed over a limit
// through the bulk API gets one notification in the bell, and a second push
// updates it rather than adding another. The demo signs the guest in as
// Chloe Dubois, a member of Data Platform and of Payments (app-config.yaml).

const TEAM = 'group:default/data-platform';
const SCOPE = `burden:${TEAM}:status:28d`;
const HOUR = 3_600_000;

async function guestToken(baseUrl) {
  const response = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  return (await response.json()).backstageIdentity.token;
}

async function teamNotifications(baseUrl, token) {
  const response = await fetch(
    `${baseUrl}/api/notifications/notifications?limit=100`,
    { headers: { Authorization: `Bearer ${token}` } },
  );
  if (!response.ok) throw new Error(`notifications: ${response.status}`);
  const { notifications } = await response.json();
  return notifications.filter(n => n.payload.scope === SCOPE);
}

/** Erik carried one 24-hour shift that just ended, and was paged in it. */
function batch(from, count) {
  const shiftEnd = Date.now() - HOUR;
  return {
    shifts: [
      {
        source: 'e2e',
        externalId: 'data-platform-shift',
        teamRef: TEAM,
        userRef: 'user:default/erik-johansson',
        startsAt: new Date(shiftEnd - 24 * HOUR).toISOString(),
        endsAt: new Date(shiftEnd).toISOString(),
      },
    ],
    pages: Array.from({ length: count }, (_, i) => ({
      source: 'e2e',
      externalId: `data-platform-page-${from + i}`,
      entityRef: 'component:default/events-pipeline',
      teamRef: TEAM,
      responderRef: 'user:default/erik-johansson',
      severity: 'high',
      triggeredAt: new Date(
        shiftEnd - (2 + (from + i) * 0.5) * HOUR,
      ).toISOString(),
    })),
  };
}

/** Runs the notification scenarios; `scenario` records each as passed or failed. */
export async function notifyScenarios({
  page,
  baseUrl,
  scenario,
  openEntityPage,
  waitFor,
  artifacts,
  join,
}) {
  const token = await guestToken(baseUrl);
  const push = async body => {
    const response = await fetch(`${baseUrl}/api/sre-ownership/events`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${token}`,
      },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`bulk API answered ${response.status}`);
  };
  const bell = () => page.getByRole('link', { name: /notifications/i }).first();

  let first;
  await scenario(
    page,
    'a team pushed over a limit gets one notification in the bell',
    async () => {
      if ((await teamNotifications(baseUrl, token)).length)
        throw new Error('Data Platform had a notification before the push');
      await push(batch(0, 5)); // 2.5 pages per 12-hour shift: at risk
      await waitFor(
        'the at-risk notification',
        async () => (await teamNotifications(baseUrl, token)).length > 0,
        90_000,
      );
      [first] = await teamNotifications(baseUrl, token);
      await openEntityPage(
        page,
        '/notifications',
        'Data Platform on-call rotation is at risk',
      );
      // The bell counts every unread notification: the guest also has the
      // demo's payments ones.
      const status = await fetch(`${baseUrl}/api/notifications/status`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      const { unread } = await status.json();
      await bell()
        .getByText(String(unread), { exact: true })
        .first()
        .waitFor({ timeout: 15000 });
      await page.screenshot({
        path: join(artifacts, 'notification-at-risk.png'),
        fullPage: true,
      });
    },
  );

  await scenario(
    page,
    'a second push updates the notification instead of adding one',
    async () => {
      await push(batch(5, 15)); // 20 pages in 24 hours: overloaded
      await waitFor(
        'the notification to turn overloaded',
        async () => {
          const found = await teamNotifications(baseUrl, token);
          return found.some(n => n.payload.title.endsWith('overloaded'));
        },
        90_000,
      );
      const found = await teamNotifications(baseUrl, token);
      if (found.length !== 1)
        throw new Error(`${found.length} notifications for one scope`);
      if (first && found[0].id !== first.id)
        throw new Error('the update came as a new notification');
      await openEntityPage(
        page,
        '/notifications',
        'Data Platform on-call rotation is overloaded',
      );
      await page
        .getByText('Data Platform on-call rotation is at risk')
        .waitFor({ state: 'detached', timeout: 15000 });
      await page.screenshot({
        path: join(artifacts, 'notification-overloaded.png'),
        fullPage: true,
      });
    },
  );
}
