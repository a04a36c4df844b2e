#!/usr/bin/env node
// Starts the adopter workspace's backend once per app (each on its own port,
// SQLite in memory, serving that app's build), then checks in headless
// Chromium what an adopter would look at first: a declared component shows
// the reliability ownership and escalation cards, a Group shows the on-call
// burden card, and /api/sre-ownership/health answers.
// Usage: browser-check.mjs <workspace> <results.json>
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../lib/chromium.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const [workspace, resultsFile] = process.argv.slice(2);
const artifacts = join(repo, 'e2e-artifacts', 'adopter');
mkdirSync(artifacts, { recursive: true });

// Next to the end-to-end test's port (E2E_PORT, default 7017), so that
// several checkouts on one machine can run the test at the same time.
const basePort = Number(process.env.E2E_PORT ?? 7017);
const apps = [
  {
    name: 'app-next',
    title: 'new frontend system',
    port: Number(process.env.ADOPTER_PORT_NEXT ?? basePort + 1),
  },
  {
    name: 'app-legacy',
    title: 'legacy frontend system',
    port: Number(process.env.ADOPTER_PORT_LEGACY ?? basePort + 2),
  },
];

const checks = [];
function record(name, ok, detail = '') {
  checks.push({ name, ok, detail });
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}`);
}

class StartupFailed extends Error {
  constructor() {
    super('the backend failed to start');
  }
}

async function waitFor(what, fn, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      if (await fn()) return;
    } catch (error) {
      if (error instanceof StartupFailed) throw error;
      lastError = error;
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(
    `timed out waiting for ${what}${lastError ? `: ${lastError.message}` : ''}`,
  );
}

function startBackend(app) {
  const baseUrl = `http://localhost:${app.port}`;
  const log = openSync(join(artifacts, `${app.name}-backend.log`), 'w');
  const child = spawn(
    'npx',
    ['backstage-cli', 'package', 'start', '--config', '../../app-config.yaml'],
    {
      cwd: join(workspace, 'packages/backend'),
      stdio: ['ignore', log, log],
      detached: true,
      env: {
        ...process.env,
        APP_CONFIG_app_baseUrl: baseUrl,
        APP_CONFIG_app_packageName: app.name,
        APP_CONFIG_backend_baseUrl: baseUrl,
        APP_CONFIG_backend_listen_port: String(app.port),
      },
    },
  );
  return { child, baseUrl };
}

async function openPage(page, url, text) {
  await waitFor(
    `${url} to show "${text}"`,
    async () => {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      const guest = page.getByRole('button', { name: /enter/i });
      if (await guest.isVisible({ timeout: 3000 }).catch(() => false)) {
        await guest.click();
      }
      await page
        .getByText(text, { exact: true })
        .first()
        .waitFor({ timeout: 20000 });
      return true;
    },
    120_000,
  );
}

async function check(page, app, name, fn) {
  try {
    await fn();
    record(`${app.title}: ${name}`, true);
  } catch (error) {
    const file = `${app.name}-${name.replace(/[^a-z0-9]+/gi, '-')}.png`;
    await page
      .screenshot({ path: join(artifacts, file), fullPage: true })
      .catch(() => {});
    record(
      `${app.title}: ${name}`,
      false,
      `${error.message.split('\n')[0]}; see e2e-artifacts/adopter/${file}`,
    );
  }
}

/** Whether the backend gave up starting (it would never answer then). */
function startupFailed(app) {
  const log = readFileSync(join(artifacts, `${app.name}-backend.log`), 'utf8');
  return log.includes('Backend startup failed');
}

async function checkApp(browser, app, baseUrl) {
  try {
    await waitFor(
      'the backend health check',
      async () => {
        if (startupFailed(app)) throw new StartupFailed();
        return (await fetch(`${baseUrl}/api/sre-ownership/health`)).ok;
      },
      300_000,
    );
    const health = await (
      await fetch(`${baseUrl}/api/sre-ownership/health`)
    ).json();
    record(
      `${app.title}: /api/sre-ownership/health answers`,
      health.status === 'ok',
      JSON.stringify(health),
    );
  } catch (error) {
    record(
      `${app.title}: /api/sre-ownership/health answers`,
      false,
      `${error.message}; see e2e-artifacts/adopter/${app.name}-backend.log`,
    );
    return;
  }
  const page = await browser.newPage({
    viewport: { width: 1400, height: 1000 },
  });
  // Texts, not MUI class names, which a legacy app's production build may
  // shorten.
  const shows = text =>
    page.getByText(text).first().waitFor({ timeout: 20000 });
  await check(
    page,
    app,
    'a declared component shows the ownership and escalation cards',
    async () => {
      await openPage(
        page,
        `${baseUrl}/catalog/default/component/checkout-api`,
        'Reliability ownership',
      );
      await shows('SREs embedded in the product team own its reliability.');
      await shows('Escalation path');
      await shows(/Level 2 — after 10m/);
    },
  );
  await check(page, app, 'a Group shows the on-call burden card', async () => {
    await openPage(
      page,
      `${baseUrl}/catalog/default/group/checkout-team`,
      'On-call burden',
    );
    await shows('No on-call data for this team');
  });
  await page
    .screenshot({
      path: join(artifacts, `${app.name}-group.png`),
      fullPage: true,
    })
    .catch(() => {});
  await page.close();
}

const backends = apps.map(app => ({ app, ...startBackend(app) }));
function stopBackends() {
  for (const { child } of backends) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopBackends();
    process.exit(1);
  });
}
let browser;
try {
  browser = await launchChromium();
  for (const { app, baseUrl } of backends)
    await checkApp(browser, app, baseUrl);
} catch (error) {
  record('adopter browser check', false, error.message);
} finally {
  await browser?.close();
  stopBackends();
}
const passed = checks.filter(c => c.ok).length;
const failed = checks.length - passed;
if (resultsFile)
  writeFileSync(
    resultsFile,
    JSON.stringify({ passed, failed, checks }, null, 2),
  );
console.log(`adopter browser check: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
