#!/usr/bin/env bash
# Install (if missing) and start the test cluster on loopback: etcd, a real kube-apiserver with
# RBAC and token auth, a real kube-controller-manager (so Deployments get ReplicaSets, Pods and a
# computed status), and the released gateway charts served as a Helm repository.
# Idempotent: a healthy cluster is left alone (only a missing process is started, a running API
# server is never restarted), built binaries are reused (keyed on their version and module hash).
# No scheduler and no kubelet run: pods stay Pending unless a test marks them ready
# (deploy/src/kubelet-stand-in.ts).
#
#   scripts/cluster/up.sh            # prints the env file path on success
#
# Binaries:  ${PEERS_OPT:-/opt/portkey-setup}/bin (helm, kube-apiserver, kubectl, kube-controller-manager)
# State:     ${CLUSTER_DIR:-/tmp/portkey-setup-cluster} (etcd data, certs, kubeconfig, logs, pids)
# Charts:    ${CHARTS_DIR:-../shared/reference/charts/portkey-gateway}; without it, the released
#            packages are pulled once from the public repository into the state folder.
# cluster.env in the state folder has KUBECONFIG, HELM_BIN, KUBECTL_BIN, CHART_REPO_URL, CHARTS_DIR.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OPT="${PEERS_OPT:-/opt/portkey-setup}"
BIN="$OPT/bin"
STATE="${CLUSTER_DIR:-/tmp/portkey-setup-cluster}"
CHARTS_DIR="${CHARTS_DIR:-$ROOT/../shared/reference/charts/portkey-gateway}"

# Pinned versions (bump deliberately). The kube module's go.mod pins the staging modules to match.
HELM_VERSION='v3.22.0'
KUBE_VERSION='v1.34.2'

# Loopback ports, out of the peers' range (scripts/peers/ports.json uses 17017-17999).
ETCD_PORT=18379
ETCD_PEER_PORT=18380
API_PORT=18643
REPO_PORT=18879
KCM_PORT=18657

mkdir -p "$BIN" "$STATE/logs" "$STATE/run" "$STATE/pki" "$STATE/etcd"
say() { printf '%s\n' "$*" >&2; }
now() { date +%s; }
T0=$(now)

# ---- binaries -------------------------------------------------------------------------
ensure_etcd() {
  command -v etcd >/dev/null 2>&1 && return 0
  say "Installing etcd-server (Debian)."
  local sudo=''
  [ "$(id -u)" -eq 0 ] || sudo='sudo'
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends etcd-server >/dev/null
  # Debian's package may start a system etcd on 2379; ours uses its own ports and data folder.
}

ensure_helm() {
  if [ -x "$BIN/helm" ] && "$BIN/helm" version --template '{{.Version}}' 2>/dev/null | grep -qx "$HELM_VERSION"; then
    return 0
  fi
  say "Building helm $HELM_VERSION from the Go module proxy (about 3.5 min cold)."
  GOBIN="$BIN" GOFLAGS=-buildvcs=false go install -trimpath -ldflags "-s -w -X helm.sh/helm/v3/internal/version.version=$HELM_VERSION" "helm.sh/helm/v3/cmd/helm@$HELM_VERSION"
}

# Builds the commands of the kube wrapper module into BIN when their stamp (the Kubernetes version
# and a hash of the module and their main.go) differs. Each binary is linked in a scratch folder and
# renamed into place, so a running server keeps its own executable and is never disturbed.
build_kube() { # stamp-name command...
  local stamp="$BIN/.$1-stamp" want files=(go.mod go.sum) c
  shift
  for c in "$@"; do files+=("cmd/$c/main.go"); done
  want="$KUBE_VERSION $(cd "$HERE/kube" && cat "${files[@]}" | sha256sum | cut -c1-16)"
  local ok=true
  for c in "$@"; do [ -x "$BIN/$c" ] || ok=false; done
  if $ok && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then return 0; fi
  say "Building $* $KUBE_VERSION from k8s.io/kubernetes (about 7 min cold)."
  local minor="${KUBE_VERSION#v1.}"
  minor="${minor%%.*}"
  local ld="-s -w -X k8s.io/component-base/version.gitVersion=$KUBE_VERSION"
  ld="$ld -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$minor"
  ld="$ld -X k8s.io/client-go/pkg/version.gitVersion=$KUBE_VERSION"
  local out
  out="$(mktemp -d "$BIN/.build.XXXXXX")"
  (cd "$HERE/kube" && GOFLAGS=-buildvcs=false go build -trimpath -ldflags "$ld" -o "$out/" "${@/#/./cmd/}")
  for c in "$@"; do mv -f "$out/$c" "$BIN/$c"; done
  rmdir "$out"
  printf '%s\n' "$want" >"$stamp"
}

