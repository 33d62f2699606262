#!/usr/bin/env bash
# A local cluster on loopback, as production runs it: one PostgreSQL, one Redis, the sandbox issuer, two portal nodes
# built from this checkout (sandbox profile: demo people, sandbox payment channel) and nginx round-robin in front
# (no stickiness), with the proxy settings of the README's production configuration (deploy/nginx/portal-proxy.conf).
# Installs what is missing from Debian (redis-server, nginx, postgresql). Ctrl-C or SIGTERM stops everything.
#
# Settings (environment, all optional):
#   PORTAL_CLUSTER_PORT          the proxy's port, printed when ready (default 8090)
#   PORTAL_CLUSTER_NODE_PORTS    the two nodes' ports (default "18081 18082")
#   PORTAL_CLUSTER_ISSUER_PORT, PORTAL_CLUSTER_PG_PORT, PORTAL_CLUSTER_REDIS_PORT (defaults 19000, 15432, 16379)
#   PORTAL_CLUSTER_KEEP=1        keep the working directory (a new one under /tmp: logs, database) at the end
#   PORTAL_CLUSTER_BUILD=no      use the jar already in target/ (or PORTAL_CLUSTER_JAR) instead of building
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PROXY_PORT=${PORTAL_CLUSTER_PORT:-8090}
read -r NODE1_PORT NODE2_PORT <<<"${PORTAL_CLUSTER_NODE_PORTS:-18081 18082}"
ISSUER_PORT=${PORTAL_CLUSTER_ISSUER_PORT:-19000}
PG_PORT=${PORTAL_CLUSTER_PG_PORT:-15432}
REDIS_PORT=${PORTAL_CLUSTER_REDIS_PORT:-16379}
# Under /tmp: PostgreSQL and nginx's workers run as other users and must reach it.
WORK=$(mktemp -d /tmp/portal-cluster.XXXXXX)

