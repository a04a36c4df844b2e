#!/usr/bin/env node
// End-to-end test: builds the frontend, starts the real backend (which serves
// it) with the demo catalog, signs in as guest in headless Chromium and checks
// what a user sees on the demo pages. Writes screenshots to e2e-artifacts/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBackend } from './lib/backend.mjs';
import { launchChromium } from './lib/chromium.mjs';
import { oncallScenarios } from './e2e-oncall.mjs';
import { overviewScenarios } from './e2e-overview.mjs';
import { routeScenarios } from './e2e-routes.mjs';
import { notifyScenarios } from './e2e-notify.mjs';
import { pulseScenarios } from './e2e-pulse.mjs';
import {
  answerScenarios,
  readinessScenario,
  watchOverviewReadiness,
} from './e2e-answers.mjs';
import { restScenarios } from './e2e-rest.mjs';
import { sloScenarios, startSloPrometheus } from './e2e-slo.mjs';
import { layoutScenarios } from './e2e-layout.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// E2E_PORT moves the test backend off 7017, so that several checkouts on one
// machine can run the test at the same time.
const port = Number(process.env.E2E_PORT ?? 7017);
const baseUrl = `http://localhost:${port}`;
const artifacts = join(root, 'e2e-artifacts');
const args = process.argv.slice(2);
const resultsFile = args.includes('--results')
  ? resolve(args[args.indexOf('--results') + 1])
  : undefined;
const skipBuild = args.includes('--skip-build');
// --only <group>[,<group>…] runs only those scenario groups (readiness,
// entity, routes, answers, overview, oncall, notify, slo, rest, pulse,
// layout), to iterate on one.
const only = args.includes('--only')
  ? args[args.indexOf('--only') + 1].split(',')
  : undefined;
const runs = group => !only || only.includes(group);

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

