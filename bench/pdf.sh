#!/usr/bin/env bash
# PDF record benchmark: the record of the sandbox's 50-listener x 20-backend instance,
# median over N warm renders (default 20) and the file size. Not part of ./mvnw verify.
#   bench/pdf.sh [runs] [warm-up]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test
mkdir -p target/bench/classes
CP="target/classes:target/test-classes:$(cat target/bench/classpath.txt)"
javac -d target/bench/classes -cp "$CP" bench/java/org/slbdoctor/diagnosis/PdfRecordBench.java
java -Xms512m -Xmx1g -cp "target/bench/classes:$CP" org.slbdoctor.diagnosis.PdfRecordBench "${1:-20}" "${2:-5}"
