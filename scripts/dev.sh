#!/usr/bin/env bash
# Quick start: installs what is needed and starts the demo Backstage app
# (frontend on :3000, backend on :7007) with the demo catalog on file-backed
# SQLite in .data/.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/node.sh
ensure_node
install_dependencies
mkdir -p .data/sqlite
exec npx backstage-cli repo start
