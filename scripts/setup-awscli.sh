#!/usr/bin/env bash
# Installs the aws CLI (v1, from PyPI) into its own venv, once: a second run with the same pinned
# version returns at once. Prints the path of the binary. The bundle's AWS scripts are run with it
# against moto (scripts/peers), so their tests never depend on an aws found on the machine.
set -euo pipefail

AWSCLI_SPEC='awscli==1.45.11'
VENV="${AWSCLI_VENV:-${PEERS_OPT:-/opt/portkey-setup}/awscli-venv}"

if [[ -x "$VENV/bin/aws" && "$(cat "$VENV/.portkey-spec" 2>/dev/null)" == "$AWSCLI_SPEC" ]]; then
  echo "$VENV/bin/aws"
  exit 0
fi

command -v python3 >/dev/null 2>&1 || { echo 'setup-awscli: python3 is required' >&2; exit 1; }
rm -rf "$VENV"
mkdir -p "$(dirname "$VENV")"
python3 -m venv "$VENV"
"$VENV/bin/pip" install --disable-pip-version-check -q "$AWSCLI_SPEC" >&2
echo "$AWSCLI_SPEC" >"$VENV/.portkey-spec"
echo "$VENV/bin/aws"
