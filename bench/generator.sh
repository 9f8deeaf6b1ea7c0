#!/usr/bin/env bash
# Measures AllowlistGenerator alone: compiles the project, then runs GeneratorBenchmark.java.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
java -cp "target/classes:$(cat target/bench-classpath.txt)" bench/GeneratorBenchmark.java
