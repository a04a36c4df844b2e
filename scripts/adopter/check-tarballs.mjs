#!/usr/bin/env node
// Checks packed tarballs the way a registry user would meet them: every entry
// point in package.json exists in the tarball and none points at src/, the
// backend ships its migrations and config schema, and every package that the
// built code or its type declarations import is declared as a dependency or
// peer dependency. Usage: check-tarballs.mjs <dir with the .tgz files>
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = process.argv[2];
const problems = [];
const builtins = new Set(builtinModules);

function entryPoints(pkg) {
  const paths = [];
  const walk = value => {
    if (typeof value === 'string') paths.push(value);
    else if (value && typeof value === 'object')
      Object.values(value).forEach(walk);
  };
  for (const field of ['main', 'module', 'types', 'browser', 'configSchema']) {
    walk(pkg[field]);
  }
  walk(pkg.exports);
  walk(pkg.typesVersions);
  return paths.filter(p => !p.startsWith('@backstage/')); // feature markers
}

function importedPackages(text) {
  const names = new Set();
  // A module specifier holds no white space or comma, which keeps prose such
  // as JSX text "ended from ", x.from, " to" from reading as an import.
  const pattern =
    /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"./\s,][^'"\s,]*)['"]/g;
  for (const [, spec] of text.matchAll(pattern)) {
    if (spec.startsWith('node:') || builtins.has(spec.split('/')[0])) continue;
    const parts = spec.split('/');
    names.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
  }
  return names;
}

function listFiles(root, prefix = '') {
  return readdirSync(join(root, prefix), { withFileTypes: true }).flatMap(e =>
    e.isDirectory()
      ? listFiles(root, join(prefix, e.name))
      : [join(prefix, e.name)],
  );
}

const tarballs = readdirSync(dir).filter(f => f.endsWith('.tgz'));
if (tarballs.length === 0) problems.push(`no tarballs in ${dir}`);
for (const tarball of tarballs) {
  const out = mkdtempSync(join(tmpdir(), 'tarball-'));
  try {
    execFileSync('tar', ['xzf', join(dir, tarball), '-C', out]);
    const root = join(out, 'package');
    const files = new Set(listFiles(root));
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const say = text => problems.push(`${pkg.name}: ${text}`);
    for (const path of entryPoints(pkg)) {
      const file = path.replace(/^\.\//, '');
      if (/(^|\/)src\//.test(file)) say(`package.json points at ${path}`);
      else if (!files.has(file))
        say(`package.json names ${path}, which is not in the tarball`);
    }
    if ([...files].some(f => f.startsWith('src/')))
      say('the tarball contains src/');
    if (pkg.backstage?.role === 'backend-plugin') {
      if (![...files].some(f => f.startsWith('migrations/')))
        say('no migrations/');
      if (!pkg.configSchema) say('no configSchema');
    }
    if (
      pkg.backstage?.role === 'frontend-plugin' &&
      !pkg.exports?.['./alpha']?.backstage
    ) {
      say('./alpha carries no frontend feature marker');
    }
    const declared = new Set([
      pkg.name,
      ...Object.keys(pkg.dependencies ?? {}),
      ...Object.keys(pkg.peerDependencies ?? {}),
    ]);
    for (const file of files) {
      if (!/^dist\/.*\.(js|d\.ts)$/.test(file)) continue;
      for (const name of importedPackages(
        readFileSync(join(root, file), 'utf8'),
      )) {
        if (!declared.has(name))
          say(`${file} imports ${name}, which is not a dependency`);
      }
    }
    console.log(`checked ${tarball}: ${files.size} files`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
for (const problem of problems) console.log(`PROBLEM ${problem}`);
process.exit(problems.length === 0 ? 0 : 1);
