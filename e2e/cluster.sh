#!/usr/bin/env bash
# Two portal instances (the release jar, prod mode, Keycloak as identity provider) against one
# PostgreSQL, behind HAProxy (Debian's package: apt-get install haproxy) with round robin and health
# checks on /q/health/ready. Shows, and prints what it measured:
#   1. a person logged in through HAProxy keeps working while requests alternate between the
#      instances, and when one of them is killed (kill -9) mid-session;
#   2. a change committed through instance A (a host added, a profile edited) is served by
#      instance B on the next request: the lag, against a 1 s bound;
#   3. every event of the outbox reaches a webhook once, whichever instance's worker sends it;
#   4. a catalog publication over 20,000 customers started on A, A killed halfway: B takes the run
#      over within the lease, every customer ends with exactly one new version, and B serves the
#      new catalog;
#   5. a rolling restart (stop A, start A, stop B, start B) under a client writing all along: no
#      acknowledged write lost, and the 5xx answers counted and bounded;
#   6. the audit history both instances appended to (one hash chain per partner) is intact.
set -euo pipefail
cd "$(dirname "$0")/.."
LB_PORT=8090
A_PORT=8091
B_PORT=8092
KC_PORT=8180
HOOK_PORT=8097
STATS_PORT=8098
DB=allowlist_cluster
LOGS=target/e2e-cluster
CUSTOMERS=${CUSTOMERS:-20000}
rm -rf "$LOGS" && mkdir -p "$LOGS"
pids=()
declare -A instance
cleanup() {
  for p in "${pids[@]}" "${instance[@]}"; do kill -- -"$p" 2>/dev/null || kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || { echo "HAProxy is needed: apt-get install haproxy"; exit 1; }
HAPROXY=$(command -v haproxy || echo /usr/sbin/haproxy)
now_ms() { date +%s%3N; }
hard_kill() { { kill -9 "${instance[$1]}"; wait "${instance[$1]}"; } 2>/dev/null || true; }
sql() { psql -X -q -A -t -U postgres -h 127.0.0.1 -d $DB -c "$1"; }

echo "== Keycloak, the release build, one database"
setsid bash e2e/start-keycloak.sh > "$LOGS/keycloak.log" 2>&1 &
pids+=($!)
./mvnw -B -q package -DskipTests -P '!embedded-postgres'
psql -X -q -U postgres -h 127.0.0.1 -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
for _ in $(seq 1 180); do
  curl -fs "http://localhost:$KC_PORT/realms/portal/.well-known/openid-configuration" >/dev/null 2>&1 && break
  sleep 1
done

start() { # start NAME PORT: one instance, in prod mode, logging to $LOGS/NAME.log
  local name=$1 port=$2
  QUARKUS_HTTP_PORT=$port \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_USERNAME=allowlist_app \
  QUARKUS_FLYWAY_USERNAME=postgres QUARKUS_FLYWAY_PASSWORD=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
  OIDC_AUTH_SERVER_URL=http://localhost:$KC_PORT/realms/portal OIDC_CLIENT_ID=portal-web \
  OIDC_CLIENT_SECRET=portal-web-dev-secret-change-me-0123456789 PORTAL_SECURE_COOKIES=false \
  PORTAL_TRUSTED_PROXIES=127.0.0.1 PORTAL_PUBLIC_URL=http://localhost:$LB_PORT \
  PORTAL_NOTIFICATION_KEY=ZTJlLW9ubHktbm90aWZpY2F0aW9uLWtleS0wMTIzNDU= PORTAL_NOTIFICATIONS_HTTP_ALLOWED=true \
  PORTAL_NOTIFICATIONS_ALLOWED_HOSTS=127.0.0.1 PORTAL_NOTIFICATIONS_POLL=1s \
  PORTAL_PUBLICATION_LEASE=6s PORTAL_PUBLICATION_TAKEOVER_CHECK=1s \
    setsid java -Xmx384m -jar target/quarkus-app/quarkus-run.jar >> "$LOGS/$name.log" 2>&1 &
  instance[$name]=$!
  for _ in $(seq 1 120); do
    curl -fs "http://localhost:$port/q/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  tail -40 "$LOGS/$name.log"; echo "instance $name did not start"; exit 1
}
# start A first: it migrates the database; B then finds it migrated
start a $A_PORT
start b $B_PORT
# the next instance's first, a second later, once HAProxy has seen it up (health checks every 500 ms)
lb_sees() { # lb_sees NAME UP|DOWN: waits until HAProxy's health checks say so (its stats, as CSV)
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$STATS_PORT/stats;csv" | awk -F, -v n="$1" '$1 == "instances" && $2 == n { print $18 }' \
      | grep -qx "$2" && return 0
    sleep 0.2
  done
  echo "HAProxy does not see $1 $2"; exit 1
}

cat > "$LOGS/haproxy.cfg" <<EOF
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  # a connection refused (an instance just died) is tried on the other instance
  retries 2
  option redispatch 1
frontend stats
  bind 127.0.0.1:$STATS_PORT
  stats enable
  stats uri /stats
frontend portal
  bind 127.0.0.1:$LB_PORT
  default_backend instances
backend instances
  balance roundrobin
  option httpchk GET /q/health/ready
  http-check expect status 200
  default-server inter 500ms fall 2 rise 2
  option forwardfor
  http-response set-header X-Served-By %[srv_name]
  server a 127.0.0.1:$A_PORT check
  server b 127.0.0.1:$B_PORT check
EOF
"$HAPROXY" -c -q -f "$LOGS/haproxy.cfg"
"$HAPROXY" -f "$LOGS/haproxy.cfg" > "$LOGS/haproxy.log" 2>&1 &
pids+=($!)
lb_sees a UP
lb_sees b UP
echo "two instances up behind HAProxy on :$LB_PORT"

KC_TOKEN=http://localhost:$KC_PORT/realms/portal/protocol/openid-connect/token
token() { curl -fs -X POST "$KC_TOKEN" "$@" | tr -d ' \n' | sed -E 's/.*"access_token":"([^"]+)".*/\1/'; }
service=$(token -d grant_type=client_credentials -d client_id=acme-scripts -d client_secret=acme-scripts-secret-change-me-0123456789)
paula=$(token -d grant_type=password -d client_id=portal-test -d client_secret=portal-test-secret-not-for-production-0123456789 \
  -d username=paula -d password=Paula-Portal-2026)
alice=$(token -d grant_type=password -d client_id=portal-test -d client_secret=portal-test-secret-not-for-production-0123456789 \
  -d username=alice -d password=Alice-Portal-2026)
sql "INSERT INTO partner (id, display_name) VALUES ('acme', 'Acme MSP'), ('load', 'Load partner') ON CONFLICT DO NOTHING"
api() { # api PORT METHOD PATH [JSON]
  curl -fs -X "$2" -H "Authorization: Bearer $service" -H 'Content-Type: application/json' \
    ${4:+-d "$4"} "http://localhost:$1$3"
}
customer=$(api $LB_PORT POST /api/v1/customers '{"name":"Cluster Trading","licenses":["ENDPOINT"]}' \
  | sed -E 's/.*"id":([0-9]+).*/\1/')

echo "== 1. a person's session, across both instances and through one's death"
python3 e2e/cluster_client.py login "http://localhost:$LB_PORT" alice Alice-Portal-2026 "$LOGS/alice.jar"
python3 e2e/cluster_client.py pages "http://localhost:$LB_PORT" "$LOGS/alice.jar" 10 > "$LOGS/pages-both.txt"
grep -v '^200 ' "$LOGS/pages-both.txt" && { echo "a page failed with both instances up"; exit 1; }
grep -q ' a$' "$LOGS/pages-both.txt" && grep -q ' b$' "$LOGS/pages-both.txt" \
  || { cat "$LOGS/pages-both.txt"; echo "the requests did not alternate"; exit 1; }
hard_kill a
python3 e2e/cluster_client.py pages "http://localhost:$LB_PORT" "$LOGS/alice.jar" 20 > "$LOGS/pages-a-killed.txt"
failed_pages=$(grep -vc '^200 ' "$LOGS/pages-a-killed.txt" || true)
[ "$failed_pages" -eq 0 ] || { cat "$LOGS/pages-a-killed.txt"; echo "$failed_pages pages failed after a died"; exit 1; }
echo "alice's session: 10 pages served by a and b in turn; a killed (-9): the next 20 pages all 200 (by $(sort -u -k2 "$LOGS/pages-a-killed.txt" | awk '{print $2}' | tr '\n' ' '))"
start a $A_PORT
lb_sees a UP

echo "== 2. a change through A, served by B on the next request"
worst=0
lags=""
for i in 1 2 3 4 5; do
  api $A_PORT POST /api/v1/customers/$customer/mcs-hosts "{\"hosts\":[\"mcs-lag$i.prod.hydra.sophos.com\"]}" >/dev/null
  committed=$(now_ms)
  until api $B_PORT GET /api/v1/customers/$customer/allowlist | grep -q "mcs-lag$i.prod.hydra.sophos.com"; do :; done
  lag=$(( $(now_ms) - committed )); [ $lag -gt $worst ] && worst=$lag
  lags="$lags $lag"
done
current=$(api $A_PORT GET /api/v1/customers/$customer)
version=$(echo "$current" | sed -E 's/.*"version":([0-9]+).*/\1/')
api $A_PORT PUT /api/v1/customers/$customer "{\"name\":\"Cluster Trading\",\"licenses\":[\"ENDPOINT\",\"EDR\"],\"version\":$version}" >/dev/null
committed=$(now_ms)
until api $B_PORT GET /api/v1/customers/$customer/allowlist | grep -q '"edr\.'; do :; done
profile_lag=$(( $(now_ms) - committed ))
[ $profile_lag -gt $worst ] && worst=$profile_lag
echo "invalidation lag (A commits, B serves it): hosts${lags} ms, profile ${profile_lag} ms; worst ${worst} ms (bound 1000 ms)"
[ $worst -lt 1000 ] || { echo "B served a stale allowlist for more than a second"; exit 1; }

echo "== 3. the outbox's events reach a webhook once, whichever instance sends them"
: > "$LOGS/webhooks.jsonl"
python3 - "$HOOK_PORT" "$LOGS/webhooks.jsonl" > "$LOGS/receiver.log" 2>&1 <<'PY' &
import http.server, json, sys
port, log = int(sys.argv[1]), sys.argv[2]
class Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        with open(log, "a") as f:
            f.write(json.dumps({"id": self.headers["webhook-id"], "body": json.loads(body)}) + "\n")
        self.send_response(204)
        self.end_headers()
    def log_message(self, *args):
        pass
http.server.HTTPServer(("127.0.0.1", port), Receiver).serve_forever()
PY
pids+=($!)
jar=$LOGS/alice-api.jar
page=$(curl -fs -c "$jar" -H "Authorization: Bearer $alice" "http://localhost:$LB_PORT/notifications")
csrf=$(echo "$page" | grep -o 'name="csrf-token" value="[^"]*"' | head -1 | sed -E 's/.*value="([^"]*)"/\1/')
curl -fs -b "$jar" -H "Authorization: Bearer $alice" --data-urlencode "csrf-token=$csrf" -d kind=webhook \
  --data-urlencode "target=http://127.0.0.1:$HOOK_PORT/hook" -d versionEvents=true \
  "http://localhost:$LB_PORT/notifications/subscriptions" | grep -q 'whsec_' || { echo "no subscription"; exit 1; }
for i in $(seq 1 20); do
  api $LB_PORT POST /api/v1/customers "{\"name\":\"Event $i\",\"licenses\":[\"ENDPOINT\"]}" >/dev/null
done
for _ in $(seq 1 60); do [ "$(wc -l < "$LOGS/webhooks.jsonl")" -ge 20 ] && break; sleep 0.5; done
sleep 3 # a duplicate, if any, would come now
python3 - "$LOGS/webhooks.jsonl" <<'PY'
import json, sys
events = [json.loads(l) for l in open(sys.argv[1])]
ids = [e["id"] for e in events]
names = sorted(e["body"]["data"]["customerName"] for e in events)
assert len(events) == 20 and len(set(ids)) == 20, f"{len(events)} deliveries, {len(set(ids))} distinct ids"
assert names == sorted(f"Event {i}" for i in range(1, 21)), names
print("20 customers created through both instances: 20 webhook deliveries, 20 distinct ids, none twice")
PY

echo "== 4. a catalog publication over $CUSTOMERS customers; its instance killed halfway"
sql "INSERT INTO customer (partner_id, name, regions, wildcard_support, narrow_hydra, created_at, updated_at)
     SELECT 'load', 'Load customer ' || g, '{}'::varchar[], g % 2 = 0, false, now(), now() FROM generate_series(1, $CUSTOMERS) g;
     INSERT INTO customer_license (partner_id, customer_id, license) SELECT partner_id, id, 'ENDPOINT' FROM customer WHERE partner_id = 'load';
     ANALYZE"
# the bundled catalog under a new id, without one rule: a catalog every instance must switch to
python3 - src/main/resources/catalog/sophos-central.json "$LOGS/catalog.json" <<'PY'
import json, sys
catalog = json.load(open(sys.argv[1]))
catalog["id"] = "sophos-central-cluster"
catalog["rules"] = [r for r in catalog["rules"] if r["id"] != "endpoint.t1-sophosupd-com"]
for r in catalog["rules"]:
    if "alternativeOf" in r:
        r["alternativeOf"] = [a for a in r["alternativeOf"] if a != "endpoint.t1-sophosupd-com"]
json.dump(catalog, open(sys.argv[2], "w"))
PY
pjar=$LOGS/paula.jar
page=$(curl -fs -c "$pjar" -H "Authorization: Bearer $paula" "http://localhost:$A_PORT/platform/catalogs")
csrf=$(echo "$page" | grep -o 'name="csrf-token" value="[^"]*"' | head -1 | sed -E 's/.*value="([^"]*)"/\1/')
curl -fs -o /dev/null -b "$pjar" -H "Authorization: Bearer $paula" -F "csrf-token=$csrf" -F "file=@$LOGS/catalog.json" \
  "http://localhost:$A_PORT/platform/catalogs"
page=$(curl -fs -b "$pjar" -H "Authorization: Bearer $paula" "http://localhost:$A_PORT/platform/catalogs/sophos-central-cluster/publish")
csrf=$(echo "$page" | grep -o 'name="csrf-token" value="[^"]*"' | head -1 | sed -E 's/.*value="([^"]*)"/\1/')
curl -fs -o /dev/null -b "$pjar" -H "Authorization: Bearer $paula" --data-urlencode "csrf-token=$csrf" \
  "http://localhost:$A_PORT/platform/catalogs/sophos-central-cluster/publish"
total=$(sql "SELECT total FROM catalog_publication WHERE catalog_version = 'sophos-central-cluster'")
owner_a=$(sql "SELECT owner FROM catalog_publication WHERE catalog_version = 'sophos-central-cluster'")
until [ "$(sql "SELECT done FROM catalog_publication WHERE catalog_version = 'sophos-central-cluster'")" -ge $((total * 2 / 5)) ]; do
  sleep 0.1
done
hard_kill a
killed=$(now_ms)
done_at_kill=$(sql "SELECT done FROM catalog_publication WHERE catalog_version = 'sophos-central-cluster'")
until [ "$(sql "SELECT coalesce(owner, 'done') FROM catalog_publication WHERE catalog_version = 'sophos-central-cluster'")" != "$owner_a" ]; do
  sleep 0.1
  [ $(( $(now_ms) - killed )) -lt 60000 ] || { echo "nobody took the publication over"; exit 1; }
done
takeover=$(( $(now_ms) - killed ))
until [ "$(sql "SELECT status FROM catalog_publication WHERE catalog_version = 'sophos-central-cluster'")" != RUNNING ]; do sleep 0.2; done
status=$(sql "SELECT status || ' ' || done || '/' || total FROM catalog_publication WHERE catalog_version = 'sophos-central-cluster'")
versions=$(sql "SELECT count(*) || ' ' || count(DISTINCT customer_id) FROM allowlist_version
                WHERE partner_id = 'load' AND catalog_version = 'sophos-central-cluster'")
echo "publication on a: a killed (-9) at $done_at_kill of $total; b took it over after ${takeover} ms (lease 6 s); $status"
echo "versions of the $CUSTOMERS load customers from that catalog (rows, customers): $versions"
[ "$versions" = "$CUSTOMERS $CUSTOMERS" ] || { echo "not exactly one new version per customer"; exit 1; }
[[ "$status" == DONE* ]] || { echo "the publication did not finish: $status"; exit 1; }
[ $takeover -lt 15000 ] || { echo "the takeover took ${takeover} ms"; exit 1; }
api $B_PORT GET /api/v1/customers/$customer/allowlist | grep -q '"catalogVersion":"sophos-central-cluster"' \
  || { echo "b does not serve the new catalog"; exit 1; }
echo "b serves the published catalog"
start a $A_PORT
lb_sees a UP

echo "== 5. a rolling restart under a client that writes all along"
rm -f "$LOGS/stop-writing"
python3 e2e/cluster_client.py writes "http://localhost:$LB_PORT" "$service" "$customer" "$LOGS/stop-writing" \
  "$LOGS/writes.jsonl" &
writer=$!
sleep 2
for name in a b; do
  port=$([ $name = a ] && echo $A_PORT || echo $B_PORT)
  { kill -TERM "${instance[$name]}"; wait "${instance[$name]}"; } 2>/dev/null || true  # graceful: readiness down first, in-flight requests finish
  lb_sees $name DOWN
  start $name $port
  lb_sees $name UP
  sleep 1
done
touch "$LOGS/stop-writing"
wait $writer
python3 - "$LOGS/writes.jsonl" > "$LOGS/acknowledged.txt" <<'PY'
import json, sys
for l in open(sys.argv[1]):
    w = json.loads(l)
    if w["status"] in (200, 201):
        print(w["host"])
PY
writes=$(wc -l < "$LOGS/writes.jsonl")
acknowledged=$(wc -l < "$LOGS/acknowledged.txt")
errors=$(python3 -c "import json,sys; print(sum(1 for l in open(sys.argv[1]) if json.loads(l)['status'] >= 500 or json.loads(l)['status'] == 0))" "$LOGS/writes.jsonl")
stored=$(sql "SELECT value FROM mcs_host WHERE partner_id = 'acme' AND customer_id = $customer AND value LIKE 'rr-%'" | sort)
lost=$(comm -23 <(sort "$LOGS/acknowledged.txt") <(echo "$stored") | wc -l)
echo "rolling restart: $writes writes, $acknowledged acknowledged, $lost of them lost, $errors answered 5xx or no answer (bound 5)"
[ "$lost" -eq 0 ] || { echo "acknowledged writes were lost"; exit 1; }
[ "$errors" -le 5 ] || { grep -v '"status": 20' "$LOGS/writes.jsonl" | head; exit 1; }
echo "== 6. the audit history both instances wrote to"
carol=$(token -d grant_type=password -d client_id=portal-test -d client_secret=portal-test-secret-not-for-production-0123456789 \
  -d username=carol -d password=Carol-Portal-2026)
verified=$(curl -fs -H "Authorization: Bearer $carol" "http://localhost:$LB_PORT/api/v1/audit/verify")
echo "$verified" | grep -q '"intact":true' || { echo "acme's audit chain is broken: $verified"; exit 1; }
echo "acme's audit chain, appended to by both instances: $verified"
echo "cluster end-to-end passed"
