#!/usr/bin/env bash
# Quick start: installs what is needed and starts the demo Backstage app
# (frontend on :3000, backend on :7007) with the demo catalog on file-backed
# SQLite in .data/. When a `prometheus` binary is installed, also starts one
# on :9090 (DEMO_PROMETHEUS_PORT) with generated history for the demo SLOs;
# without it the SLO cards say how to connect one.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/node.sh
ensure_node
install_dependencies
mkdir -p .data/sqlite
if command -v prometheus >/dev/null && command -v promtool >/dev/null; then
  port="${DEMO_PROMETHEUS_PORT:-9090}"
  node scripts/demo-prometheus.mjs .data/prometheus "$port" &
  prometheus_pid=$!
  trap 'kill "$prometheus_pid" 2>/dev/null || true' EXIT
  export APP_CONFIG_sreOwnership_prometheus="{\"instances\":[{\"name\":\"demo\",\"baseUrl\":\"http://127.0.0.1:${port}\"}]}"
fi
npx backstage-cli repo start
