#!/usr/bin/env bash
# Install (if missing) and start the real backend servers the connectivity-check tests use.
# Idempotent: healthy peers are left alone; unhealthy ones are restarted.
#
#   scripts/peers/up.sh                 # all peers
#   scripts/peers/up.sh redis moto      # a subset
#
# Peers: redis (standalone + TLS + 3-master cluster), clickhouse, registry, moto, azurite,
#        ferretdb, otlp, blackhole.  Ports and credentials: scripts/peers/ports.json.
# State (data, logs, pids, certs, seed files): ${PEERS_DIR:-/tmp/portkey-setup-peers}
# Installed tools (venv, npm prefix, Go binaries): ${PEERS_OPT:-/opt/portkey-setup}
# PK_* variables come from ports.json via eval; install_* functions are called indirectly.
# shellcheck disable=SC2154,SC2317
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PEERS_DIR="${PEERS_DIR:-/tmp/portkey-setup-peers}"
PEERS_OPT="${PEERS_OPT:-/opt/portkey-setup}"
LOGS="$PEERS_DIR/logs"
RUN="$PEERS_DIR/run"
TLS="$PEERS_DIR/tls"

# Pinned versions (bump deliberately).
MOTO_SPEC='moto[server]==5.2.5'
PYMONGO_SPEC='pymongo==4.20.1'
AZURITE_VERSION='3.35.0'
FERRETDB_MODULE='github.com/FerretDB/FerretDB'
FERRETDB_VERSION='v1.24.2'

ALL_PEERS=(redis clickhouse registry moto azurite ferretdb otlp blackhole)

# ---------------------------------------------------------------------------------------
# config: ports.json -> PK_<section>_<key>
eval "$(python3 "$HERE/lib-config.py" "$HERE/ports.json")"
H="$PK_host"
CA="$TLS/ca.pem"

mkdir -p "$LOGS" "$RUN" "$TLS" "$PEERS_OPT/bin"

