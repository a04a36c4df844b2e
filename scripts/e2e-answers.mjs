// End-to-end scenarios for "one answer on every surface": who is on call for
// a service is the same on the escalation card, the on-call health card and
// in the search; a team with nothing recorded has no data rather than a
// health; the overview never speaks from a half-read catalog; the
// specialist gaps matrix resolves roles as the cards do; and the demo guest
// (Chloe Dubois, on the payments rotation) gets one pulse invitation naming
// her on-call period and one notification listing every limit she crossed.
// Each page is looked at 1280 and 1920 px wide.

const WIDTHS = [1280, 1920];
const TOPIC = 'sre-ownership.pulse';

async function guestToken(baseUrl) {
  const response = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  return (await response.json()).backstageIdentity.token;
}

async function api(baseUrl, token, path) {
  const response = await fetch(`${baseUrl}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

/**
 * Starts asking for the overview's coverage as soon as the backend answers,
 * before anything else runs, and keeps every answer: the index must never
 * count as built from part of the catalog. Call `stop` for the answers.
 */
export function watchOverviewReadiness(baseUrl) {
  const answers = [];
  let running = true;
  const done = (async () => {
    const token = await guestToken(baseUrl);
    while (running) {
      try {
        const coverage = await api(
          baseUrl,
          token,
          '/api/sre-ownership/overview/coverage',
        );
        answers.push({
          at: Date.now(),
          built: coverage.refreshedAt !== undefined,
          total: coverage.total,
        });
      } catch (error) {
        answers.push({ at: Date.now(), error: String(error) });
      }
      await new Promise(resolve => setTimeout(resolve, 500));
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      return answers;
    },
  };
}

/** Screenshots the page at each width, as `<name>-<width>.png`. */
async function atEachWidth(page, artifacts, join, name, check) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 1000 });
    if (check) await check(width);
    await page.screenshot({
      path: join(artifacts, `${name}-${width}.png`),
      fullPage: true,
    });
  }
  // The other scenarios look at the page at its usual size.
  await page.setViewportSize({ width: 1400, height: 1000 });
}

/**
 * The overview's readiness, opened as soon as the browser is up: the page
 * shows "still reading the catalog" (never "declare ownership") until the
 * index holds the whole catalog, and the index never counts as built with
 * part of it.
 */
export async function readinessScenario({
  page,
  baseUrl,
  scenario,
  openEntityPage,
  waitFor,
  artifacts,
  join,
  readiness,
}) {
  const token = await guestToken(baseUrl);
  await scenario(
    page,
    'the overview says it is still reading the catalog until the index holds all of it',
    async () => {
      await page.setViewportSize({ width: 1280, height: 1000 });
      await openEntityPage(page, '/reliability', 'Coverage');
      const reading = page.getByTestId('reading-catalog').first();
      if (await reading.isVisible().catch(() => false)) {
        await page.screenshot({
          path: join(artifacts, 'answers-overview-reading-1280.png'),
          fullPage: true,
        });
        if (await page.getByText('No services match').count())
          throw new Error('declare-ownership advice while reading');
      }
      await waitFor(
        'the index to be built',
        async () =>
          (
            await api(baseUrl, token, '/api/sre-ownership/overview/coverage')
          ).refreshedAt !== undefined,
        120_000,
      );
      const answers = await readiness.stop();
      const built = answers.filter(answer => answer.built);
      if (!built.length) throw new Error('the index was never built');
      const final = built[built.length - 1].total;
      const partial = built.filter(answer => answer.total !== final);
      if (partial.length)
        throw new Error(
          `the index counted as built with ${partial[0].total} entities before it held ${final}`,
        );
      const before = answers.filter(answer => !answer.built).length;
      console.log(
        `  overview: ${before} answers said still reading, then built with ${final} entities`,
      );
      await page.reload({ waitUntil: 'domcontentloaded' });
      await page
        .getByRole('table', { name: 'Specialist gaps' })
        .waitFor({ timeout: 30000 });
      if (await page.getByText('No services match').count())
        throw new Error('declare-ownership advice with the index built');
    },
  );
}

/** Runs the scenarios; `scenario` records each as passed or failed. */
export async function answerScenarios({
  page,
  baseUrl,
  scenario,
  card,
  openEntityPage,
  waitFor,
  artifacts,
  join,
}) {
  const token = await guestToken(baseUrl);

  await scenario(
    page,
    'events-pipeline names the same on-call on its escalation and health cards',
    async () => {
      const service =
        '/api/sre-ownership/entities/component/default/events-pipeline';
      const ownership = await api(baseUrl, token, `${service}/ownership`);
      const health = await api(baseUrl, token, `${service}/oncall-health`);
      const fromEscalation = ownership.escalation.levels
        .filter(level => level.type === 'oncall')
        .map(level => level.onCall?.current.map(c => c.userRef) ?? []);
      const fromHealth = health.onCall.map(team =>
        team.current.map(c => c.userRef),
      );
      if (JSON.stringify(fromEscalation) !== JSON.stringify(fromHealth))
        throw new Error(
          `escalation says ${JSON.stringify(
            fromEscalation,
          )}, health says ${JSON.stringify(fromHealth)}`,
        );
      if (!health.onCall.length || !health.onCall[0].current.length)
        throw new Error('nobody on call for events-pipeline in the demo');
      const search = await api(
        baseUrl,
        token,
        '/api/sre-ownership/overview/who-to-call?q=events-pipeline',
      );
      const fromSearch = search.answers[0].onCallNow.map(level =>
        level.onCall.current.map(c => c.userRef),
      );
      if (JSON.stringify(fromSearch) !== JSON.stringify(fromHealth))
        throw new Error(`the search says ${JSON.stringify(fromSearch)}`);

      await openEntityPage(
        page,
        '/catalog/default/component/events-pipeline',
        'On-call health',
      );
      const onCallTeam = health.onCall[0].teamRef.split('/').pop();
      await atEachWidth(
        page,
        artifacts,
        join,
        'answers-events-pipeline',
        async () => {
          const healthCard = card('On-call health');
          await healthCard.scrollIntoViewIfNeeded();
          await healthCard
            .getByRole('list', { name: 'On call now by team' })
            .waitFor({ timeout: 15000 });
          if (await healthCard.getByText('No pages and nobody on call').count())
            throw new Error('the health card says nobody is on call');
          const team = await healthCard
            .getByRole('list', { name: 'On call now by team' })
            .innerText();
          if (!team.toLowerCase().replace(/\s+/g, '-').includes(onCallTeam))
            throw new Error(`the health card names ${team}, not ${onCallTeam}`);
        },
      );
    },
  );

  await scenario(
    page,
    'a team with nothing recorded has no data, not a health, and says what its feed read',
    async () => {
      const burden = await api(
        baseUrl,
        token,
        '/api/sre-ownership/teams/default/data-platform/burden',
      );
      if (burden.status !== 'no-data')
        throw new Error(`Data Platform is ${burden.status}`);
      const platform = await api(
        baseUrl,
        token,
        '/api/sre-ownership/teams/default/platform-sre/burden',
      );
      if (platform.current.toilShare !== null)
        throw new Error(
          `Platform SRE records no toil, yet its toil share is ${platform.current.toilShare}`,
        );
      await openEntityPage(
        page,
        '/catalog/default/group/data-platform',
        'On-call burden',
      );
      await atEachWidth(
        page,
        artifacts,
        join,
        'answers-data-platform',
        async () => {
          const burdenCard = card('On-call burden');
          await burdenCard.scrollIntoViewIfNeeded();
          await burdenCard.getByText('No data', { exact: true }).waitFor({
            timeout: 15000,
          });
          if (await burdenCard.getByText('Healthy', { exact: true }).count())
            throw new Error('the card says healthy');
          const feeds = burdenCard.getByTestId('schedule-feed-read');
          await feeds.first().waitFor({ timeout: 60000 });
          const text = await feeds.first().innerText();
          if (
            !/^The schedule feed "data-platform" was read at .+ and holds \d+ shifts?/.test(
              text,
            )
          )
            throw new Error(`the feed sentence reads: ${text}`);
        },
      );
      await openEntityPage(
        page,
        '/catalog/default/group/platform-sre',
        'On-call burden',
      );
      await atEachWidth(
        page,
        artifacts,
        join,
        'answers-platform-sre',
        async () => {
          const figure = card('On-call burden')
            .locator('dt', { hasText: /^Toil share/ })
            .locator('xpath=following-sibling::dd[1]');
          await figure.waitFor({ timeout: 15000 });
          await figure.scrollIntoViewIfNeeded();
          const shown = await figure.innerText();
          if (!shown.includes('—') || /\b0%/.test(shown))
            throw new Error(`the toil share reads ${shown}`);
        },
      );
    },
  );

  await scenario(
    page,
    'the specialist gaps matrix counts the roles the cards show',
    async () => {
      const { teams } = await api(
        baseUrl,
        token,
        '/api/sre-ownership/overview/specialist-gaps',
      );
      const payments = teams.find(t => t.teamRef === 'group:default/payments');
      if (!payments) throw new Error('no payments row');
      const guard = payments.roles['slo-guard'];
      if (guard.unfilled) throw new Error('Payments has no SLO guard');
      if (!guard.declaredOn?.includes('domain:default/commerce'))
        throw new Error(`SLO guard declared on ${guard.declaredOn}`);
      const leader = payments.roles['incident-response-leader'];
      if (!leader.declaredOn?.includes('system:default/payments-platform'))
        throw new Error(`leader declared on ${leader.declaredOn}`);
      await openEntityPage(page, '/reliability', 'Specialist gaps');
      await atEachWidth(
        page,
        artifacts,
        join,
        'answers-specialist-gaps',
        async () => {
          const matrix = page.getByRole('table', { name: 'Specialist gaps' });
          await matrix.waitFor({ timeout: 30000 });
          await matrix.scrollIntoViewIfNeeded();
          const row = matrix.getByRole('row').filter({ hasText: 'Payments' });
          await row
            .getByText(/^from .*\bcommerce\b/)
            .first()
            .waitFor({ timeout: 15000 });
          await page
            .getByTestId('specialist-gaps-counts')
            .waitFor({ timeout: 15000 });
        },
      );
    },
  );

  await scenario(
    page,
    'the guest gets one pulse invitation per on-call period and one notification for every limit',
    async () => {
      const mine = async () =>
        (
          await api(
            baseUrl,
            token,
            '/api/notifications/notifications?limit=200',
          )
        ).notifications;
      await waitFor(
        "the guest's payments notifications",
        async () => {
          const all = await mine();
          return (
            all.some(
              n =>
                n.payload.topic === TOPIC &&
                n.payload.description?.includes('for payments'),
            ) &&
            all.some(n =>
              n.payload.scope?.startsWith(
                'burden:group:default/payments:limits:',
              ),
            )
          );
        },
        180_000,
      );
      // A few more evaluations must add nothing.
      await new Promise(resolve => setTimeout(resolve, 12_000));
      const all = await mine();
      const invitations = all.filter(
        n =>
          n.payload.topic === TOPIC &&
          n.payload.description?.includes('for payments'),
      );
      if (invitations.length !== 1)
        throw new Error(`${invitations.length} payments pulse invitations`);
      if (
        !/^How was your on-call, .+ – .+ UTC\?$/.test(
          invitations[0].payload.title,
        )
      )
        throw new Error(`the invitation reads ${invitations[0].payload.title}`);
      const limits = all.filter(n =>
        n.payload.scope?.startsWith('burden:group:default/payments:limits:'),
      );
      if (limits.length !== 1)
        throw new Error(`${limits.length} limit notifications, not one`);
      if (!['high', 'critical'].includes(limits[0].payload.severity))
        throw new Error(`over a limit is ${limits[0].payload.severity}`);
      const perMeasure = all.filter(n =>
        /^burden:group:default\/payments:(onCallWeeksPerMonth|pagesPerShift|onCallShare|toilShare):/.test(
          n.payload.scope ?? '',
        ),
      );
      if (perMeasure.length)
        throw new Error(`${perMeasure.length} notifications per limit`);
      const status = all.find(
        n => n.payload.scope === 'burden:group:default/payments:status:28d',
      );
      if (status && !['high', 'critical'].includes(status.payload.severity))
        throw new Error(`an overloaded team is ${status.payload.severity}`);

      await openEntityPage(page, '/notifications', limits[0].payload.title);
      await atEachWidth(page, artifacts, join, 'answers-notifications');
      const id = invitations[0].payload.link.split('/').pop();
      const invitation = await api(
        baseUrl,
        token,
        `/api/sre-ownership/pulse/invitations/${id}`,
      );
      const days =
        (Date.parse(invitation.onCall.to) -
          Date.parse(invitation.onCall.from)) /
        86_400_000;
      if (days !== 7)
        throw new Error(`the invitation covers ${days} days, not the week`);
      await openEntityPage(
        page,
        invitations[0].payload.link,
        'Was this rotation sustainable?',
      );
      await atEachWidth(
        page,
        artifacts,
        join,
        'answers-pulse-period',
        async () => {
          const heading = await page.getByTestId('pulse-on-call').innerText();
          if (!/^Your on-call from .+ to .+$/.test(heading))
            throw new Error(`the pulse page says ${heading}`);
        },
      );
    },
  );
}
