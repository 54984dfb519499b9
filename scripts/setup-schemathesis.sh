#!/usr/bin/env bash
# Installs schemathesis (the OpenAPI fuzzer the contract test runs) into its own venv, once:
# a second run with the same pinned version returns at once. Prints the path of the binary.
set -euo pipefail

SCHEMATHESIS_SPEC='schemathesis==4.32.5'
VENV="${SCHEMATHESIS_VENV:-${PEERS_OPT:-/opt/portkey-setup}/schemathesis-venv}"

if [[ -x "$VENV/bin/st" && "$(cat "$VENV/.portkey-spec" 2>/dev/null)" == "$SCHEMATHESIS_SPEC" ]]; then
  echo "$VENV/bin/st"
  exit 0
fi

command -v python3 >/dev/null 2>&1 || { echo 'setup-schemathesis: python3 is required' >&2; exit 1; }
rm -rf "$VENV"
mkdir -p "$(dirname "$VENV")"
python3 -m venv "$VENV"
"$VENV/bin/pip" install --disable-pip-version-check -q "$SCHEMATHESIS_SPEC" >&2
echo "$SCHEMATHESIS_SPEC" >"$VENV/.portkey-spec"
echo "$VENV/bin/st"
