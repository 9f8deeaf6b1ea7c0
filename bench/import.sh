#!/usr/bin/env bash
# Times importing a customer list of 2,000 rows (ROWS=n) through the API, preview and apply, against the
# local PostgreSQL in a fresh database (target: under 10 s each). Prints one line.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${BENCH_DB:-allowlist_bench_import}
ROWS=${ROWS:-2000}
psql -X -q -U postgres -h 127.0.0.1 -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_USERNAME=allowlist_app \
QUARKUS_FLYWAY_USERNAME=postgres QUARKUS_FLYWAY_PASSWORD=postgres \
QUARKUS_DATASOURCE_PASSWORD=postgres QUARKUS_LOG_LEVEL=WARN \
  ./mvnw -B -q test -P '!embedded-postgres' -Dtest=ImportBenchmark -DexcludedTestGroups=none \
  -Drows="$ROWS" -Dsurefire.failIfNoSpecifiedTests=false > target/bench-import.log 2>&1 \
  || { tail -40 target/bench-import.log; exit 1; }
cat target/bench-import.txt
[ "${KEEP:-}" = 1 ] || psql -X -q -U postgres -h 127.0.0.1 -c "DROP DATABASE $DB"
