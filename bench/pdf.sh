#!/usr/bin/env bash
# PDF record benchmark: the record of the sandbox's 50-listener x 20-backend instance,
# median over N warm renders (default 20, after 5 warm-up renders) and the file size.
# Not run by ./mvnw verify.   Usage: bench/pdf.sh [runs] [warm-up]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-pdf/classpath.txt -Dmdep.includeScope=runtime
OUT=target/bench-pdf
mkdir -p "$OUT/classes"
CP="target/classes:$(cat "$OUT/classpath.txt")"
javac -d "$OUT/classes" -cp "$CP" bench/pdf/PdfRecordBench.java
exec java -Xms512m -Xmx1g -cp "$OUT/classes:$CP" PdfRecordBench "${1:-20}" "${2:-5}"