ensure_kube() {
  build_kube kube kube-apiserver kubectl
  build_kube kcm kube-controller-manager
}

# ---- processes ------------------------------------------------------------------------
# Read by the functions of lib/procs.sh.
# shellcheck disable=SC2034
RUN="$STATE/run"
# shellcheck disable=SC2034
LOGS="$STATE/logs"
# shellcheck source-path=SCRIPTDIR source=../lib/procs.sh
source "$HERE/../lib/procs.sh"

# ---- certificates and credentials -----------------------------------------------------
ensure_pki() {
  local p="$STATE/pki"
  [ -f "$p/server.pem" ] && [ -f "$p/sa.key" ] && [ -f "$p/tokens.csv" ] && return 0
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj '/CN=portkey-setup-test-ca' \
    -keyout "$p/ca.key" -out "$p/ca.pem" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj '/CN=kube-apiserver' -keyout "$p/server.key" -out "$p/server.csr" 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes.default.svc\n' >"$p/san.ext"
  openssl x509 -req -in "$p/server.csr" -CA "$p/ca.pem" -CAkey "$p/ca.key" -CAcreateserial -days 3650 \
    -extfile "$p/san.ext" -out "$p/server.pem" 2>/dev/null
  openssl genrsa -out "$p/sa.key" 2048 2>/dev/null
  openssl rsa -in "$p/sa.key" -pubout -out "$p/sa.pub" 2>/dev/null
  local token
  token="$(openssl rand -hex 24)"
  # token,user,uid,"group" — the admin is in system:masters, as a cluster's first user is.
  printf '%s,portkey-admin,portkey-admin,"system:masters"\n' "$token" >"$p/tokens.csv"
  chmod 600 "$p"/*.key "$p/tokens.csv"
}

write_kubeconfig() {
  local token
  token="$(cut -d, -f1 "$STATE/pki/tokens.csv")"
  umask 077
  cat >"$STATE/kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters:
  - name: portkey-setup-test
    cluster:
      server: https://127.0.0.1:$API_PORT
      certificate-authority: $STATE/pki/ca.pem
users:
  - name: portkey-admin
    user:
      token: $token
contexts:
  - name: portkey-setup-test
    context: { cluster: portkey-setup-test, user: portkey-admin }
current-context: portkey-setup-test
EOF
}

api_ready() { KUBECONFIG="$STATE/kubeconfig" "$BIN/kubectl" get --raw /readyz --request-timeout=3s; }

start_etcd() {
  wait_until 1 curl -fsS "http://127.0.0.1:$ETCD_PORT/health" && pid_alive etcd && return 0
  start_bg etcd etcd --name portkey-setup --data-dir "$STATE/etcd" \
    --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-cluster "portkey-setup=http://127.0.0.1:$ETCD_PEER_PORT" --quota-backend-bytes=2147483648
  wait_until 30 curl -fsS "http://127.0.0.1:$ETCD_PORT/health" || {
    tail -20 "$STATE/logs/etcd.log" >&2
    return 1
  }
}

start_apiserver() {
  pid_alive kube-apiserver && wait_until 2 api_ready && return 0
  local p="$STATE/pki"
  start_bg kube-apiserver "$BIN/kube-apiserver" \
    --etcd-servers "http://127.0.0.1:$ETCD_PORT" \
    --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$API_PORT" \
    --tls-cert-file "$p/server.pem" --tls-private-key-file "$p/server.key" \
    --token-auth-file "$p/tokens.csv" --authorization-mode RBAC \
    --service-account-key-file "$p/sa.pub" --service-account-signing-key-file "$p/sa.key" \
    --service-account-issuer https://kubernetes.default.svc \
    --service-cluster-ip-range 10.96.0.0/16 --allow-privileged=true \
    --enable-priority-and-fairness=false --profiling=false --watch-cache=false
  wait_until 90 api_ready || {
    tail -30 "$STATE/logs/kube-apiserver.log" >&2
    return 1
  }
}

# The controllers (deployment, replicaset, namespace, garbage collector, service accounts' tokens…)
# as a cluster runs them; it talks to the API server with the admin kubeconfig.
kcm_ready() { curl -fsSk "https://127.0.0.1:$KCM_PORT/healthz"; }

start_controller_manager() {
  pid_alive kube-controller-manager && wait_until 2 kcm_ready && return 0
  local p="$STATE/pki"
  start_bg kube-controller-manager "$BIN/kube-controller-manager" \
    --kubeconfig "$STATE/kubeconfig" \
    --bind-address 127.0.0.1 --secure-port "$KCM_PORT" \
    --leader-elect=false --controllers '*' \
    --service-account-private-key-file "$p/sa.key" --root-ca-file "$p/ca.pem" \
    --cluster-signing-cert-file "$p/ca.pem" --cluster-signing-key-file "$p/ca.key" \
    --concurrent-deployment-syncs 2 --concurrent-replicaset-syncs 2 --profiling=false
  wait_until 60 kcm_ready || {
    tail -30 "$STATE/logs/kube-controller-manager.log" >&2
    return 1
  }
}

# ---- APIs a cluster has beside the chart (the Secrets Store CSI driver's) -----------------
apply_external_apis() {
  "$BIN/kubectl" --kubeconfig "$STATE/kubeconfig" apply -f "$HERE/external-apis.yaml" >/dev/null
}

# ---- charts ---------------------------------------------------------------------------
ensure_charts() {
  if [ -f "$CHARTS_DIR/index.yaml" ]; then return 0; fi
  # No ../shared (a contributor's clone): the same packages from the public repository, once.
  local dir="$STATE/charts"
  if [ ! -f "$dir/index.yaml" ]; then
    say "No $CHARTS_DIR: pulling the released charts from the public repository."
    mkdir -p "$dir"
    local versions
    versions="$(node -e 'import("'"$ROOT"'/packages/schema/dist/index.js").then(m=>console.log(m.CHART_RELEASES.map(r=>r.version).join(" ")))')"
    "$BIN/helm" repo add portkey-ai https://portkey-ai.github.io/helm --force-update >/dev/null
    for v in $versions; do "$BIN/helm" pull portkey-ai/gateway --version "$v" -d "$dir"; done
    "$BIN/helm" repo index "$dir"
  fi
  CHARTS_DIR="$dir"
}

start_repo() {
  local url="http://127.0.0.1:$REPO_PORT/index.yaml"
  if pid_alive chart-repo && curl -fsS "$url" >/dev/null 2>&1 &&
    [ "$(cat "$STATE/run/chart-repo.dir" 2>/dev/null)" = "$CHARTS_DIR" ]; then return 0; fi
  start_bg chart-repo python3 -m http.server "$REPO_PORT" --bind 127.0.0.1 --directory "$CHARTS_DIR"
  printf '%s\n' "$CHARTS_DIR" >"$STATE/run/chart-repo.dir"
  wait_until 20 curl -fsS "$url"
}

ensure_etcd
ensure_helm
ensure_kube
ensure_pki
write_kubeconfig
start_etcd
start_apiserver
start_controller_manager
apply_external_apis
ensure_charts
start_repo

cat >"$STATE/cluster.env" <<EOF
KUBECONFIG=$STATE/kubeconfig
HELM_BIN=$BIN/helm
KUBECTL_BIN=$BIN/kubectl
CHART_REPO_URL=http://127.0.0.1:$REPO_PORT
CHARTS_DIR=$CHARTS_DIR
EOF
say "Test cluster ready in $(($(now) - T0)) s: $("$BIN/kubectl" --kubeconfig "$STATE/kubeconfig" version -o json | python3 -c 'import json,sys; print(json.load(sys.stdin)["serverVersion"]["gitVersion"])'), helm $HELM_VERSION, charts $CHARTS_DIR"
printf '%s\n' "$STATE/cluster.env"
