#!/usr/bin/env bash
# The audit history's queries over 1,000,000 events: loads them into a fresh database on the local
# PostgreSQL (schema from the project's own migrations), then times the exact queries the history
# page runs (AuditService.page), each with EXPLAIN ANALYZE. Prints one line per query.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${BENCH_DB:-allowlist_bench_audit}
EVENTS=${EVENTS:-1000000}
PSQL="psql -X -q -v ON_ERROR_STOP=1 -U postgres -h 127.0.0.1"
$PSQL -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
for migration in $(ls src/main/resources/db/migration/V*.sql | sort -V); do
  $PSQL -d "$DB" -f "$migration"
done
start=$(date +%s)
$PSQL -d "$DB" <<SQL
INSERT INTO partner (id, display_name) SELECT 'p' || g, 'Partner ' || g FROM generate_series(1, 200) g;
-- 200 partners x 5,000 events, 500 customers each, spread over a year
INSERT INTO audit_event (partner_id, occurred_at, actor_subject, actor_name, client, ip_address, operation,
    resource_type, resource_id, resource_path, customer_id, summary, details, prev_hash, hash)
SELECT 'p' || (1 + g % 200), timestamptz '2026-01-01' + (g * interval '31 seconds'),
       'user' || (g % 7), 'User ' || (g % 7), 'web', '10.0.0.' || (g % 250),
       (ARRAY['CREATE','UPDATE','DELETE','ACTION'])[1 + g % 4], (ARRAY['customer','mcs-host','installer-log'])[1 + g % 3],
       (g % 100000)::text, '/customers/' || (g % 100000), (1 + (g / 200) % 500) + 1000 * (g % 200),
       'Customer changed: notes', '{"before":{"notes":"a"},"after":{"notes":"b"}}', repeat('0', 64), md5(g::text) || md5(g::text)
FROM generate_series(1, $EVENTS) g;
ANALYZE audit_event;
SQL
echo "loaded $EVENTS audit events in $(( $(date +%s) - start )) s"
COLS="id, occurred_at, actor_subject, actor_name, client, ip_address, operation, resource_type, resource_id, resource_path, customer_id, summary, details"
measure() { # label, where
  local ms
  ms=$($PSQL -d "$DB" -t -A -c "EXPLAIN (ANALYZE, FORMAT JSON) SELECT $COLS FROM audit_event WHERE $2 ORDER BY id DESC LIMIT 51" \
       | python3 -c 'import json,sys; p=json.load(sys.stdin)[0]; print(round(p["Execution Time"],2))')
  printf '%-48s %8s ms\n' "$1" "$ms"
}
mid=$($PSQL -d "$DB" -t -A -c "SELECT id FROM audit_event WHERE chain = 'p7' ORDER BY id LIMIT 1 OFFSET 2500")
measure "history, first page of a partner" "chain = 'p7'"
measure "history, a page deep in the past (keyset)" "chain = 'p7' AND id < $mid"
measure "one customer's history" "chain = 'p7' AND customer_id = 7007"
measure "a period (one week in March)" "chain = 'p7' AND occurred_at >= '2026-03-01' AND occurred_at < '2026-03-08'"
measure "an actor" "chain = 'p7' AND (actor_subject = 'user3' OR actor_name = 'user3')"
measure "an operation and resource type" "chain = 'p7' AND operation = 'DELETE' AND resource_type = 'installer-log'"
[ "${KEEP:-}" = 1 ] || $PSQL -c "DROP DATABASE $DB"
