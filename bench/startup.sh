#!/usr/bin/env bash
# Prints how long cartpath takes from `java -jar` to ready (GET /actuator/health/readiness answers UP),
# first on an empty data directory (first start: initdb, migrations, demo seed), then on the same
# directory again (an ordinary restart). Build the jar first: mvn -q -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/cartpath.jar
[ -f "$jar" ] || { echo "Build first: mvn -q -DskipTests package" >&2; exit 1; }
data=$(mktemp -d)
port=${PORT:-18080}

measure() {
  local label=$1 start end pid
  start=$(date +%s.%N)
  CARTPATH_DATA_DIR="$data" java -jar "$jar" --server.port="$port" > "$data/$label.log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$pid" 2>/dev/null || { echo "cartpath exited; see $data/$label.log" >&2; exit 1; }
    sleep 0.1
  done
  end=$(date +%s.%N)
  printf '%-32s %6.1f s\n' "$label" "$(echo "$end - $start" | bc)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

echo "cartpath start-up on $(nproc) cores, $(java -version 2>&1 | head -1)"
measure "first start (empty data dir)"
measure "restart (existing data dir)"
rm -rf "$data"
