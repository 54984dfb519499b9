#!/usr/bin/env bash
# `npm test`: everything — lint, typecheck, unit, integration against real servers, e2e in Chromium.
# Idempotent on a fresh machine: system packages and test peers are installed by the scripts it calls.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step 'System packages (shellcheck, chromium, unzip, openssl, curl, python3-venv, iproute2)'
bash scripts/setup-system.sh

step 'Real backend peers on loopback (scripts/peers)'
# Started in the background while lint, build and typecheck run; awaited before the tests.
bash scripts/peers/up.sh > /tmp/portkey-setup-peers-up.log 2>&1 &
peers_pid=$!

step 'Test cluster on loopback (scripts/cluster: helm, kube-apiserver, etcd, chart repository)'
# Built from the Go module proxy on first use (about 10 min cold), seconds when cached.
bash scripts/cluster/up.sh > /tmp/portkey-setup-cluster-up.log 2>&1 &
cluster_pid=$!

step 'Lint (biome)'
npx biome check .

step 'Build and typecheck'
npx turbo run build typecheck --output-logs=errors-only

# Waits for a set-up job started above; prints its log, and stops with a reason if it failed.
await_setup() { # pid log what
  if ! wait "$1"; then
    cat "$2"
    echo "$3" >&2
    exit 1
  fi
  cat "$2"
}

step 'API contract fuzz (schemathesis against /api/openapi.json, every check)'
# In a network namespace with only loopback when the kernel allows it, so /api/checks is fuzzed
# too without any generated host being dialled; elsewhere the runner leaves that route out.
st_bin=$(bash scripts/setup-schemathesis.sh)
if unshare -rn true 2>/dev/null; then
  # shellcheck disable=SC2016  # $0 is expanded by the inner shell
  unshare -rn sh -c 'ip link set lo up && exec node apps/api/contract-fuzz/run.mjs "$0"' "$st_bin"
else
  node apps/api/contract-fuzz/run.mjs "$st_bin"
fi

step 'Waiting for the peers'
await_setup "$peers_pid" /tmp/portkey-setup-peers-up.log 'scripts/peers/up.sh failed: the integration tests need every peer.'

step 'Waiting for the test cluster'
await_setup "$cluster_pid" /tmp/portkey-setup-cluster-up.log 'scripts/cluster/up.sh failed: the deploy tests need helm and the API server.'

log=$(mktemp)
trap 'rm -f "$log"' EXIT

step 'Unit and integration tests (vitest)'
npx turbo run test --concurrency=1 --output-logs=full 2>&1 | tee -a "$log"

step 'End-to-end tests (Playwright, Debian Chromium)'
npx playwright test 2>&1 | tee -a "$log"

# One closing line over every runner (each would have failed the script above on any failure).
passed=$(sed -e 's/\x1b\[[0-9;]*m//g' "$log" |
  sed -nE -e 's/.*Tests +([0-9]+) passed.*/\1/p' -e 's/^ +([0-9]+) passed \(.*/\1/p' |
  awk '{ n += $1 } END { print n + 0 }')
# The deploy matrix figures (every fixture at every released chart), repeated for the record.
sed -e 's/\x1b\[[0-9;]*m//g' "$log" | grep -o 'Deploy matrix.*' | tail -n 1 || true
printf '\nTotal: %s passed, 0 failed\n' "$passed"
