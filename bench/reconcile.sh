#!/usr/bin/env bash
# Measures reconciling a 5,000-line firewall list (target < 200 ms): compiles the project, then runs
# ReconcileBenchmark.java on the pure reconciliation code. LINES=n and RUNS=n change the sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
java -Dlines="${LINES:-5000}" -Druns="${RUNS:-50}" -cp "target/classes:$(cat target/bench-classpath.txt)" bench/ReconcileBenchmark.java