say() { printf '%s\n' "$*" >&2; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

declare -A RESULT=()   # peer-instance -> "ok|FAIL<TAB>detail"
ORDER=()
record() { # name status detail
  ORDER+=("$1")
  RESULT[$1]="$2"$'\t'"$3"
}

# shellcheck source-path=SCRIPTDIR source=../lib/procs.sh
source "$HERE/../lib/procs.sh"

port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/$H/$1" 2>/dev/null; }

http_code() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$@" || true; }

# ---------------------------------------------------------------------------------------
# selection
SELECTED=()
if (($# == 0)); then
  SELECTED=("${ALL_PEERS[@]}")
else
  for p in "$@"; do
    case " ${ALL_PEERS[*]} " in
      *" $p "*) SELECTED+=("$p") ;;
      *) say "unknown peer '$p' (known: ${ALL_PEERS[*]})"; exit 2 ;;
    esac
  done
fi
want() { case " ${SELECTED[*]} " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

# ---------------------------------------------------------------------------------------
# install phase
T_ALL="$(now)"
TIMES="$PEERS_DIR/install-times.txt"

pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

APT_WANT=(openssl curl ca-certificates)
want redis && APT_WANT+=(redis-server redis-tools)
want clickhouse && APT_WANT+=(clickhouse-server)
want registry && APT_WANT+=(docker-registry apache2-utils)
if want moto || want ferretdb; then
  python3 -m venv --help >/dev/null 2>&1 || APT_WANT+=(python3-venv)
fi
APT_MISSING=()
for p in "${APT_WANT[@]}"; do pkg_installed "$p" || APT_MISSING+=("$p"); done
if ((${#APT_MISSING[@]})); then
  t="$(now)"
  say "apt: installing ${APT_MISSING[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >"$LOGS/install-apt.log" 2>&1
  # policy-rc.d 101: never let package scripts start system services (we run our own instances)
  prc=/usr/sbin/policy-rc.d
  prc_created=0
  if [[ ! -e $prc ]]; then printf '#!/bin/sh\nexit 101\n' >"$prc"; chmod +x "$prc"; prc_created=1; fi
  apt_rc=0
  apt-get install -y -qq --no-install-recommends "${APT_MISSING[@]}" >>"$LOGS/install-apt.log" 2>&1 || apt_rc=$?
  ((prc_created)) && rm -f "$prc"
  if ((apt_rc)); then say "apt-get install failed, see $LOGS/install-apt.log"; tail -20 "$LOGS/install-apt.log" >&2; exit 1; fi
  echo "apt ${APT_MISSING[*]}: $(elapsed "$t")s" >>"$TIMES"
  say "apt: done in $(elapsed "$t")s"
fi

need_tool() { command -v "$1" >/dev/null 2>&1 || { say "missing required tool '$1' (expected on the machine image)"; exit 1; }; }
if want ferretdb || want otlp; then need_tool go; fi
if want azurite || want blackhole; then need_tool node; need_tool npm; fi

MOTO_VENV="$PEERS_OPT/moto-venv"
install_moto() {
  local spec="$MOTO_SPEC $PYMONGO_SPEC"
  if [[ -x "$MOTO_VENV/bin/moto_server" && "$(cat "$MOTO_VENV/.portkey-spec" 2>/dev/null)" == "$spec" ]]; then return 0; fi
  rm -rf "$MOTO_VENV"
  python3 -m venv "$MOTO_VENV"
  # shellcheck disable=SC2086  # spec is a list of requirement strings
  "$MOTO_VENV/bin/pip" install --disable-pip-version-check -q $spec
  echo "$spec" >"$MOTO_VENV/.portkey-spec"
}

AZURITE_DIR="$PEERS_OPT/azurite"
install_azurite() {
  local pj="$AZURITE_DIR/node_modules/azurite/package.json"
  if [[ -f "$pj" ]] && grep -q "\"version\": \"$AZURITE_VERSION\"" "$pj"; then return 0; fi
  mkdir -p "$AZURITE_DIR"
  printf '{ "name": "portkey-setup-azurite", "private": true }\n' >"$AZURITE_DIR/package.json"
  (cd "$AZURITE_DIR" && npm install --no-audit --no-fund --no-save --loglevel=error "azurite@$AZURITE_VERSION")
}

FERRETDB_BIN="$PEERS_OPT/bin/ferretdb"
install_ferretdb() {
  if [[ -x "$FERRETDB_BIN" ]] && "$FERRETDB_BIN" --version 2>/dev/null | grep -q "version: $FERRETDB_VERSION"; then return 0; fi
  # Built from the module source. `go install module@version` builds, but the binary panics at
  # start because build/version/version.txt is generated (not in the module zip); FerretDB's docs
  # say to create it with the `git describe` version, which is what we do on a copy.
  local src tmp
  tmp="$(mktemp -d)"
  src="$(cd "$tmp" && GOFLAGS='' go mod download -json "$FERRETDB_MODULE@$FERRETDB_VERSION" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')"
  cp -r "$src" "$tmp/src"
  chmod -R u+w "$tmp/src"
  echo "$FERRETDB_VERSION" >"$tmp/src/build/version/version.txt"
  echo "portkey-setup-peers" >"$tmp/src/build/version/package.txt"
  (cd "$tmp/src" && CGO_ENABLED=0 GOFLAGS='' go build -trimpath -o "$FERRETDB_BIN.new" ./cmd/ferretdb)
  mv -f "$FERRETDB_BIN.new" "$FERRETDB_BIN"
  rm -rf "$tmp"
}

OTLP_BIN="$PEERS_OPT/bin/otlp-receiver"
install_otlp() {
  local sum
  sum="$(cat "$HERE/otlp-receiver/main.go" "$HERE/otlp-receiver/go.mod" "$HERE/otlp-receiver/go.sum" | sha256sum | cut -d' ' -f1)"
  if [[ -x "$OTLP_BIN" && "$(cat "$OTLP_BIN.sha256" 2>/dev/null)" == "$sum" ]]; then return 0; fi
  (cd "$HERE/otlp-receiver" && CGO_ENABLED=0 GOFLAGS=-mod=readonly go build -trimpath -o "$OTLP_BIN.new" .)
  mv -f "$OTLP_BIN.new" "$OTLP_BIN"
  echo "$sum" >"$OTLP_BIN.sha256"
}

declare -A INSTALL_PID=()
bg_install() { # name ; runs install_<name> in the background, records its wall time when it did real work
  rm -f "$LOGS/install-$1.secs"
  (
    t0="$(now)"
    "install_$1"
    d="$(elapsed "$t0")"
    if awk -v d="$d" 'BEGIN { exit !(d >= 1.0) }'; then echo "$d" >"$LOGS/install-$1.secs"; fi
  ) >"$LOGS/install-$1.log" 2>&1 &
  INSTALL_PID[$1]=$!
}
# the venv also serves FerretDB (pymongo health check) and the registry token server (cryptography)
if want moto || want ferretdb || want registry; then bg_install moto; fi
want azurite && bg_install azurite
want ferretdb && bg_install ferretdb
want otlp && bg_install otlp
declare -A INSTALL_FAILED=()
for name in "${!INSTALL_PID[@]}"; do
  if wait "${INSTALL_PID[$name]}"; then
    if [[ -f "$LOGS/install-$name.secs" ]]; then
      echo "$name: $(cat "$LOGS/install-$name.secs")s" >>"$TIMES"
      say "install $name: $(cat "$LOGS/install-$name.secs")s"
    fi
  else
    INSTALL_FAILED[$name]=1
    say "install $name FAILED, see $LOGS/install-$name.log"
    tail -15 "$LOGS/install-$name.log" >&2 || true
  fi
done

# ---------------------------------------------------------------------------------------
# TLS material: test CA, server cert (localhost + 127.0.0.1), and an unrelated "wrong" CA
make_ca() { # prefix cn
  openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 -subj "/CN=$2" \
    -keyout "$TLS/$1-key.pem" -out "$TLS/$1.pem" \
    -addext 'basicConstraints=critical,CA:TRUE' -addext 'keyUsage=critical,keyCertSign,cRLSign' 2>/dev/null
}
ensure_tls() {
  if [[ -f "$TLS/server.pem" && -f "$TLS/wrong-ca.pem" ]] &&
    openssl x509 -checkend 604800 -noout -in "$TLS/server.pem" >/dev/null 2>&1 &&
    openssl verify -CAfile "$CA" "$TLS/server.pem" >/dev/null 2>&1; then
    return 0
  fi
  say "tls: generating test CA, server cert and wrong CA in $TLS"
  make_ca ca 'portkey-setup test CA'
  make_ca wrong-ca 'portkey-setup WRONG test CA'
  openssl req -newkey rsa:2048 -nodes -sha256 -subj '/CN=localhost' \
    -keyout "$TLS/server-key.pem" -out "$TLS/server.csr" 2>/dev/null
  printf '%s\n' 'subjectAltName=DNS:localhost,IP:127.0.0.1' 'basicConstraints=CA:FALSE' \
    'keyUsage=critical,digitalSignature,keyEncipherment' 'extendedKeyUsage=serverAuth' >"$TLS/server.ext"
  openssl x509 -req -sha256 -days 825 -in "$TLS/server.csr" -CA "$CA" -CAkey "$TLS/ca-key.pem" \
    -CAcreateserial -out "$TLS/server.pem" -extfile "$TLS/server.ext" 2>/dev/null
  cat "$TLS/server.pem" "$TLS/server-key.pem" >"$TLS/server-combined.pem"
  chmod 600 "$TLS"/*-key.pem "$TLS/server-combined.pem"
}
ensure_tls

# ---------------------------------------------------------------------------------------
# redis: standalone (password + ACL users), TLS-only, 3-master cluster
REDIS_CLI=(redis-cli -h "$H" --no-auth-warning)

redis_ping() { [[ "$("${REDIS_CLI[@]}" "$@" ping 2>/dev/null)" == PONG ]]; }
redis_version() { "${REDIS_CLI[@]}" "$@" info server 2>/dev/null | tr -d '\r' | sed -n 's/^redis_version://p'; }

start_redis_standalone() {
  local d="$PEERS_DIR/redis/standalone" auth=(-p "$PK_redis_port" -a "$PK_redis_password")
  if redis_ping "${auth[@]}"; then
    record redis ok "$H:$PK_redis_port redis $(redis_version "${auth[@]}") (already running; requirepass + ACL users)"
    return
  fi
  mkdir -p "$d"
  cat >"$d/redis.conf" <<EOF
bind $H
port $PK_redis_port
protected-mode yes
daemonize no
dir $d
save ""
appendonly no
requirepass $PK_redis_password
user $PK_redis_aclUser on >$PK_redis_aclPassword ~* &* +@all
user $PK_redis_limitedUser on >$PK_redis_limitedPassword ~* &* -@all +ping +hello +auth
EOF
  start_bg redis redis-server "$d/redis.conf"
  if wait_until 15 redis_ping "${auth[@]}" &&
    redis_ping -p "$PK_redis_port" --user "$PK_redis_aclUser" --pass "$PK_redis_aclPassword"; then
    record redis ok "$H:$PK_redis_port redis $(redis_version "${auth[@]}") (started; requirepass + ACL users)"
  else
    record redis FAIL "see $LOGS/redis.log"
  fi
}

start_redis_tls() {
  local d="$PEERS_DIR/redis/tls" auth=(-p "$PK_redisTls_port" --tls --cacert "$CA" -a "$PK_redisTls_password")
  if redis_ping "${auth[@]}"; then
    record redis-tls ok "$H:$PK_redisTls_port redis $(redis_version "${auth[@]}") (already running; TLS only, CA $CA)"
    return
  fi
  mkdir -p "$d"
  cat >"$d/redis.conf" <<EOF
bind $H
port 0
tls-port $PK_redisTls_port
tls-cert-file $TLS/server.pem
tls-key-file $TLS/server-key.pem
tls-ca-cert-file $CA
tls-auth-clients no
protected-mode yes
daemonize no
dir $d
save ""
appendonly no
requirepass $PK_redisTls_password
EOF
  start_bg redis-tls redis-server "$d/redis.conf"
  if wait_until 15 redis_ping "${auth[@]}"; then
    record redis-tls ok "$H:$PK_redisTls_port redis $(redis_version "${auth[@]}") (started; TLS only, CA $CA)"
  else
    record redis-tls FAIL "see $LOGS/redis-tls.log"
  fi
}

cluster_ok() {
  local p
  for p in $PK_redisCluster_ports; do
    "${REDIS_CLI[@]}" -p "$p" -a "$PK_redisCluster_password" cluster info 2>/dev/null | grep -q '^cluster_state:ok' || return 1
  done
}

start_redis_cluster() {
  local ports=() bus=() i p d addrs=()
  read -r -a ports <<<"$PK_redisCluster_ports"
  read -r -a bus <<<"$PK_redisCluster_busPorts"
  local first="${ports[0]}"
  if cluster_ok; then
    record redis-cluster ok "$H:${ports[*]} cluster_state:ok, 3 masters (already running; password)"
    return
  fi
  # (re)create from scratch: cluster nodes keep no data we need
  for ((i = 0; i < ${#ports[@]}; i++)); do
    p="${ports[$i]}"
    d="$PEERS_DIR/redis/cluster-$p"
    stop_pid "redis-cluster-$p"
    rm -rf "$d"
    mkdir -p "$d"
    cat >"$d/redis.conf" <<EOF
bind $H
port $p
cluster-enabled yes
cluster-config-file $d/nodes.conf
cluster-port ${bus[$i]}
cluster-announce-ip $H
cluster-node-timeout 5000
protected-mode yes
daemonize no
dir $d
save ""
appendonly no
requirepass $PK_redisCluster_password
masterauth $PK_redisCluster_password
EOF
    start_bg "redis-cluster-$p" redis-server "$d/redis.conf"
    addrs+=("$H:$p")
  done
  for p in "${ports[@]}"; do
    wait_until 15 redis_ping -p "$p" -a "$PK_redisCluster_password" || {
      record redis-cluster FAIL "node $p did not start, see $LOGS/redis-cluster-$p.log"
      return
    }
  done
  if ! redis-cli --no-auth-warning -a "$PK_redisCluster_password" --cluster create "${addrs[@]}" \
    --cluster-replicas 0 --cluster-yes >>"$LOGS/redis-cluster-create.log" 2>&1; then
    record redis-cluster FAIL "cluster create failed, see $LOGS/redis-cluster-create.log"
    return
  fi
  if wait_until 30 cluster_ok; then
    record redis-cluster ok "$H:${ports[*]} cluster_state:ok, 3 masters (started; password, bus ports $PK_redisCluster_busPorts)"
  else
    record redis-cluster FAIL "cluster_state not ok on $first, see $LOGS/redis-cluster-create.log"
  fi
}

# ---------------------------------------------------------------------------------------
# clickhouse (Debian 18.16: config root <yandex>)
ch_query() { # query [user password]
  curl -sS -m 10 --fail-with-body -u "${2:-$PK_clickhouse_user}:${3:-$PK_clickhouse_password}" \
    "http://$H:$PK_clickhouse_httpPort/" --data-binary "$1"
}
ch_healthy() {
  [[ "$(curl -s -m 3 "http://$H:$PK_clickhouse_httpPort/ping")" == "Ok." ]] &&
    [[ "$(ch_query 'SELECT 1' 2>/dev/null)" == 1 ]] &&
    [[ "$(curl -s -m 3 --cacert "$CA" "https://$H:$PK_clickhouse_httpsPort/ping")" == "Ok." ]]
}

start_clickhouse() {
  local d="$PEERS_DIR/clickhouse" how="already running" t
  if ! ch_healthy; then
    how=started
    mkdir -p "$d/data" "$d/tmp" "$d/user_files" "$d/format_schemas"
    cat >"$d/config.xml" <<EOF
<?xml version="1.0"?>
<yandex>
    <logger>
        <level>information</level>
        <log>$LOGS/clickhouse-server.log</log>
        <errorlog>$LOGS/clickhouse-server.err.log</errorlog>
        <size>100M</size>
        <count>2</count>
        <console>0</console>
    </logger>
    <listen_host>$H</listen_host>
    <http_port>$PK_clickhouse_httpPort</http_port>
    <https_port>$PK_clickhouse_httpsPort</https_port>
    <tcp_port>$PK_clickhouse_tcpPort</tcp_port>
    <openSSL>
        <server>
            <certificateFile>$TLS/server.pem</certificateFile>
            <privateKeyFile>$TLS/server-key.pem</privateKeyFile>
            <verificationMode>none</verificationMode>
            <loadDefaultCAFile>false</loadDefaultCAFile>
            <cacheSessions>true</cacheSessions>
            <disableProtocols>sslv2,sslv3</disableProtocols>
            <preferServerCiphers>true</preferServerCiphers>
        </server>
    </openSSL>
    <max_connections>256</max_connections>
    <keep_alive_timeout>3</keep_alive_timeout>
    <max_concurrent_queries>50</max_concurrent_queries>
    <uncompressed_cache_size>1073741824</uncompressed_cache_size>
    <mark_cache_size>268435456</mark_cache_size>
    <path>$d/data/</path>
    <tmp_path>$d/tmp/</tmp_path>
    <user_files_path>$d/user_files/</user_files_path>
    <format_schema_path>$d/format_schemas/</format_schema_path>
    <users_config>$d/users.xml</users_config>
    <default_profile>default</default_profile>
    <default_database>default</default_database>
    <timezone>UTC</timezone>
    <mlock_executable>false</mlock_executable>
    <builtin_dictionaries_reload_interval>3600</builtin_dictionaries_reload_interval>
    <max_session_timeout>3600</max_session_timeout>
    <default_session_timeout>60</default_session_timeout>
</yandex>
EOF
    cat >"$d/users.xml" <<EOF
<?xml version="1.0"?>
<yandex>
    <profiles>
        <default>
            <max_memory_usage>2000000000</max_memory_usage>
            <load_balancing>random</load_balancing>
        </default>
        <readonly><readonly>1</readonly></readonly>
    </profiles>
    <users>
        <default>
            <password></password>
            <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
            <profile>default</profile>
            <quota>default</quota>
        </default>
        <$PK_clickhouse_user>
            <password_sha256_hex>$(printf '%s' "$PK_clickhouse_password" | sha256sum | cut -d' ' -f1)</password_sha256_hex>
            <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
            <profile>default</profile>
            <quota>default</quota>
        </$PK_clickhouse_user>
    </users>
    <quotas>
        <default>
            <interval>
                <duration>3600</duration>
                <queries>0</queries>
                <errors>0</errors>
                <result_rows>0</result_rows>
                <read_rows>0</read_rows>
                <execution_time>0</execution_time>
            </interval>
        </default>
    </quotas>
</yandex>
EOF
    start_bg clickhouse clickhouse-server --config-file="$d/config.xml"
    if ! wait_until 60 ch_healthy; then
      record clickhouse FAIL "not healthy, see $LOGS/clickhouse.log and $LOGS/clickhouse-server.err.log"
      return
    fi
  fi
  ch_query "CREATE DATABASE IF NOT EXISTS $PK_clickhouse_database" >/dev/null || { record clickhouse FAIL "create database failed"; return; }
  for t in $PK_clickhouse_tables; do
    ch_query "CREATE TABLE IF NOT EXISTS $PK_clickhouse_database.$t (id String, trace_id String, created_at DateTime, body String) ENGINE = MergeTree() PARTITION BY toYYYYMM(created_at) ORDER BY (created_at, id)" >/dev/null ||
      { record clickhouse FAIL "create table $t failed"; return; }
  done
  record clickhouse ok "http $H:$PK_clickhouse_httpPort https $PK_clickhouse_httpsPort tcp $PK_clickhouse_tcpPort clickhouse $(ch_query 'SELECT version()') ($how; db $PK_clickhouse_database: ${PK_clickhouse_tables// /, })"
}

# ---------------------------------------------------------------------------------------
# registry (Debian docker-registry 2.8, htpasswd bcrypt); an HTTP and an HTTPS instance on one store
registry_conf() { # file addr [tls|token]
  cat >"$1" <<EOF
version: 0.1
log:
  level: info
  fields:
    service: registry
storage:
  filesystem:
    rootdirectory: $PEERS_DIR/registry/data
  delete:
    enabled: true
  cache:
    blobdescriptor: inmemory
http:
  addr: $2
  secret: portkey-setup-peers-registry-secret
  headers:
    X-Content-Type-Options: [nosniff]
EOF
  if [[ "${3:-}" == tls ]]; then
    printf '  tls:\n    certificate: %s\n    key: %s\n' "$TLS/server.pem" "$TLS/server-key.pem" >>"$1"
  fi
  if [[ "${3:-}" == token ]]; then
    cat >>"$1" <<EOF
auth:
  token:
    realm: http://$H:$PK_registry_tokenServerPort/token
    service: $PK_registry_tokenService
    issuer: $PK_registry_tokenIssuer
    rootcertbundle: $PEERS_DIR/$PK_registry_tokenSigningCert
EOF
  else
    cat >>"$1" <<EOF
auth:
  htpasswd:
    realm: $PK_registry_realm
    path: $PEERS_DIR/registry/htpasswd
EOF
  fi
}
reg_http_ok() {
  [[ "$(http_code "http://$H:$PK_registry_port/v2/")" == 401 ]] &&
    [[ "$(http_code -u "$PK_registry_user:$PK_registry_password" "http://$H:$PK_registry_port/v2/")" == 200 ]]
}
reg_tls_ok() {
  [[ "$(http_code --cacert "$CA" -u "$PK_registry_user:$PK_registry_password" "https://$H:$PK_registry_tlsPort/v2/")" == 200 ]]
}
reg_tags_ok() {
  local tag
  for tag in $PK_registry_tags; do
    [[ "$(http_code -I -u "$PK_registry_user:$PK_registry_password" \
      -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
      "http://$H:$PK_registry_port/v2/$PK_registry_repository/manifests/$tag")" == 200 ]] || return 1
  done
}

start_registry() {
  local d="$PEERS_DIR/registry" how="already running"
  mkdir -p "$d/data"
  if ! htpasswd -vb "$d/htpasswd" "$PK_registry_user" "$PK_registry_password" >/dev/null 2>&1; then
    htpasswd -Bbc "$d/htpasswd" "$PK_registry_user" "$PK_registry_password" >/dev/null 2>&1
  fi
  if ! reg_http_ok; then
    how=started
    registry_conf "$d/config.yml" "$H:$PK_registry_port"
    start_bg registry docker-registry serve "$d/config.yml"
    wait_until 20 reg_http_ok || { record registry FAIL "see $LOGS/registry.log"; return; }
  fi
  if ! reg_tags_ok; then
    # shellcheck disable=SC2086  # tags: space-separated list
    python3 "$HERE/seed-registry.py" "http://$H:$PK_registry_port" "$PK_registry_user" "$PK_registry_password" \
      "$PK_registry_repository" $PK_registry_tags >>"$LOGS/registry-seed.log" 2>&1 ||
      { record registry FAIL "seed push failed, see $LOGS/registry-seed.log"; return; }
    reg_tags_ok || { record registry FAIL "pushed tags not visible"; return; }
  fi
  record registry ok "http://$H:$PK_registry_port basic auth $PK_registry_user ($how; $PK_registry_repository:{${PK_registry_tags// /,}} pushed)"

  how="already running"
  if ! reg_tls_ok; then
    how=started
    registry_conf "$d/config-tls.yml" "$H:$PK_registry_tlsPort" tls
    start_bg registry-tls docker-registry serve "$d/config-tls.yml"
    wait_until 20 reg_tls_ok || { record registry-tls FAIL "see $LOGS/registry-tls.log"; return; }
  fi
  record registry-tls ok "https://$H:$PK_registry_tlsPort basic auth, same store ($how; CA $CA)"

  # Bearer-token realm: a registry with `auth: token` + our token server (RS256 JWT, x5c -> rootcertbundle)
  if [[ -n "${INSTALL_FAILED[moto]:-}" ]]; then record registry-token FAIL "venv install failed, see $LOGS/install-moto.log"; return; fi
  how="already running"
  if ! reg_token_ok; then
    how=started
    local tcert="$PEERS_DIR/$PK_registry_tokenSigningCert" tkey="${PEERS_DIR}/${PK_registry_tokenSigningCert%.pem}-key.pem"
    if [[ ! -f "$tcert" || ! -f "$tkey" ]]; then
      openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 -subj '/CN=portkey-setup registry token signer' \
        -keyout "$tkey" -out "$tcert" -addext 'keyUsage=critical,digitalSignature' 2>/dev/null
      chmod 600 "$tkey"
    fi
    printf '{"%s": {"password": "%s", "grant": true}, "%s": {"password": "%s", "grant": false}}\n' \
      "$PK_registry_user" "$PK_registry_password" "$PK_registry_noPullUser" "$PK_registry_noPullPassword" >"$d/token-users.json"
    start_bg registry-token-server "$MOTO_VENV/bin/python" "$HERE/registry-token-server.py" "$H" "$PK_registry_tokenServerPort" \
      "$PK_registry_tokenService" "$PK_registry_tokenIssuer" "$tcert" "$tkey" "$d/token-users.json"
    registry_conf "$d/config-token.yml" "$H:$PK_registry_tokenPort" token
    start_bg registry-token docker-registry serve "$d/config-token.yml"
    wait_until 20 reg_token_ok || { record registry-token FAIL "see $LOGS/registry-token.log and $LOGS/registry-token-server.log"; return; }
  fi
  record registry-token ok "http://$H:$PK_registry_tokenPort Bearer realm http://$H:$PK_registry_tokenServerPort/token, same store ($how)"
}

reg_token_ok() { # anonymous -> 401 Bearer challenge; token for the pull scope -> manifest HEAD 200
  local repo="$PK_registry_repository" tag="${PK_registry_tags%% *}" tok
  curl -s -m 5 -D - -o /dev/null "http://$H:$PK_registry_tokenPort/v2/" | grep -qi '^www-authenticate: Bearer realm=' || return 1
  tok="$(curl -s -m 5 -u "$PK_registry_user:$PK_registry_password" \
    "http://$H:$PK_registry_tokenServerPort/token?service=$PK_registry_tokenService&scope=repository:$repo:pull" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')" || return 1
  [[ "$(http_code -I -H "Authorization: Bearer $tok" -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    "http://$H:$PK_registry_tokenPort/v2/$repo/manifests/$tag")" == 200 ]]
}

# ---------------------------------------------------------------------------------------
# moto (IAM auth enforced: INITIAL_NO_AUTH_ACTION_COUNT=0) + seed
MOTO_URL="http://$H:$PK_moto_port"
MOTO_SEED="$PEERS_DIR/$PK_moto_seedFile"
moto_up() { [[ "$(http_code "$MOTO_URL/moto-api/data.json")" == 200 ]]; }
moto_seed_valid() {
  [[ -f "$MOTO_SEED" ]] && "$MOTO_VENV/bin/python" - "$MOTO_SEED" <<'PY' >/dev/null 2>&1
import json, sys, boto3
s = json.load(open(sys.argv[1]))
w = s["users"]["writer"]
c = boto3.client("s3", endpoint_url=s["endpoint"], region_name=s["region"],
                 aws_access_key_id=w["accessKeyId"], aws_secret_access_key=w["secretAccessKey"])
c.get_object(Bucket=s["buckets"]["logs"], Key="probe/seed.txt")
PY
}

start_moto() {
  local how="already running"
  if [[ -n "${INSTALL_FAILED[moto]:-}" ]]; then record moto FAIL "install failed, see $LOGS/install-moto.log"; return; fi
  if moto_up && moto_seed_valid; then
    record moto ok "$MOTO_URL moto $("$MOTO_VENV/bin/python" -c 'import moto; print(moto.__version__)') ($how; IAM auth on; seed $MOTO_SEED)"
    return
  fi
  if ! moto_up; then
    how=started
    start_bg moto env INITIAL_NO_AUTH_ACTION_COUNT=0 MOTO_ALLOW_NONEXISTENT_REGION=false \
      "$MOTO_VENV/bin/moto_server" -H "$H" -p "$PK_moto_port"
    wait_until 60 moto_up || { record moto FAIL "see $LOGS/moto.log"; return; }
  fi
  # fresh state for a deterministic seed
  curl -s -m 10 -X POST "$MOTO_URL/moto-api/reset" >/dev/null
  if ! "$MOTO_VENV/bin/python" "$HERE/seed-moto.py" "$MOTO_URL" "$PK_moto_region" "$MOTO_SEED" >"$LOGS/moto-seed.log" 2>&1; then
    record moto FAIL "seed/verify failed, see $LOGS/moto-seed.log"
    return
  fi
  record moto ok "$MOTO_URL moto $("$MOTO_VENV/bin/python" -c 'import moto; print(moto.__version__)') ($how; IAM auth on, wrong secret -> SignatureDoesNotMatch; seed $MOTO_SEED)"
}

# ---------------------------------------------------------------------------------------
# azurite (blob only): shared key over HTTP; HTTPS + --oauth basic for Entra tests
AZ_ACCOUNT="$PK_azurite_account"
az_http_up() { [[ "$(http_code "http://$H:$PK_azurite_blobPort/$AZ_ACCOUNT?comp=list")" =~ ^(200|403)$ ]]; }
az_https_up() { [[ "$(http_code --cacert "$CA" "https://$H:$PK_azurite_oauthBlobPort/$AZ_ACCOUNT?comp=list")" =~ ^(200|401|403)$ ]]; }

start_azurite() {
  local how bin="$AZURITE_DIR/node_modules/.bin/azurite-blob"
  if [[ -n "${INSTALL_FAILED[azurite]:-}" ]]; then record azurite FAIL "install failed, see $LOGS/install-azurite.log"; return; fi
  local common=(--skipApiVersionCheck --disableTelemetry --loose --blobHost "$H")
  how="already running"
  if ! az_http_up; then
    how=started
    mkdir -p "$PEERS_DIR/azurite/shared-key"
    start_bg azurite "$bin" "${common[@]}" --blobPort "$PK_azurite_blobPort" --location "$PEERS_DIR/azurite/shared-key"
    wait_until 30 az_http_up || { record azurite FAIL "see $LOGS/azurite.log"; return; }
  fi
  python3 "$HERE/seed-azurite.py" "http://$H:$PK_azurite_blobPort/$AZ_ACCOUNT" "$AZ_ACCOUNT" "$PK_azurite_accountKey" \
    "$PK_azurite_container" >>"$LOGS/azurite-seed.log" 2>&1 || { record azurite FAIL "seed failed (shared key), see $LOGS/azurite-seed.log"; return; }
  record azurite ok "http://$H:$PK_azurite_blobPort/$AZ_ACCOUNT shared key ($how; container $PK_azurite_container)"

  how="already running"
  if ! az_https_up; then
    how=started
    mkdir -p "$PEERS_DIR/azurite/oauth"
    start_bg azurite-oauth "$bin" "${common[@]}" --blobPort "$PK_azurite_oauthBlobPort" --location "$PEERS_DIR/azurite/oauth" \
      --cert "$TLS/server.pem" --key "$TLS/server-key.pem" --oauth basic
    wait_until 30 az_https_up || { record azurite-oauth FAIL "see $LOGS/azurite-oauth.log"; return; }
  fi
  python3 "$HERE/seed-azurite.py" "https://$H:$PK_azurite_oauthBlobPort/$AZ_ACCOUNT" "$AZ_ACCOUNT" "$PK_azurite_accountKey" \
    "$PK_azurite_container" "$CA" >>"$LOGS/azurite-seed.log" 2>&1 || { record azurite-oauth FAIL "seed failed, see $LOGS/azurite-seed.log"; return; }
  record azurite-oauth ok "https://$H:$PK_azurite_oauthBlobPort/$AZ_ACCOUNT --oauth basic + shared key ($how; CA $CA; container $PK_azurite_container)"
}

# ---------------------------------------------------------------------------------------
# ferretdb v1 (SQLite backend, SCRAM auth via --test-enable-new-auth), plain + TLS listeners
fdb_ready() { [[ "$(http_code "http://$H:$PK_ferretdb_debugPort/debug/readyz")" == 200 ]]; }
fdb_auth_ok() {
  "$MOTO_VENV/bin/python" - <<PY >/dev/null 2>&1
import pymongo
for uri, kw in (("mongodb://$PK_ferretdb_user:$PK_ferretdb_password@$H:$PK_ferretdb_port/?authSource=$PK_ferretdb_authDatabase", {}),
                ("mongodb://$PK_ferretdb_user:$PK_ferretdb_password@$H:$PK_ferretdb_tlsPort/?authSource=$PK_ferretdb_authDatabase&tls=true", {"tlsCAFile": "$CA"})):
    c = pymongo.MongoClient(uri, serverSelectionTimeoutMS=3000, **kw)
    c.admin.command("ping")
    c.close()
PY
}

start_ferretdb() {
  local d="$PEERS_DIR/ferretdb" how="already running"
  if [[ -n "${INSTALL_FAILED[ferretdb]:-}" ]]; then record ferretdb FAIL "build failed, see $LOGS/install-ferretdb.log"; return; fi
  if ! { fdb_ready && fdb_auth_ok; }; then
    how=started
    mkdir -p "$d/data" "$d/state"
    start_bg ferretdb "$FERRETDB_BIN" --handler=sqlite --sqlite-url="file:$d/data/" --state-dir="$d/state" \
      --listen-addr="$H:$PK_ferretdb_port" --listen-tls="$H:$PK_ferretdb_tlsPort" \
      --listen-tls-cert-file="$TLS/server.pem" --listen-tls-key-file="$TLS/server-key.pem" \
      --debug-addr="$H:$PK_ferretdb_debugPort" --telemetry=disable --log-level=INFO \
      --test-enable-new-auth --setup-database="$PK_ferretdb_database" \
      --setup-username="$PK_ferretdb_user" --setup-password="$PK_ferretdb_password"
    wait_until 30 fdb_ready || { record ferretdb FAIL "see $LOGS/ferretdb.log"; return; }
    wait_until 15 fdb_auth_ok || { record ferretdb FAIL "auth/ping check failed, see $LOGS/ferretdb.log"; return; }
  fi
  record ferretdb ok "mongodb://$H:$PK_ferretdb_port tls $PK_ferretdb_tlsPort FerretDB $FERRETDB_VERSION sqlite ($how; SCRAM user $PK_ferretdb_user)"
}

# ---------------------------------------------------------------------------------------
# otlp receiver (Go, collector pdata decoding) plain + TLS/bearer; blackhole
otlp_ok() { [[ "$(curl -s -m 3 "$@")" == ok ]]; }
start_otlp() {
  local how="already running"
  if [[ -n "${INSTALL_FAILED[otlp]:-}" ]]; then record otlp FAIL "build failed, see $LOGS/install-otlp.log"; return; fi
  if ! otlp_ok "http://$H:$PK_otlp_port/_health"; then
    how=started
    start_bg otlp "$OTLP_BIN" -addr "$H:$PK_otlp_port"
    wait_until 15 otlp_ok "http://$H:$PK_otlp_port/_health" || { record otlp FAIL "see $LOGS/otlp.log"; return; }
  fi
  record otlp ok "http://$H:$PK_otlp_port/v1/{logs,traces,metrics} ($how)"
  how="already running"
  if ! otlp_ok --cacert "$CA" "https://$H:$PK_otlp_tlsPort/_health"; then
    how=started
    start_bg otlp-tls "$OTLP_BIN" -addr "$H:$PK_otlp_tlsPort" -tls-cert "$TLS/server.pem" -tls-key "$TLS/server-key.pem" \
      -bearer "$PK_otlp_tlsBearerToken"
    wait_until 15 otlp_ok --cacert "$CA" "https://$H:$PK_otlp_tlsPort/_health" || { record otlp-tls FAIL "see $LOGS/otlp-tls.log"; return; }
  fi
  record otlp-tls ok "https://$H:$PK_otlp_tlsPort/v1/{logs,traces,metrics} bearer token ($how; CA $CA)"
}

blackhole_ok() { pid_alive blackhole && port_open "$PK_blackhole_port"; }
start_blackhole() {
  local how="already running"
  if ! blackhole_ok; then
    how=started
    start_bg blackhole node "$HERE/blackhole.mjs" "$PK_blackhole_port"
    sleep 0.5 # a port taken by someone else would pass port_open: give node time to fail on EADDRINUSE
    wait_until 10 blackhole_ok || { record blackhole FAIL "see $LOGS/blackhole.log"; return; }
  fi
  record blackhole ok "$H:$PK_blackhole_port accepts TCP, never answers ($how)"
}

# ---------------------------------------------------------------------------------------
want redis && { start_redis_standalone; start_redis_tls; start_redis_cluster; }
want clickhouse && start_clickhouse
want registry && start_registry
want moto && start_moto
want azurite && start_azurite
want ferretdb && start_ferretdb
want otlp && start_otlp
want blackhole && start_blackhole

failed=0
for name in "${ORDER[@]}"; do
  st="${RESULT[$name]%%$'\t'*}"
  detail="${RESULT[$name]#*$'\t'}"
  printf '%-4s %-14s %s\n' "$st" "$name" "$detail"
  [[ "$st" == ok ]] || failed=1
done
say "peers: state $PEERS_DIR, total $(elapsed "$T_ALL")s"
exit "$failed"
