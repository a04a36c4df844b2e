// End-to-end layout scenarios, at 1280 and 1920 px wide: the reliability
// cards sit in the main column of a service's Overview tab, the tables fit
// their cards with no word broken across lines, code blocks show that they
// scroll, search answers as people type, the burden window lives in the
// address, and the overview's sidebar entry is named apart from the tab.
import { readFileSync } from 'node:fs';

const WIDTHS = [1280, 1920];

const RELIABILITY_CARDS = [
  'Reliability ownership',
  'Escalation path',
  'On-call health',
  'Service level objectives',
];

/**
 * In the page: every word of every table cell and heading in a card that
 * the browser laid out on more than one line. Words are split at
 * spaces, hyphens and slashes, where a break is a normal one.
 */
function brokenWords() {
  const broken = [];
  const cells = document.querySelectorAll('.MuiCard-root th, .MuiCard-root td');
  for (const cell of cells) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent;
      const pattern = /[^\s\-/]+/g;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set(
          [...range.getClientRects()]
            .filter(rect => rect.width > 0)
            .map(rect => Math.round(rect.top)),
        );
        if (lines.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}

/**
 * In the page: each table inside a card whose box reaches past the card's
 * right edge without a scrolling box around it, and each table that needs
 * scrolling although `mustFit` says it should fit.
 */
function tableOverflow({ mustFit }) {
  const problems = [];
  for (const table of document.querySelectorAll('.MuiCard-root table')) {
    const card = table.closest('.MuiCard-root');
    const cardBox = card.getBoundingClientRect();
    const scroller = table.parentElement;
    const scrolls = ['auto', 'scroll'].includes(
      getComputedStyle(scroller).overflowX,
    );
    const visibleRight = scrolls
      ? scroller.getBoundingClientRect().right
      : table.getBoundingClientRect().right;
    const name = table.getAttribute('aria-label') ?? 'a table';
    if (visibleRight > cardBox.right + 1) {
      problems.push(
        `${name} reaches ${Math.round(
          visibleRight - cardBox.right,
        )} px past its card`,
      );
    }
    if (
      mustFit.includes(name) &&
      scroller.scrollWidth > scroller.clientWidth + 1
    ) {
      problems.push(
        `${name} is ${scroller.scrollWidth} px wide in ${scroller.clientWidth} px`,
      );
    }
  }
  return problems;
}

/** Runs the layout scenarios at each width; `scenario` records each. */
export async function layoutScenarios({
  page,
  baseUrl,
  scenario,
  openEntityPage,
  artifacts,
  join,
  root,
}) {
  const card = title =>
    page
      .locator('.MuiCard-root')
      .filter({ has: page.getByText(title, { exact: true }) })
      .first();

  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 1000 });

    await scenario(
      page,
      `${width} px: the reliability cards sit in the main column of a service's Overview`,
      async () => {
        await openEntityPage(
          page,
          '/catalog/default/component/payments-api',
          'Escalation path',
        );
        await card('Service level objectives').waitFor({ timeout: 15000 });
        await card('Reliability ownership')
          .getByText('Responsibility matrix')
          .first()
          .waitFor({ timeout: 15000 });
        const main = await page
          .locator('main')
          .first()
          .evaluate(el => el.getBoundingClientRect().width);
        for (const title of RELIABILITY_CARDS) {
          const box = await card(title).boundingBox();
          if (!box || box.width < main * 0.55)
            throw new Error(
              `${title} is ${Math.round(
                box?.width ?? 0,
              )} px wide of ${Math.round(main)} px`,
            );
        }
        const matrix = page.getByRole('table', {
          name: 'Responsibility matrix',
        });
        const wrapped = await matrix.evaluate(table =>
          [...table.querySelectorAll('a')]
            .filter(link => {
              const lines = new Set(
                [...link.getClientRects()]
                  .filter(rect => rect.width > 0)
                  .map(rect => Math.round(rect.top)),
              );
              return lines.size > 1;
            })
            .map(link => link.textContent),
        );
        if (wrapped.length)
          throw new Error(`the matrix wraps ${wrapped.join(', ')}`);
        const broken = await page.evaluate(brokenWords, undefined);
        if (broken.length)
          throw new Error(`words broken across lines: ${broken.join(', ')}`);
        await page.screenshot({
          path: join(artifacts, `layout-${width}-payments-api-overview.png`),
          fullPage: true,
        });
      },
    );

    await scenario(
      page,
      `${width} px: the payments Group's tables fit their card, words whole`,
      async () => {
        await openEntityPage(
          page,
          '/catalog/default/group/payments',
          'Rest owed and compensation',
        );
        await page
          .getByRole('table', { name: 'Per-engineer burden' })
          .waitFor({ timeout: 15000 });
        await page
          .getByRole('table', { name: 'Rest owed per engineer' })
          .waitFor({ timeout: 15000 });
        const problems = await page.evaluate(tableOverflow, {
          mustFit: ['Per-engineer burden', 'Rest owed per engineer'],
        });
        if (problems.length) throw new Error(problems.join('; '));
        const broken = await page.evaluate(brokenWords, undefined);
        if (broken.length)
          throw new Error(`words broken across lines: ${broken.join(', ')}`);
        // The long rest balances read in hours, with working days beneath.
        await page
          .getByRole('table', { name: 'Rest owed per engineer' })
          .getByText(/working days? of 8 h/)
          .first()
          .waitFor({ timeout: 15000 });
        await page.screenshot({
          path: join(artifacts, `layout-${width}-payments-group.png`),
          fullPage: true,
        });
        // Every column chosen: the table scrolls inside its card, and says so.
        await page.getByRole('button', { name: /^Columns/ }).click();
        const unchosen = page.getByRole('menuitemcheckbox', { checked: false });
        while ((await unchosen.count()) > 0) await unchosen.first().click();
        await page.keyboard.press('Escape');
        const all = await page.evaluate(tableOverflow, { mustFit: [] });
        if (all.length) throw new Error(all.join('; '));
        const shadow = await page
          .getByRole('table', { name: 'Per-engineer burden' })
          .evaluate(
            table => getComputedStyle(table.parentElement).backgroundImage,
          );
        if (!shadow.includes('radial-gradient'))
          throw new Error('the scrolling table shows no edge shadow');
        await page.screenshot({
          path: join(artifacts, `layout-${width}-payments-every-column.png`),
          fullPage: true,
        });
      },
    );

    await scenario(
      page,
      `${width} px: the overview's tables fit, and search answers as you type`,
      async () => {
        await page.goto(`${baseUrl}/reliability`);
        const box = page.getByRole('searchbox');
        await box.waitFor({ timeout: 30000 });
        await page
          .getByRole('table', { name: 'Specialist gaps' })
          .waitFor({ timeout: 30000 });
        await page.getByTestId('tile-no-model').locator('button').click();
        await page.getByTestId('gap-row').first().waitFor({ timeout: 15000 });
        const problems = await page.evaluate(tableOverflow, { mustFit: [] });
        if (problems.length) throw new Error(problems.join('; '));
        const broken = await page.evaluate(brokenWords, undefined);
        if (broken.length)
          throw new Error(`words broken across lines: ${broken.join(', ')}`);
        // No Enter: the answers follow the typing.
        await box.fill('who owns status-page');
        await page
          .getByTestId('answer')
          .filter({ hasText: 'status-page' })
          .first()
          .waitFor({ timeout: 15000 });
        await box.fill('database');
        await page
          .getByTestId('answer')
          .filter({ hasText: 'payments-db' })
          .first()
          .waitFor({ timeout: 15000 });
        if (!page.url().includes('q=database'))
          throw new Error(`the address is ${page.url()}`);
        await page.screenshot({
          path: join(artifacts, `layout-${width}-overview-search.png`),
          fullPage: true,
        });
      },
    );
  }

  await page.setViewportSize({ width: 1400, height: 1000 });

  await scenario(
    page,
    'the burden window lives in the address and survives a reload',
    async () => {
      await openEntityPage(
        page,
        '/catalog/default/group/payments',
        'On-call burden',
      );
      const windowSelect = () =>
        card('On-call burden').getByRole('combobox', { name: 'Window' });
      const select = windowSelect();
      await select.waitFor({ timeout: 15000 });
      await select.selectOption('days:7');
      await page.waitForURL(/window=days%3A7/, { timeout: 15000 });
      await page.reload();
      await windowSelect().waitFor({ timeout: 30000 });
      const value = await windowSelect().inputValue();
      if (value !== 'days:7')
        throw new Error(`after a reload the window is ${value}`);
    },
  );

  await scenario(
    page,
    'the sidebar names the overview apart from the entity tab',
    async () => {
      await page.goto(`${baseUrl}/catalog`);
      await page
        .getByRole('link', { name: 'SRE overview' })
        .first()
        .waitFor({ timeout: 30000 });
    },
  );

  const app = JSON.parse(
    readFileSync(join(root, 'packages/app/package.json'), 'utf8'),
  );
  if (app.dependencies['@backstage/plugin-api-docs']) {
    await scenario(
      page,
      "the API docs show the plugin's own OpenAPI document",
      async () => {
        await openEntityPage(
          page,
          '/catalog/default/api/sre-ownership-api/definition',
          'SRE Ownership API',
        );
        await page
          .getByText('/overview/who-to-call')
          .first()
          .waitFor({ timeout: 30000 });
        await page.screenshot({
          path: join(artifacts, 'api-docs-sre-ownership.png'),
          fullPage: true,
        });
      },
    );
  } else {
    console.log(
      'SKIP the API docs check: @backstage/plugin-api-docs is not in packages/app',
    );
  }
}
