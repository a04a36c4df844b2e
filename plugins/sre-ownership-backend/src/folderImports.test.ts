import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

// docs/architecture.md: imports run one way between src/'s folders. The
// script draws the folders from the imports; this keeps the drawing true.
describe("the backend's folders", () => {
  it('import one another one way only: no cycle, no import running back up', () => {
    const script = resolve(__dirname, '../../../scripts/folder-imports.mjs');
    const drawn = spawnSync(process.execPath, [script, __dirname], {
      encoding: 'utf8',
    });
    expect(drawn.stdout).toContain(
      'imports running back up: 0 folder edges (0 import lines)',
    );
    expect(drawn.stdout).toContain('folder pairs importing each other: 0');
    expect(drawn.status).toBe(0);
  });
});
