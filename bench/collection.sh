#!/usr/bin/env bash
# Collection benchmark: parallel SlbCollector vs a sequential baseline, against the built-in sandbox.
# Usage: bench/collection.sh [parallelRuns=5] [sequentialRuns=3]   (prints a Markdown table)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test
exec java -Xmx512m -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  org.slbdoctor.bench.CollectionBenchmark "$@"
