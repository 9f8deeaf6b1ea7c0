#!/usr/bin/env bash
# Times publishing a catalog over many customers (default 10,000, over 20 partners) through the real
# publisher against the local PostgreSQL, in a fresh database. Prints one line.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${BENCH_DB:-allowlist_bench_publish}
CUSTOMERS=${CUSTOMERS:-10000}
psql -X -q -U postgres -h 127.0.0.1 -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_USERNAME=allowlist_app \
QUARKUS_FLYWAY_USERNAME=postgres QUARKUS_FLYWAY_PASSWORD=postgres \
QUARKUS_DATASOURCE_PASSWORD=postgres QUARKUS_LOG_LEVEL=WARN \
  ./mvnw -B -q test -P '!embedded-postgres' -Dtest=CatalogPublishBenchmark -DexcludedTestGroups=none \
  -Dcustomers="$CUSTOMERS" -Dsurefire.failIfNoSpecifiedTests=false > target/bench-catalog-publish.log 2>&1 \
  || { tail -40 target/bench-catalog-publish.log; exit 1; }
cat target/bench-catalog-publish.txt
[ "${KEEP:-}" = 1 ] || psql -X -q -U postgres -h 127.0.0.1 -c "DROP DATABASE $DB"
