#!/usr/bin/env bash
# Stops the test cluster that up.sh started (controller manager, API server, etcd,
# chart repository). Built binaries stay.
#   scripts/cluster/down.sh          # stop
#   scripts/cluster/down.sh --wipe   # stop and delete its state (etcd data, certificates, kubeconfig)
set -euo pipefail
STATE="${CLUSTER_DIR:-/tmp/portkey-setup-cluster}"
for name in kube-controller-manager kube-apiserver chart-repo etcd; do
  f="$STATE/run/$name.pid"
  [ -f "$f" ] || continue
  pid="$(cat "$f")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$f"
done
if [ "${1:-}" = --wipe ]; then rm -rf "$STATE"; fi
echo "Test cluster stopped."
