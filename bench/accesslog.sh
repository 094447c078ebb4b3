#!/usr/bin/env bash
# Throughput of the slb-access-log analyzer (target: >= 300k lines/s). Not run by ./mvnw verify.
# Usage: bench/accesslog.sh [lines] [rounds]     (defaults: 1000000 lines, 5 rounds)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d target/classes/org/slbdoctor/artifact/accesslog ] || ./mvnw -q compile
CP="target/classes:$(find ~/.m2/repository/org/springframework/spring-context -name 'spring-context-*.jar' ! -name '*sources*' | sort | tail -1)"
OUT=target/bench-accesslog
mkdir -p "$OUT"
javac -d "$OUT" -cp "$CP" bench/accesslog/AccessLogBench.java
exec java -Xms1g -Xmx2g -cp "$OUT:$CP" AccessLogBench "${1:-1000000}" "${2:-5}"