function startTestBackend(extraEnv = {}) {
  mkdirSync(artifacts, { recursive: true });
  return startBackend({
    root,
    logFile: join(artifacts, 'backend.log'),
    env: {
      ...process.env,
      ...extraEnv,
      APP_CONFIG_app_baseUrl: baseUrl,
      APP_CONFIG_backend_baseUrl: baseUrl,
      APP_CONFIG_backend_listen_port: String(port),
      APP_CONFIG_backend_cors_origin: baseUrl,
      // Serve this checkout's build: the package name "app" resolves
      // through node_modules, which a worktree may share with another.
      APP_CONFIG_app_packageName: join(root, 'packages/app'),
    },
  });
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
  const prometheus = await startSloPrometheus({ port, record });
  const backend = startTestBackend(prometheus.env);
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
    // From the first moment the backend answers: the overview must never
    // count an index built from part of the catalog.
    const readiness = watchOverviewReadiness(baseUrl);

    const unauthenticated = await fetch(
      `${baseUrl}/api/sre-ownership/entities/component/default/sre-ownership/ownership`,
    );
    record(
      'ownership API refuses unauthenticated callers',
      unauthenticated.status === 401,
      `status ${unauthenticated.status}`,
    );

    browser.current = await launchChromium();
    const page = await browser.current.newPage({
      viewport: { width: 1400, height: 1000 },
    });

    const card = title =>
      page
        .locator('.MuiCard-root')
        .filter({ has: page.getByText(title, { exact: true }) })
        .first();

    if (runs('readiness'))
      await readinessScenario({
        page,
        baseUrl,
        scenario,
        openEntityPage,
        waitFor,
        artifacts,
        join,
        readiness,
      });

    if (runs('entity')) {
      await scenario(
        page,
        'hybrid service shows its model, a specialist and its escalation path',
        async () => {
          await openEntityPage(
            page,
            '/catalog/default/component/payments-api',
            'Reliability ownership',
          );
          const ownership = card('Reliability ownership');
          await ownership
            .getByText('hybrid', { exact: true })
            .waitFor({ timeout: 15000 });
          // The SLO guard is inherited from the commerce domain.
          await ownership
            .getByText('Jane Doe')
            .first()
            .waitFor({ timeout: 15000 });
          const escalation = card('Escalation path');
          await escalation.getByText(/after 10m/).waitFor({ timeout: 15000 });
          await escalation
            .getByText('Mei Lin')
            .first()
            .waitFor({ timeout: 15000 });
          await page.screenshot({
            path: join(artifacts, 'payments-api-overview.png'),
            fullPage: true,
          });
        },
      );

      await scenario(
        page,
        'the Reliability tab combines ownership and escalation',
        async () => {
          await openEntityPage(
            page,
            '/catalog/default/component/payments-api/reliability',
            'Escalation path',
          );
          await card('Reliability ownership')
            .getByText('Responsibility matrix')
            .first()
            .waitFor({ timeout: 15000 });
          await page.screenshot({
            path: join(artifacts, 'payments-api-reliability-tab.png'),
            fullPage: true,
          });
        },
      );

      await scenario(
        page,
        'a derived escalation path is labelled as derived',
        async () => {
          await openEntityPage(
            page,
            '/catalog/default/component/payments-ledger',
            'Escalation path',
          );
          await card('Escalation path')
            .getByText('Derived', { exact: true })
            .waitFor({ timeout: 15000 });
        },
      );

      await scenario(
        page,
        'a broken declaration shows a precise message',
        async () => {
          await openEntityPage(
            page,
            '/catalog/default/component/legacy-billing',
            'Reliability ownership',
          );
          await card('Reliability ownership')
            .getByText(
              /is not an ownership model; use one of platform, embedded, hybrid, self-managed/,
            )
            .first()
            .waitFor({ timeout: 15000 });
          await page.screenshot({
            path: join(artifacts, 'legacy-billing-problem.png'),
            fullPage: true,
          });
        },
      );

      await scenario(
        page,
        'an undeclared service shows the annotation to add',
        async () => {
          await openEntityPage(
            page,
            '/catalog/default/component/status-page',
            'Reliability ownership',
          );
          await card('Reliability ownership')
            .getByText(/sre-ownership.io\/model: hybrid/)
            .waitFor({ timeout: 15000 });
        },
      );
    }

    if (runs('routes'))
      await routeScenarios({ page, baseUrl, scenario, openEntityPage });

    // Before the scenarios that send data for Data Platform.
    if (runs('answers'))
      await answerScenarios({
        page,
        baseUrl,
        scenario,
        card,
        openEntityPage,
        waitFor,
        artifacts,
        join,
      });

    if (runs('overview'))
      await overviewScenarios({
        page,
        baseUrl,
        scenario,
        waitFor,
        artifacts,
        join,
      });

    if (runs('oncall'))
      await oncallScenarios({
        page,
        baseUrl,
        scenario,
        card,
        openEntityPage,
        artifacts,
        join,
      });

    if (runs('notify'))
      await notifyScenarios({
        page,
        baseUrl,
        scenario,
        openEntityPage,
        waitFor,
        artifacts,
        join,
      });
    if (runs('slo'))
      await sloScenarios({
        page,
        baseUrl,
        scenario,
        card,
        openEntityPage,
        waitFor,
        artifacts,
      });
    if (runs('rest'))
      await restScenarios({
        page,
        scenario,
        card,
        openEntityPage,
        artifacts,
        join,
      });
    if (runs('pulse'))
      await pulseScenarios({
        page,
        baseUrl,
        scenario,
        card,
        openEntityPage,
        waitFor,
        artifacts,
        join,
      });
    if (runs('layout'))
      await layoutScenarios({
        page,
        baseUrl,
        scenario,
        openEntityPage,
        artifacts,
        join,
        root,
      });
  } catch (error) {
    record('end-to-end run', false, error.message);
  } finally {
    await browser.current?.close();
    await prometheus.stop();
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
