#!/usr/bin/env bash
# One catalog publication over 100,000 customers (CUSTOMERS=n) of 20 partners, each with a webhook and an
# e-mail subscription and 5 members due a daily digest: times the outbox draining and the digests (target:
# under a minute), against the local PostgreSQL in a fresh database. Prints one line.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${BENCH_DB:-allowlist_bench_notify}
CUSTOMERS=${CUSTOMERS:-100000}
psql -X -q -U postgres -h 127.0.0.1 -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_USERNAME=allowlist_app \
QUARKUS_FLYWAY_USERNAME=postgres QUARKUS_FLYWAY_PASSWORD=postgres \
QUARKUS_DATASOURCE_PASSWORD=postgres QUARKUS_LOG_LEVEL=WARN \
  ./mvnw -B -q test -P '!embedded-postgres' -Dtest=NotificationBenchmark -DexcludedTestGroups=none \
  -Dcustomers="$CUSTOMERS" -Dsurefire.failIfNoSpecifiedTests=false > target/bench-notifications.log 2>&1 \
  || { tail -40 target/bench-notifications.log; exit 1; }
cat target/bench-notifications.txt
[ "${KEEP:-}" = 1 ] || psql -X -q -U postgres -h 127.0.0.1 -c "DROP DATABASE $DB"
