#!/usr/bin/env bash
# Installs the system packages the tests need (etcd-server comes with scripts/cluster/up.sh), once and idempotently (CI may run on a fresh machine).
set -euo pipefail
need=()
command -v shellcheck >/dev/null 2>&1 || need+=(shellcheck)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# The deploy tests unzip bundles as a user would, and the test cluster makes its certificates.
command -v unzip >/dev/null 2>&1 || need+=(unzip)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
command -v curl >/dev/null 2>&1 || need+=(curl)
# create-aws-secret.sh builds the secret's JSON with jq.
command -v jq >/dev/null 2>&1 || need+=(jq)
# The contract fuzz: its venv, and the loopback-only network namespace it runs in.
python3 -c 'import ensurepip' >/dev/null 2>&1 || need+=(python3-venv)
command -v ip >/dev/null 2>&1 || need+=(iproute2)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=''
  [ "$(id -u)" -eq 0 ] || SUDO='sudo'
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
