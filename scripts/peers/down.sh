#!/usr/bin/env bash
# Stop the peers started by up.sh (by their pid files). Idempotent.
#   scripts/peers/down.sh            # all
#   scripts/peers/down.sh redis moto # a subset (same names as up.sh)
#   PEERS_PURGE=1 scripts/peers/down.sh   # also delete the state dir (data, logs, certs, seeds)
set -euo pipefail

PEERS_DIR="${PEERS_DIR:-/tmp/portkey-setup-peers}"
RUN="$PEERS_DIR/run"

# peer name -> pid-file names it owns
declare -A OWNS=(
  [redis]="redis redis-tls redis-cluster-*"
  [clickhouse]="clickhouse"
  [registry]="registry registry-tls registry-token registry-token-server"
  [moto]="moto"
  [azurite]="azurite azurite-oauth"
  [ferretdb]="ferretdb"
  [otlp]="otlp otlp-tls"
  [blackhole]="blackhole"
)

stop_one() { # pidfile
  local f="$1" name pid i
  name="$(basename "$f" .pid)"
  pid="$(cat "$f" 2>/dev/null || true)"
  if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
    printf 'stopped %-20s pid %s\n' "$name" "$pid"
  else
    printf 'not running %-16s\n' "$name"
  fi
  rm -f "$f"
}

if [[ -d "$RUN" ]]; then
  shopt -s nullglob
  if (($# == 0)); then
    files=("$RUN"/*.pid)
  else
    files=()
    for p in "$@"; do
      [[ -n "${OWNS[$p]:-}" ]] || { echo "unknown peer '$p' (known: ${!OWNS[*]})" >&2; exit 2; }
      # shellcheck disable=SC2206  # the patterns are meant to glob
      for pat in ${OWNS[$p]}; do files+=("$RUN"/$pat.pid); done
    done
  fi
  for f in "${files[@]}"; do stop_one "$f"; done
fi
if [[ "${PEERS_PURGE:-0}" == 1 && $# -eq 0 ]]; then
  rm -rf "$PEERS_DIR"
  echo "purged $PEERS_DIR"
fi
echo "peers down"
