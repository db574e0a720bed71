#!/usr/bin/env bash
# Prints the data-logger ingest rate (readings per second): cartpath on a fresh embedded database, a shipper in
# transit, then CSV batches posted over HTTP and stored with COPY. Usage: bench/telemetry.sh [batches] [size]
# (default 10 batches of 100,000 readings). The figure goes in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile -DskipNpm=true
mvn -q -B exec:java -DskipNpm=true -Dexec.classpathScope=test \
  -Dexec.mainClass=org.cartpath.custody.TelemetryIngestBenchmark -Dexec.args="${1:-10} ${2:-100000}" 2>&1 \
  | grep -E '^(Ingesting|batch|TOTAL)'