say() { echo "[cluster] $*"; }
die() { echo "[cluster] $*" >&2; exit 1; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

install_missing() {
  local missing=()
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
  # Debian starts the packaged services; this cluster runs its own instances and needs none of them.
  for service in redis-server nginx postgresql; do
    as_root service "$service" stop >/dev/null 2>&1 || true
  done
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

check_ports() {
  local name port
  for name in PROXY_PORT NODE1_PORT NODE2_PORT ISSUER_PORT PG_PORT REDIS_PORT; do
    port=${!name}
    if port_in_use "$port"; then
      die "port $port ($name) is in use on 127.0.0.1; choose others (see the settings at the top of $0)"
    fi
  done
}

# GET on loopback without curl (a fresh machine may not have it): prints the status line and body.
http_get() {
  local port=$1 path=$2
  (exec 3<>"/dev/tcp/127.0.0.1/$port" && printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$path" >&3 && cat <&3) \
    2>/dev/null || true
}

wait_until() { # description, seconds, command...
  local what=$1 seconds=$2
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    [ $SECONDS -lt $deadline ] || die "$what did not come up within ${seconds}s; see $WORK/*.log"
    sleep 1
  done
}

PIDS=()
stop_all() {
  trap - EXIT INT TERM
  say "stopping"
  [ -f "$WORK/nginx/nginx.pid" ] && kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "${PG_BIN:-}" ] && [ -f "$WORK/pg/postmaster.pid" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast -w stop >/dev/null 2>&1 || true
  fi
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "${PORTAL_CLUSTER_KEEP:-0}" = 1 ]; then
    say "kept $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# PostgreSQL will not run as root: as root, the database runs as Debian's postgres user.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  mkdir -p "$WORK/pg" "$WORK/pgsocket"
  chmod 700 "$WORK/pg" "$WORK/pgsocket"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$WORK/pg" "$WORK/pgsocket"; fi
  printf '%s\n' "$PG_SUPERUSER_PASSWORD" >"$WORK/pg.pw"
  touch "$WORK/postgres.log"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$WORK/pg.pw" "$WORK/postgres.log"; fi
  as_postgres "$PG_BIN/initdb" -D "$WORK/pg" -U postgres --pwfile="$WORK/pg.pw" -E UTF8 --no-locale \
    --auth-local=trust --auth-host=scram-sha-256 >"$WORK/initdb.log"
  rm -f "$WORK/pg.pw"
  as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/postgres.log" -w start \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $WORK/pgsocket" >/dev/null
  # The two roles of the README's production section: the owner runs the migrations, the portal connects as portal_app.
  as_postgres "$PG_BIN/psql" -q -h "$WORK/pgsocket" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 <<SQL
create role portal_owner login password '$OWNER_PASSWORD';
create role portal_app login password '$APP_PASSWORD';
create database portal owner portal_owner;
SQL
  say "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
}

start_redis() {
  mkdir -p "$WORK/redis"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --requirepass "$REDIS_PASSWORD" --dir "$WORK/redis" \
    --save "" --appendonly no --daemonize no >"$WORK/redis.log" 2>&1 &
  PIDS+=($!)
  wait_until "Redis" 20 port_in_use "$REDIS_PORT"
  say "Redis on 127.0.0.1:$REDIS_PORT"
}

start_issuer() {
  java -cp "$JAR" -Dloader.main=cn.yibao.portal.identity.sandbox.SandboxIssuerServer \
    org.springframework.boot.loader.launch.PropertiesLauncher "$ISSUER_PORT" >"$WORK/issuer.log" 2>&1 &
  PIDS+=($!)
  wait_until "the sandbox issuer" 60 grep -q "Sandbox issuer ready" "$WORK/issuer.log"
  say "sandbox issuer on 127.0.0.1:$ISSUER_PORT"
}

node_healthy() { http_get "$1" /actuator/health | grep -q '"UP"'; }

start_node() { # name, port
  local name=$1 port=$2
  env SPRING_PROFILES_ACTIVE=sandbox PORT="$port" PORTAL_NODE_NAME="$name" \
    SPRING_R2DBC_URL="r2dbc:postgresql://127.0.0.1:$PG_PORT/portal" \
    SPRING_R2DBC_USERNAME=portal_app SPRING_R2DBC_PASSWORD="$APP_PASSWORD" \
    SPRING_FLYWAY_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/portal" \
    SPRING_FLYWAY_USER=portal_owner SPRING_FLYWAY_PASSWORD="$OWNER_PASSWORD" \
    SPRING_DATA_REDIS_URL="redis://:$REDIS_PASSWORD@127.0.0.1:$REDIS_PORT" \
    PORTAL_DATA_DIR="$WORK/data" PORTAL_TRUSTED_PROXIES=127.0.0.1 PORTAL_BUSINESS_DATE_SINCE="$SINCE" \
    PORTAL_SANDBOX_ISSUER_BASE_URL="http://127.0.0.1:$ISSUER_PORT" \
    java -Xmx768m -XX:+UseSerialGC -jar "$JAR" >"$WORK/$name.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  echo "$pid" >"$WORK/$name.pid"
  wait_until "$name" 180 node_healthy "$port"
  say "$name (pid $pid) on 127.0.0.1:$port"
}

start_proxy() {
  mkdir -p "$WORK/nginx"
  local user_line=""
  if [ "$(id -u)" -eq 0 ]; then user_line="user nobody nogroup;"; fi
  cat >"$WORK/nginx/nginx.conf" <<NGINX
$user_line
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
    log_format nodes '\$remote_addr "\$request" \$status node=\$upstream_http_x_portal_node upstream=\$upstream_addr';
    access_log $WORK/nginx/access.log nodes;
    client_body_temp_path $WORK/nginx/client_body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;

    # A node is left out after 3 failed tries within 10 s, not after one (nginx's default): with one, a single
    # hiccup of the surviving node while the other is down leaves no node at all (502, "no live upstreams").
    upstream portal {
        server 127.0.0.1:$NODE1_PORT max_fails=3 fail_timeout=10s;
        server 127.0.0.1:$NODE2_PORT max_fails=3 fail_timeout=10s;
        keepalive 32;
    }
    server {
        listen 127.0.0.1:$PROXY_PORT;
        client_max_body_size 12m;
        location / {
            include $ROOT/deploy/nginx/portal-proxy.conf;
        }
    }
}
NGINX
  local nginx_bin
  nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
  "$nginx_bin" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log" -g "daemon off;" &
  PIDS+=($!)
  wait_until "nginx" 20 port_in_use "$PROXY_PORT"
}

main() {
  command -v java >/dev/null || die "java (17 or newer) is needed"
  install_missing
  check_ports
  mkdir -p "$WORK/data"
  chmod 755 "$WORK"
  chmod 700 "$WORK/data"

  JAR=${PORTAL_CLUSTER_JAR:-}
  if [ -z "$JAR" ]; then
    if [ "${PORTAL_CLUSTER_BUILD:-yes}" != no ]; then
      say "building the portal (./mvnw -DskipTests package)"
      (cd "$ROOT" && ./mvnw -q -B -ntp -DskipTests package)
    fi
    JAR=$(ls "$ROOT"/target/resident-portal-*.jar 2>/dev/null | grep -v -- '-plain\|original' | head -1)
  fi
  [ -f "$JAR" ] || die "no portal jar (build with ./mvnw -DskipTests package)"

  PG_SUPERUSER_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  OWNER_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  APP_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  REDIS_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  # Both nodes tell the same sandbox business time, however far apart they start.
  SINCE=$(date -u +%Y-%m-%dT%H:%M:%SZ)

  say "working in $WORK"
  start_postgres
  start_redis
  start_issuer
  # One after the other: the first runs the migrations and loads the demo data.
  start_node node-1 "$NODE1_PORT"
  start_node node-2 "$NODE2_PORT"
  start_proxy
  say "Portal cluster ready at http://127.0.0.1:$PROXY_PORT/ (nginx round-robin over node-1 and node-2; Ctrl-C stops it)"
  wait -n "${PIDS[@]}" || true
  # A node may be killed (that is what the cluster is for): keep running while the proxy does.
  while kill -0 "$(cat "$WORK/nginx/nginx.pid" 2>/dev/null || echo 0)" 2>/dev/null; do sleep 1; done
}

main "$@"
