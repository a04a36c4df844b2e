// End-to-end scenarios for the demo app's routes: Backstage's usual /catalog
// URLs answer, and the landing page opens the catalog.

export async function routeScenarios({
  page,
  baseUrl,
  scenario,
  openEntityPage,
}) {
  await scenario(page, '/catalog lists the demo catalog', async () => {
    await openEntityPage(page, '/catalog', 'payments-api');
  });

  await scenario(page, 'the landing page opens the catalog', async () => {
    await page.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
    await page.getByText('payments-api').first().waitFor({ timeout: 15000 });
    if (new URL(page.url()).pathname !== '/catalog') {
      throw new Error(`landed on ${page.url()}, not /catalog`);
    }
  });
}
