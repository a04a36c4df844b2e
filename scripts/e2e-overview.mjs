// End-to-end scenarios for the reliability overview page: the coverage tiles
// against the lists behind them, and "who do I call?" for a service, a
// person and a specialist role, following an answer to the entity page.

async function guestToken(baseUrl) {
  const response = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  return (await response.json()).backstageIdentity.token;
}

async function api(baseUrl, token, path) {
  const response = await fetch(`${baseUrl}/api/sre-ownership${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

/** Runs the overview scenarios; `scenario` records each as passed or failed. */
export async function overviewScenarios({
  page,
  baseUrl,
  scenario,
  waitFor,
  artifacts,
  join,
}) {
  const token = await guestToken(baseUrl);
  await waitFor(
    'the reliability index',
    async () =>
      (await api(baseUrl, token, '/overview/coverage')).refreshedAt !==
      undefined,
    120_000,
  );
  const coverage = await api(baseUrl, token, '/overview/coverage');

  await scenario(
    page,
    'the demo catalog shows gaps of every kind',
    async () => {
      const empty = Object.entries(coverage.gaps)
        .filter(([, count]) => count === 0)
        .map(([gap]) => gap);
      if (empty.length) throw new Error(`no entity has: ${empty.join(', ')}`);
      const tiers = await api(baseUrl, token, '/overview/tiers');
      const used = tiers.tiers.filter(tier => tier.entities > 0);
      if (used.length < 2) throw new Error('fewer than two tiers in use');
    },
  );

  await scenario(
    page,
    'overview tiles show the same numbers as the lists behind them',
    async () => {
      await page.goto(`${baseUrl}/reliability`, {
        waitUntil: 'domcontentloaded',
      });
      for (const gap of ['no-model', 'derived-escalation', 'missing-ref']) {
        const tile = page.getByTestId(`tile-${gap}`);
        await tile.waitFor({ timeout: 30000 });
        const shown = Number((await tile.locator('h4').textContent())?.trim());
        if (shown !== coverage.gaps[gap]) {
          throw new Error(
            `${gap} tile shows ${shown}, API ${coverage.gaps[gap]}`,
          );
        }
        await tile.getByRole('button').click();
        const title = page.getByTestId('gap-list-title');
        await title
          .filter({ hasText: `: ${shown}` })
          .waitFor({ timeout: 15000 });
        const rows = await page.getByTestId('gap-row').count();
        if (rows !== Math.min(shown, 25)) {
          throw new Error(`${gap} list has ${rows} rows for ${shown}`);
        }
      }
      await page.screenshot({
        path: join(artifacts, 'reliability-overview.png'),
        fullPage: true,
      });
    },
  );

  const ask = async (query, expected) => {
    await page.goto(`${baseUrl}/reliability`, {
      waitUntil: 'domcontentloaded',
    });
    const box = page.getByRole('searchbox');
    await box.waitFor({ timeout: 30000 });
    await box.fill(query);
    await box.press('Enter');
    const answer = page.getByTestId('answer').first();
    await answer.waitFor({ timeout: 15000 });
    await answer.getByText(expected).first().waitFor({ timeout: 15000 });
    if (
      !page
        .url()
        .includes(`q=${encodeURIComponent(query).replace(/%20/g, '+')}`) &&
      !page.url().includes(`q=${encodeURIComponent(query)}`)
    ) {
      throw new Error(`the query is not in the address: ${page.url()}`);
    }
    return answer;
  };

  await scenario(page, 'who do I call about a service', async () => {
    await ask('payments-api', /On call now/);
  });

  await scenario(
    page,
    "who do I call about a team: whoever carries the team's pager now",
    async () => {
      const answer = await ask('who do I call about payments?', /Team/);
      const title = (await answer.locator('h3').innerText()).trim();
      const text = await answer.innerText();
      if (title !== 'Payments') {
        throw new Error(`the first answer is ${title}, not the Payments team`);
      }
      if (/nobody known/.test(text) || !/ until /.test(text)) {
        throw new Error(`the team's answer names nobody on call: ${text}`);
      }
    },
  );

  await scenario(page, 'who do I call about a person', async () => {
    await ask('Mei Lin', /Mei Lin/);
  });

  await scenario(
    page,
    'who is the SLO guard for search, and the answer leads to the entity page',
    async () => {
      const answer = await ask('who is the SLO guard for search?', /SLO guard/);
      await page.screenshot({
        path: join(artifacts, 'who-do-i-call.png'),
        fullPage: true,
      });
      await answer.locator('h3 a').first().click();
      await page.waitForURL(/\/catalog\/default\//, { timeout: 15000 });
      await page
        .getByText('Reliability ownership')
        .first()
        .waitFor({ timeout: 30000 });
    },
  );
}
