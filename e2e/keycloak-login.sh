#!/usr/bin/env bash
# End to end with a real identity provider: Keycloak 26.7.3 (org.keycloak:keycloak-quarkus-dist from
# Maven Central, unpacked once under ~/.cache) with the realm docker-compose imports, the packaged
# release portal in prod mode against it and the local PostgreSQL, and a login through Keycloak's
# own login page in Chromium. Also: the release has no embedded database, a prod start without
# a datasource fails with a clear message, and a webhook event survives a hard restart (kill -9)
# of the portal between two attempts, delivered again under the same webhook-id.
set -euo pipefail
cd "$(dirname "$0")/.."
KC_VERSION=26.7.3
PORTAL_PORT=8090
KC_PORT=8180
DB=allowlist_e2e
LOGS=target/e2e
mkdir -p "$LOGS"
pids=()
cleanup() { for p in "${pids[@]}"; do kill -- -"$p" 2>/dev/null || kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

echo "== Keycloak $KC_VERSION"
setsid bash e2e/start-keycloak.sh > "$LOGS/keycloak.log" 2>&1 &
pids+=($!)

echo "== the release build"
./mvnw -B -q package -DskipTests -P '!embedded-postgres'
if ls target/quarkus-app/lib/main | grep -qiE 'zonky|embedded-postgres'; then
  echo "the release contains an embedded database"; exit 1
fi
echo "no embedded database in the release"
if QUARKUS_HTTP_PORT=$PORTAL_PORT timeout 60 java -jar target/quarkus-app/quarkus-run.jar > "$LOGS/no-datasource.log" 2>&1; then
  echo "a prod start without a datasource did not fail"; exit 1
fi
grep -q "URL is not set" "$LOGS/no-datasource.log" || { cat "$LOGS/no-datasource.log"; exit 1; }
echo "a prod start without a datasource fails: $(grep -o "Datasource '<default>' was deactivated[^.]*" "$LOGS/no-datasource.log" | head -1)"

echo "== the portal in prod mode"
psql -X -q -U postgres -h 127.0.0.1 -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
for _ in $(seq 1 180); do
  curl -fs "http://localhost:$KC_PORT/realms/portal/.well-known/openid-configuration" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://localhost:$KC_PORT/realms/portal/.well-known/openid-configuration" >/dev/null \
  || { tail -40 "$LOGS/keycloak.log"; echo "Keycloak did not start"; exit 1; }
start_portal() {
  QUARKUS_HTTP_PORT=$PORTAL_PORT \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_USERNAME=allowlist_app \
  QUARKUS_FLYWAY_USERNAME=postgres QUARKUS_FLYWAY_PASSWORD=postgres \
  QUARKUS_DATASOURCE_PASSWORD=postgres OIDC_AUTH_SERVER_URL=http://localhost:$KC_PORT/realms/portal \
  OIDC_CLIENT_ID=portal-web OIDC_CLIENT_SECRET=portal-web-dev-secret-change-me-0123456789 PORTAL_SECURE_COOKIES=false \
  PORTAL_NOTIFICATION_KEY=ZTJlLW9ubHktbm90aWZpY2F0aW9uLWtleS0wMTIzNDU= PORTAL_NOTIFICATIONS_HTTP_ALLOWED=true \
  PORTAL_NOTIFICATIONS_ALLOWED_HOSTS=127.0.0.1 PORTAL_NOTIFICATIONS_FIRST_RETRY=8s PORTAL_NOTIFICATIONS_POLL=1s \
    java -jar target/quarkus-app/quarkus-run.jar >> "$LOGS/portal.log" 2>&1 &
  portal=$!
  pids+=("$portal")
  for _ in $(seq 1 120); do
    curl -fs "http://localhost:$PORTAL_PORT/q/health/ready" >/dev/null 2>&1 && break
    sleep 1
  done
  curl -fs "http://localhost:$PORTAL_PORT/q/health/ready" >/dev/null || { tail -40 "$LOGS/portal.log"; exit 1; }
}
: > "$LOGS/portal.log"
start_portal
psql -X -q -U postgres -h 127.0.0.1 -d $DB -c "INSERT INTO partner (id, display_name) VALUES ('acme', 'Acme MSP')"

echo "== the realm template: scripts use a partner's service account; the web client takes no password grant"
KC_TOKEN=http://localhost:$KC_PORT/realms/portal/protocol/openid-connect/token
service=$(curl -fs -X POST "$KC_TOKEN" -d grant_type=client_credentials -d client_id=acme-scripts \
  -d client_secret=acme-scripts-secret-change-me-0123456789 | tr -d ' \n' | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
curl -fs -H "Authorization: Bearer $service" "http://localhost:$PORTAL_PORT/api/v1/customers" >/dev/null \
  || { echo "acme's service account cannot reach the API"; exit 1; }
refused=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$KC_TOKEN" -d grant_type=password -d client_id=portal-web \
  -d client_secret=portal-web-dev-secret-change-me-0123456789 -d username=alice -d password=Alice-Portal-2026)
[ "$refused" = 400 ] || [ "$refused" = 401 ] || { echo "portal-web granted a password grant ($refused)"; exit 1; }
weak=$(curl -s -X POST "$KC_TOKEN" -d grant_type=password -d client_id=portal-test \
  -d client_secret=portal-test-secret-not-for-production-0123456789 -d username=alice -d password=Alice-Portal-2026 \
  | tr -d ' \n' | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
claims=$(echo "$weak" | cut -d. -f2 | tr '_-' '/+' | base64 -d 2>/dev/null || true)
echo "$claims" | grep -q '"organization":\["acme"\]' || { echo "alice's token has no organization claim: $claims"; exit 1; }
admin=$(curl -fs -X POST "http://localhost:$KC_PORT/realms/master/protocol/openid-connect/token" -d grant_type=password \
  -d client_id=admin-cli -d username=admin -d password=admin | tr -d ' \n' | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
realm=$(curl -fs -H "Authorization: Bearer $admin" "http://localhost:$KC_PORT/admin/realms/portal" | tr -d ' \n')
for expected in '"bruteForceProtected":true' '"organizationsEnabled":true' '"passwordPolicy":"length(12)'; do
  echo "$realm" | grep -qF "$expected" || { echo "the imported realm lacks $expected"; exit 1; }
done
echo "service account, refused password grant, organization claim, brute-force protection and password policy: as the template says"

echo "== a webhook event survives a hard restart of the portal"
HOOK_PORT=8097
HOOK_LOG=$LOGS/webhook-requests.jsonl
: > "$HOOK_LOG"
# a receiver that answers 500 to the first delivery and 204 after, writing down each one
python3 - "$HOOK_PORT" "$HOOK_LOG" > "$LOGS/webhook-receiver.log" 2>&1 <<'PY' &
import http.server, json, sys
port, log = int(sys.argv[1]), sys.argv[2]
count = [0]
class Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        count[0] += 1
        with open(log, "a") as f:
            f.write(json.dumps({"id": self.headers["webhook-id"], "timestamp": self.headers["webhook-timestamp"],
                                "signature": self.headers["webhook-signature"], "body": body}) + "\n")
        self.send_response(500 if count[0] == 1 else 204)
        self.end_headers()
    def log_message(self, *args):
        pass
http.server.HTTPServer(("127.0.0.1", port), Receiver).serve_forever()
PY
pids+=($!)
# alice (a partner admin) subscribes through the Notifications form, with her CSRF token
jar=$LOGS/alice-cookies
page=$(curl -fs -c "$jar" -H "Authorization: Bearer $weak" "http://localhost:$PORTAL_PORT/notifications")
csrf=$(echo "$page" | grep -o 'name="csrf-token" value="[^"]*"' | head -1 | sed -E 's/.*value="([^"]*)"/\1/')
created=$(curl -fs -b "$jar" -H "Authorization: Bearer $weak" --data-urlencode "csrf-token=$csrf" -d kind=webhook \
  --data-urlencode "target=http://127.0.0.1:$HOOK_PORT/hook" -d versionEvents=true \
  "http://localhost:$PORTAL_PORT/notifications/subscriptions") || { echo "alice could not subscribe"; tail -30 "$LOGS/portal.log"; exit 1; }
secret=$(echo "$created" | grep -o 'whsec_[A-Za-z0-9+/=]*' | head -1)
[ -n "$secret" ] || { echo "no webhook secret shown: $created"; exit 1; }
curl -fs -X POST -H "Authorization: Bearer $service" -H 'Content-Type: application/json' \
  -d '{"name":"Restart Trading","licenses":["ENDPOINT"]}' "http://localhost:$PORTAL_PORT/api/v1/customers" >/dev/null
for _ in $(seq 1 60); do [ "$(wc -l < "$HOOK_LOG")" -ge 1 ] && break; sleep 0.5; done
[ "$(wc -l < "$HOOK_LOG")" -eq 1 ] || { echo "the first attempt did not come"; tail -30 "$LOGS/portal.log"; exit 1; }
echo "first attempt answered 500; the portal is killed (-9) before its retry"
kill -9 "$portal"
wait "$portal" 2>/dev/null || true
start_portal
for _ in $(seq 1 60); do [ "$(wc -l < "$HOOK_LOG")" -ge 2 ] && break; sleep 1; done
python3 - "$HOOK_LOG" "$secret" <<'PY'
import json, sys
sys.path.insert(0, "docs/examples")
from verify_webhook import verify
lines = [json.loads(l) for l in open(sys.argv[1])]
assert len(lines) == 2, f"expected the event twice (500, then after the restart), got {len(lines)}"
assert lines[0]["id"] == lines[1]["id"], f"different webhook-ids: {lines[0]['id']} {lines[1]['id']}"
for l in lines:
    headers = {"webhook-id": l["id"], "webhook-timestamp": l["timestamp"], "webhook-signature": l["signature"]}
    assert verify(sys.argv[2], headers, l["body"].encode()), "a signature does not verify"
assert json.loads(lines[1]["body"])["data"]["customerName"] == "Restart Trading"
print(f"delivered after the restart under the same id {lines[0]['id']}, both signatures valid")
PY

echo "== alice logs in through Keycloak's login page"
./mvnw -B -q test -Dtest=KeycloakLoginE2ETest -DexcludedTestGroups=none -Dsurefire.failIfNoSpecifiedTests=false \
  -De2e.portal=http://localhost:$PORTAL_PORT -P '!embedded-postgres' > "$LOGS/selenium.log" 2>&1 \
  || { tail -60 "$LOGS/selenium.log"; tail -30 "$LOGS/portal.log"; exit 1; }
echo "Keycloak end-to-end login passed (screenshots in target/screenshots/keycloak-*)"
