#!/usr/bin/env node
// End-to-end test: builds the frontend, starts the real backend (which serves
// it) with the demo catalog, signs in as guest in headless Chromium and checks
// what a user sees on the demo pages. Writes screenshots to e2e-artifacts/.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, openSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const baseUrl = 'http://localhost:7017';
const artifacts = join(root, 'e2e-artifacts');
const args = process.argv.slice(2);
const resultsFile = args.includes('--results')
  ? resolve(args[args.indexOf('--results') + 1])
  : undefined;
const skipBuild = args.includes('--skip-build');

const checks = [];
function record(name, ok, detail = '') {
  checks.push({ name, ok, detail });
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}`);
}

async function waitFor(what, fn, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      if (await fn()) return;
    } catch (error) {
      lastError = error;
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(
    `timed out waiting for ${what}${lastError ? `: ${lastError.message}` : ''}`,
  );
}

function buildFrontend() {
  console.log('==> building the frontend');
  const build = spawnSync('npx', ['backstage-cli', 'package', 'build'], {
    cwd: join(root, 'packages/app'),
    stdio: 'inherit',
  });
  return build.status === 0;
}

function startBackend() {
  mkdirSync(artifacts, { recursive: true });
  const log = openSync(join(artifacts, 'backend.log'), 'w');
  return spawn(
    'npx',
    [
      'backstage-cli',
      'package',
      'start',
      '--config',
      '../../app-config.yaml',
      '--config',
      '../../app-config.e2e.yaml',
    ],
    {
      cwd: join(root, 'packages/backend'),
      stdio: ['ignore', log, log],
      detached: true,
    },
  );
}

/** Opens an entity page, signing in as guest when asked, until `text` shows. */
async function openEntityPage(page, path, text) {
  await waitFor(
    `${path} to show "${text}"`,
    async () => {
      await page.goto(`${baseUrl}${path}`, { waitUntil: 'domcontentloaded' });
      const guest = page.getByRole('button', { name: /enter/i });
      if (await guest.isVisible({ timeout: 3000 }).catch(() => false)) {
        await guest.click();
      }
      await page.getByText(text).first().waitFor({ timeout: 15000 });
      return true;
    },
    180_000,
  );
}

async function run() {
  if (!skipBuild && !buildFrontend()) {
    record('frontend builds', false);
    return;
  }
  const backend = startBackend();
  const browser = { current: undefined };
  try {
    await waitFor(
      'the backend health check',
      async () => {
        const res = await fetch(`${baseUrl}/api/sre-ownership/health`);
        return res.ok;
      },
      240_000,
    );
    record('backend answers its health check', true);

    const unauthenticated = await fetch(
      `${baseUrl}/api/sre-ownership/entities/component/default/sre-ownership/ownership`,
    );
    record(
      'ownership API refuses unauthenticated callers',
      unauthenticated.status === 401,
      `status ${unauthenticated.status}`,
    );

    browser.current = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const page = await browser.current.newPage({
      viewport: { width: 1400, height: 1000 },
    });

    await scenario(
      page,
      'project page shows its declared ownership',
      async () => {
        await openEntityPage(
          page,
          '/catalog/default/component/sre-ownership',
          'Reliability ownership',
        );
        const card = page
          .locator('article, .MuiCard-root')
          .filter({ hasText: 'Reliability ownership' })
          .first();
        await card
          .getByText('platform', { exact: true })
          .waitFor({ timeout: 15000 });
        await card
          .getByText('Platform SRE')
          .first()
          .waitFor({ timeout: 15000 });
        await page.screenshot({
          path: join(artifacts, 'reliability-ownership-card.png'),
          fullPage: true,
        });
      },
    );
  } catch (error) {
    record('end-to-end run', false, error.message);
  } finally {
    await browser.current?.close();
    try {
      process.kill(-backend.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

async function scenario(page, name, fn) {
  try {
    await fn();
    record(name, true);
  } catch (error) {
    const file = `failed-${name.replace(/[^a-z0-9]+/gi, '-')}.png`;
    await page
      .screenshot({ path: join(artifacts, file), fullPage: true })
      .catch(() => {});
    record(
      name,
      false,
      `${error.message.split('\n')[0]}; see e2e-artifacts/${file}`,
    );
  }
}

await run();
const passed = checks.filter(c => c.ok).length;
const failed = checks.length - passed;
if (resultsFile)
  writeFileSync(
    resultsFile,
    JSON.stringify({ passed, failed, checks }, null, 2),
  );
console.log(
  `e2e: ${passed} passed, ${failed} failed; screenshots in e2e-artifacts/`,
);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
