// How the scripts start the demo backend: the same command for the
// end-to-end test (scripts/e2e.mjs) and the fresh-start test of several
// replicas (scripts/replicas-start.mjs) and the three replicas behind a
// balancer (scripts/replicas-balanced.mjs).
import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Starts packages/backend with the repository's app-config, its e2e
 * overlay and `extraConfigs`, in its own process group (kill it with
 * `process.kill(-child.pid)`), writing its output to `logFile`.
 */
export function startBackend({ root, logFile, extraConfigs = [], env }) {
  const log = openSync(logFile, 'w');
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
      ...extraConfigs.flatMap(file => ['--config', file]),
    ],
    {
      cwd: join(root, 'packages/backend'),
      stdio: ['ignore', log, log],
      detached: true,
      env,
    },
  );
}
