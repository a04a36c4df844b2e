#!/usr/bin/env bash
# Installs what the tests need and runs every test: type-check, lint, unit and
# store tests (SQLite and the local PostgreSQL), and the end-to-end test in
# headless Chromium. Ends with a "N passed, M failed" line and a non-zero exit
# status when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/node.sh

ensure_node
install_dependencies || { echo "dependency installation failed"; echo "0 passed, 1 failed"; exit 1; }

ensure_chromium() {
  [ -x /usr/bin/chromium ] && return
  echo "==> installing Debian's Chromium for the end-to-end test"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq chromium >/dev/null
}

# The SLO tests and the end-to-end test run a real Prometheus on backfilled history.
ensure_prometheus() {
  command -v prometheus >/dev/null && command -v promtool >/dev/null && return
  echo "==> installing Debian's Prometheus for the SLO tests"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends prometheus >/dev/null
}

# The three-replica test puts HAProxy in front of the replicas.
ensure_haproxy() {
  command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] && return
  echo "==> installing Debian's HAProxy for the three-replica test"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends haproxy >/dev/null
}

ensure_postgres() {
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}"
  if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    echo "==> starting the local PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
  pg_isready -h 127.0.0.1 -p 5432 || { echo "PostgreSQL is not reachable on 127.0.0.1:5432"; return 1; }
}

ensure_chromium || echo "could not install Chromium"
ensure_prometheus || echo "could not install Prometheus"
ensure_haproxy || echo "could not install HAProxy"
ensure_postgres || echo "PostgreSQL tests cannot run"

results_dir=".test-results"
rm -rf "$results_dir" && mkdir -p "$results_dir"
passed=0
failed=0

stage() {
  local name="$1"; shift
  echo; echo "==> $name"
  if "$@"; then
    echo "==> $name: ok"; passed=$((passed + 1))
  else
    echo "==> $name: FAILED"; failed=$((failed + 1))
  fi
}

stage "type-check (tsc)" npx tsc
stage "lint" npx backstage-cli repo lint
stage "package metadata is publishable (backstage-cli repo fix --publish --check)" \
  npx backstage-cli repo fix --publish --check
stage "API reports match the public exports (npm run build:api-reports updates them)" \
  npm run --silent test:api-reports
stage "3 replicas start at once on an empty PostgreSQL, 3 rounds (scripts/replicas-start.mjs)" node scripts/replicas-start.mjs
stage "3 replicas behind HAProxy on one PostgreSQL: same answers, webhooks stored once, a replica killed (scripts/replicas-balanced.mjs)" node scripts/replicas-balanced.mjs

echo; echo "==> unit, component and store tests (jest)"
CI=true BACKSTAGE_TEST_DISABLE_DOCKER=1 npx backstage-cli repo test \
  --json --outputFile="$results_dir/jest.json"
jest_status=$?
if [ -f "$results_dir/jest.json" ]; then
  read -r jp jf pg <<<"$(node -e '
    const r = require(process.argv[1]);
    const names = r.testResults.flatMap(f => f.assertionResults)
      .filter(a => a.status === "passed")
      .map(a => a.ancestorTitles.concat(a.title).join(" "));
    const pg = names.filter(n => /POSTGRES/.test(n)).length;
    console.log(r.numPassedTests, r.numFailedTests + r.numRuntimeErrorTestSuites, pg);
  ' "$PWD/$results_dir/jest.json")"
  echo "==> jest: $jp passed, $jf failed; $pg of the passed tests ran on PostgreSQL"
  passed=$((passed + jp)); failed=$((failed + jf))
  if [ "$jest_status" -ne 0 ] && [ "$jf" -eq 0 ]; then failed=$((failed + 1)); fi
  if [ "$pg" -eq 0 ]; then echo "==> no test ran on PostgreSQL"; failed=$((failed + 1)); fi
else
  echo "==> jest produced no results"; failed=$((failed + 1))
fi

echo; echo "==> end-to-end test (headless Chromium)"
node scripts/e2e.mjs --results "$results_dir/e2e.json"
if [ -f "$results_dir/e2e.json" ]; then
  read -r ep ef <<<"$(node -p 'const r=require(process.argv[1]); `${r.passed} ${r.failed}`' "$PWD/$results_dir/e2e.json")"
  passed=$((passed + ep)); failed=$((failed + ef))
else
  echo "==> the end-to-end test produced no results"; failed=$((failed + 1))
fi

echo; echo "==> adopter test: the packed packages in scratch Backstage 1.55 apps (scripts/adopter)"
adopter_started=$SECONDS
bash scripts/adopter/run.sh --results "$results_dir/adopter.json"
adopter_status=$?
echo "==> adopter test took $((SECONDS - adopter_started)) s"
if [ -f "$results_dir/adopter.json" ]; then
  read -r ap af <<<"$(node -p 'const r=require(process.argv[1]); `${r.passed} ${r.failed}`' "$PWD/$results_dir/adopter.json")"
  passed=$((passed + ap)); failed=$((failed + af))
  if [ "$adopter_status" -ne 0 ] && [ "$af" -eq 0 ]; then failed=$((failed + 1)); fi
else
  echo "==> the adopter test failed before its browser checks"; failed=$((failed + 1))
fi

echo
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
