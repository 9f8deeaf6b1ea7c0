#!/usr/bin/env bash
# Throughput through HAProxy with 1, 2 and 4 instances of the release jar (prod mode, Keycloak tokens)
# against one PostgreSQL, on this machine's 2 cores: the ceiling (/q/health/live) and the allowlist
# JSON of 200 customers at random (bearer), 32 connections, WARMUP s (default 20: every fresh JVM must
# compile the path) and 10 s measured each.
# Needs wrk and haproxy (apt-get install wrk haproxy). Prints a table; raw output in target/bench-cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
KC_PORT=8180
LB_PORT=8090
DB=allowlist_bench_cluster
OUT=target/bench-cluster
COUNTS=${COUNTS:-"1 2 4"}
rm -rf "$OUT" && mkdir -p "$OUT"
for tool in wrk haproxy; do
  command -v $tool >/dev/null || [ -x /usr/sbin/$tool ] || { apt-get update -qq && apt-get install -y -qq --no-install-recommends $tool >/dev/null; }
done
HAPROXY=$(command -v haproxy || echo /usr/sbin/haproxy)
pids=()
cleanup() { for p in "${pids[@]}"; do kill -- -"$p" 2>/dev/null || kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

setsid bash e2e/start-keycloak.sh > "$OUT/keycloak.log" 2>&1 &
pids+=($!)
./mvnw -B -q package -DskipTests -P '!embedded-postgres'
psql -X -q -U postgres -h 127.0.0.1 -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
for _ in $(seq 1 180); do
  curl -fs "http://localhost:$KC_PORT/realms/portal/.well-known/openid-configuration" >/dev/null 2>&1 && break
  sleep 1
done
token() {
  curl -fs -X POST "http://localhost:$KC_PORT/realms/portal/protocol/openid-connect/token" -d grant_type=password \
    -d client_id=portal-test -d client_secret=portal-test-secret-not-for-production-0123456789 -d username=alice \
    -d password=Alice-Portal-2026 | tr -d ' \n' | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

instances=()
start() { # start PORT
  QUARKUS_HTTP_PORT=$1 QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB \
  QUARKUS_DATASOURCE_USERNAME=allowlist_app QUARKUS_DATASOURCE_PASSWORD=postgres \
  QUARKUS_FLYWAY_USERNAME=postgres QUARKUS_FLYWAY_PASSWORD=postgres \
  OIDC_AUTH_SERVER_URL=http://localhost:$KC_PORT/realms/portal OIDC_CLIENT_ID=portal-web \
  OIDC_CLIENT_SECRET=portal-web-dev-secret-change-me-0123456789 PORTAL_SECURE_COOKIES=false PORTAL_SHUTDOWN_DELAY=0s \
    setsid java -Xmx256m -jar target/quarkus-app/quarkus-run.jar > "$OUT/instance-$1.log" 2>&1 &
  instances+=($!)
  pids+=($!)
}
ready() { for _ in $(seq 1 120); do curl -fs "http://localhost:$1/q/health/ready" >/dev/null 2>&1 && return 0; sleep 0.5; done; exit 1; }

# the data: 200 customers of acme through the API, each with its first version
start 8101
ready 8101
psql -X -q -U postgres -h 127.0.0.1 -d $DB -c "INSERT INTO partner (id, display_name) VALUES ('acme', 'Acme MSP')"
TOKEN=$(token)
for i in $(seq 1 200); do
  curl -fs -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Bench $i\",\"licenses\":[\"ENDPOINT\",\"EDR\"],\"wildcardSupport\":$([ $((i % 2)) = 0 ] && echo true || echo false)}" \
    http://localhost:8101/api/v1/customers > /dev/null
done
IDS=$(psql -X -q -A -t -U postgres -h 127.0.0.1 -d $DB -c "SELECT string_agg(id::text, ',') FROM customer WHERE partner_id = 'acme'")
cat > "$OUT/allowlists.lua" <<'EOF'
local ids = {}
for id in string.gmatch(os.getenv("IDS"), "[^,]+") do ids[#ids + 1] = id end
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/api/v1/customers/" .. ids[math.random(1, #ids)] .. "/allowlist", { ["Authorization"] = "Bearer " .. os.getenv("TOKEN") })
end
EOF
kill -- -"${instances[0]}" 2>/dev/null || true; wait "${instances[0]}" 2>/dev/null || true
instances=()

measure() { # measure NAME URL [lua]
  local args=(-t2 -c32 --latency)
  [ -n "${3:-}" ] && args+=(-s "$3")
  wrk "${args[@]}" -d"${WARMUP:-20}s" "$2" > /dev/null 2>&1
  wrk "${args[@]}" -d10s "$2" > "$OUT/wrk-$1.txt" 2>&1
  printf '%s %s %s' "$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$OUT/wrk-$1.txt")" \
    "$(awk '/ 99%/ {print $2}' "$OUT/wrk-$1.txt")" "$(awk '/Non-2xx|Socket errors/ {s += $NF} END {print s + 0}' "$OUT/wrk-$1.txt")"
}

printf '%-10s %14s %10s %16s %10s %8s\n' instances "ceiling req/s" "p99" "allowlist req/s" "p99" errors | tee "$OUT/table.txt"
for n in $COUNTS; do
  servers=""
  for i in $(seq 1 "$n"); do
    start $((8100 + i))
    servers="$servers  server i$i 127.0.0.1:$((8100 + i)) check"$'\n'
  done
  for i in $(seq 1 "$n"); do ready $((8100 + i)); done
  cat > "$OUT/haproxy-$n.cfg" <<EOF
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
frontend portal
  bind 127.0.0.1:$LB_PORT
  default_backend instances
backend instances
  balance roundrobin
  option httpchk GET /q/health/ready
  default-server inter 1s fall 2 rise 1
$servers
EOF
  "$HAPROXY" -f "$OUT/haproxy-$n.cfg" > "$OUT/haproxy-$n.log" 2>&1 &
  lb=$!
  sleep 2
  TOKEN=$(token)
  read -r crps cp99 cerr <<< "$(measure "ceiling-$n" "http://127.0.0.1:$LB_PORT/q/health/live")"
  read -r arps ap99 aerr <<< "$(IDS=$IDS TOKEN=$TOKEN measure "allowlist-$n" "http://127.0.0.1:$LB_PORT" "$OUT/allowlists.lua")"
  printf '%-10s %14s %10s %16s %10s %8s\n' "$n" "$crps" "$cp99" "$arps" "$ap99" $((cerr + aerr)) | tee -a "$OUT/table.txt"
  kill "$lb"; wait "$lb" 2>/dev/null || true
  for p in "${instances[@]}"; do kill -- -"$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  instances=()
done
echo "load generator, HAProxy, PostgreSQL, Keycloak and every instance share this machine's $(nproc) cores"
