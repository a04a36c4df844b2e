#!/usr/bin/env node
/*
 * Draws a package's src/ as folders from its relative TypeScript imports and
 * reports what makes the drawing hard to follow: pairs of folders importing
 * each other, import cycles, and imports running back up (edges a
 * depth-first walk finds pointing at a folder still on its path).
 *
 *   node scripts/folder-imports.mjs [src-dir] [--with-tests] [--verbose]
 *
 * A "folder" is the first path segment under src/; a file at src/'s root is
 * its own folder, named after the file without extension (so `plugin.ts` is
 * `plugin`). Test files and `__testUtils__` are left out unless --with-tests:
 * nothing imports a test, and tests that start the whole backend import
 * `plugin.ts` from inside the capability they test by design.
 * Exits 1 when any cycle exists, so it can guard CI.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const args = process.argv.slice(2);
const noTests = !args.includes('--with-tests');
const verbose = args.includes('--verbose');
const srcDir = resolve(
  args.find(a => !a.startsWith('--')) ?? 'plugins/sre-ownership-backend/src',
);

const isTest = f => /\.test\.tsx?$/.test(f) || f.includes(`${sep}__`);

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts'))
      out.push(path);
  }
  return out;
}

function folderOf(file) {
  const parts = relative(srcDir, file).split(sep);
  return parts.length === 1
    ? parts[0].replace(/\.(test\.)?tsx?$/, '')
    : parts[0];
}

function resolveImport(from, spec) {
  const base = resolve(dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (statSync(c).isFile()) return c;
    } catch {
      /* try the next candidate */
    }
  }
  return undefined;
}

const importPattern =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"](\.[^'"]+)['"]|(?:import|require)\(\s*['"](\.[^'"]+)['"]\s*\)|jest\.mock\(\s*['"](\.[^'"]+)['"]/g;

const files = walk(srcDir).filter(f => !(noTests && isTest(f)));
/** edges: from folder -> to folder -> list of "file -> file" */
const edges = new Map();
const folders = new Set();
for (const file of files) {
  const from = folderOf(file);
  folders.add(from);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(importPattern)) {
    const target = resolveImport(file, m[1] ?? m[2] ?? m[3]);
    if (!target || !target.startsWith(srcDir + sep)) continue;
    const to = folderOf(target);
    if (to === from) continue;
    folders.add(to);
    if (!edges.has(from)) edges.set(from, new Map());
    const byTarget = edges.get(from);
    if (!byTarget.has(to)) byTarget.set(to, []);
    byTarget
      .get(to)
      .push(`${relative(srcDir, file)} -> ${relative(srcDir, target)}`);
  }
}

const sorted = [...folders].sort();
const out = f => [...(edges.get(f)?.keys() ?? [])].sort();

// Mutual pairs.
const pairs = [];
for (const a of sorted)
  for (const b of out(a)) if (a < b && out(b).includes(a)) pairs.push([a, b]);

// Strongly connected components (Tarjan).
let index = 0;
const idx = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const sccs = [];
function strong(v) {
  idx.set(v, index);
  low.set(v, index++);
  stack.push(v);
  onStack.add(v);
  for (const w of out(v)) {
    if (!idx.has(w)) {
      strong(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
  }
  if (low.get(v) === idx.get(v)) {
    const scc = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1) sccs.push(scc.sort());
  }
}
for (const f of sorted) if (!idx.has(f)) strong(f);

// Imports running back up: DFS back edges, walked from the folders nothing
// imports (the tops), in name order so the figure is reproducible.
const importedBy = new Set(sorted.flatMap(out));
const state = new Map();
const backEdges = [];
function dfs(v) {
  state.set(v, 'open');
  for (const w of out(v)) {
    if (state.get(w) === 'open') backEdges.push([v, w]);
    else if (!state.has(w)) dfs(w);
  }
  state.set(v, 'done');
}
for (const f of sorted.filter(f => !importedBy.has(f)))
  if (!state.has(f)) dfs(f);
for (const f of sorted) if (!state.has(f)) dfs(f);

// Floors: longest import chain below each folder once back edges are cut.
const cut = new Set(backEdges.map(([a, b]) => `${a}>${b}`));
const floor = new Map();
function floorOf(v) {
  if (floor.has(v)) return floor.get(v);
  floor.set(v, 0);
  const below = out(v).filter(w => !cut.has(`${v}>${w}`));
  const f = below.length ? 1 + Math.max(...below.map(floorOf)) : 0;
  floor.set(v, f);
  return f;
}
sorted.forEach(floorOf);

const backImports = backEdges.reduce(
  (n, [a, b]) => n + edges.get(a).get(b).length,
  0,
);
console.log(
  `src: ${relative(process.cwd(), srcDir) || '.'}${
    noTests ? ' (tests left out)' : ' (tests included)'
  }`,
);
console.log(
  `folders: ${sorted.length}, floors: ${1 + Math.max(0, ...floor.values())}`,
);
console.log(
  `imports running back up: ${backEdges.length} folder edges (${backImports} import lines)`,
);
for (const [a, b] of backEdges) {
  console.log(`  ${a} -> ${b}`);
  if (verbose) for (const l of edges.get(a).get(b)) console.log(`      ${l}`);
}
console.log(`folder pairs importing each other: ${pairs.length}`);
for (const [a, b] of pairs) console.log(`  ${a} <-> ${b}`);
console.log(`import cycles (strongly connected folder groups): ${sccs.length}`);
for (const s of sccs) console.log(`  ${s.join(', ')}`);
if (verbose) {
  console.log('floors (0 = imports no other folder):');
  for (const f of [...sorted].sort(
    (a, b) => floor.get(b) - floor.get(a) || a.localeCompare(b),
  ))
    console.log(`  ${floor.get(f)} ${f} -> ${out(f).join(', ')}`);
}
process.exitCode = sccs.length ? 1 : 0;
