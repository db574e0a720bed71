#!/usr/bin/env bash
# cartpath's benchmark suite (issue 17 items 5-6, issue 15 and 16's performance). Usage:
#   bench/run.sh [--scale quick|national|outcomes] [--seconds N] [--only core|interop|outcomes[,…]]
# (GENERATE="--cases=10000 --readings=1000000" overrides the scale's figures; PORT, HL7_PORT, BATCH, KEEP_DATA=1 and
# JFR=1 as below. --only picks one group of scenarios; without it all run: core = issue 17's ceilings, audited writes,
# mixed, worklist/search, telemetry; interop = FHIR transaction Bundles and HL7 v2 ORU over one MLLP connection;
# outcomes = the commissioner's outcomes page and API and the SACT month export. JFR=1 records a JFR profile of the
# app during each scenario, into jfr/<label>.jfr.)
#
# Builds the app jar if missing, starts cartpath on a fresh data directory (embedded PostgreSQL, fsync and synchronous
# commit on: the durable default), generates a history (bench/src/main/java/org/cartpath/bench/generate), restarts it
# on that history, measures the ceilings (JMH: a plain JDBC insert loop and COPY on the same PostgreSQL server; Gatling:
# the bare liveness endpoint) and the scenarios (Gatling), then prints one markdown table. Results stay under
# bench/target/runs/<time>/ (never committed; the data directory is deleted unless KEEP_DATA=1). Needs the JDK, Maven and curl; nothing else on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
scale=quick
seconds=
only=all
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale=$2; shift 2 ;;
    --scale=*) scale=${1#--scale=}; shift ;;
    --seconds) seconds=$2; shift 2 ;;
    --seconds=*) seconds=${1#--seconds=}; shift ;;
    --only) only=$2; shift 2 ;;
    --only=*) only=${1#--only=}; shift ;;
    *) echo "usage: bench/run.sh [--scale quick|national|outcomes] [--seconds N] [--only core|interop|outcomes]" >&2
       exit 2 ;;
  esac
done
case "$scale" in
  quick) seconds=${seconds:-15}; mixed_clients=32; writes_max=128 ;;
  national|outcomes) seconds=${seconds:-60}; mixed_clients=64; writes_max=128 ;;
  *) echo "unknown scale $scale" >&2; exit 2 ;;
esac
for group in ${only//,/ }; do
  case "$group" in
    all|core|interop|outcomes) ;;
    *) echo "unknown --only $group: core, interop or outcomes (or several, comma-separated)" >&2; exit 2 ;;
  esac
done
wants() { [ "$only" = all ] || [[ ",$only," == *",$1,"* ]]; }
port=${PORT:-18090}
hl7_port=${HL7_PORT:-18091}
batch=${BATCH:-10000}
run=$root/bench/target/runs/$(date -u +%Y%m%dT%H%M%SZ)-$scale
data=$run/data
mkdir -p "$run/jmh" "$run/gatling" "$run/jfr" "$data"
log() { printf '\n== %s\n' "$*" >&2; }

jar=target/cartpath.jar
if [ ! -f "$jar" ]; then
  log "Building the app jar (mvn -DskipTests package)"
  mvn -B -q -DskipTests package
fi
log "Building the benchmark suite"
(cd bench && mvn -B -q -DskipTests package test-compile)
cp=$(cat bench/target/classpath.txt):bench/target/classes

app_pid=
stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid"; wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=
}
trap stop_app EXIT
# starts cartpath and prints the seconds to readiness; the API's per-client request limit is raised, since the load
# clients are a few tokens doing what many systems would
start_app() {
  local label=$1 start end
  start=$(date +%s.%N)
  CARTPATH_DATA_DIR="$data" CARTPATH_HL7_PORT="$hl7_port" java -jar "$jar" --server.port="$port" \
    --cartpath.api.rate.limit=1000000000 \
    >> "$run/cartpath.log" 2>&1 &
  app_pid=$!
  until curl -fs "http://localhost:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$app_pid" 2>/dev/null || { echo "cartpath exited; see $run/cartpath.log" >&2; exit 1; }
    sleep 0.1
  done
  end=$(date +%s.%N)
  printf '%s\t%.1f\n' "$label" "$(echo "$end - $start" | bc)" >> "$run/startup.txt"
  log "cartpath ready ($label): $(tail -1 "$run/startup.txt" | cut -f2) s"
}

log "Starting cartpath on an empty data directory ($data)"
start_app "first start (empty data dir: initdb, migrations, demo seed)"
log "Generating the $scale history"
java -cp "$cp" org.cartpath.bench.generate.NationalHistory --scale="$scale" --base-url="http://localhost:$port" \
  --data-dir="$data" --out="$run/feeders" ${GENERATE:-}
stop_app
start_app "restart (existing data dir with the $scale history)"
pg_port=$(sed -n 4p "$data/postgres/postmaster.pid")

# JFR=1: a profile of the app (JFR's "profile" settings, 10-20 ms execution samples) for the scenario in progress
jfr_start() { if [ "${JFR:-}" = 1 ]; then jcmd "$app_pid" JFR.start name="$1" settings=profile > /dev/null 2>&1 || true; fi; }
jfr_stop() { if [ "${JFR:-}" = 1 ]; then jcmd "$app_pid" JFR.stop name="$1" filename="$run/jfr/$1.jfr" > /dev/null 2>&1 || true; fi; }
jmh() {
  local label=$1 benchmark=$2 threads=$3
  log "JMH $benchmark, $threads threads"
  java -cp "$cp" org.openjdk.jmh.Main "DatabaseCeilings.$benchmark\$" -t "$threads" -f 1 -wi 1 -w 5s -i 3 -r 5s \
    -p batch="$batch" -jvmArgsAppend "-Dpg.port=$pg_port" -rf json -rff "$run/jmh/$label.json" > "$run/jmh/$label.log" 2>&1 \
    || echo "JMH $label failed; see $run/jmh/$label.log" >&2
}
# the HL7 v2 benchmark (JMH, sample time): one MLLP connection, $3 threads sharing it, for about $seconds s measured
hl7() {
  local label=$1 benchmark=$2 threads=$3 each
  each=$(( seconds / 3 > 3 ? seconds / 3 : 3 ))
  log "JMH Hl7Ingest.$benchmark over one MLLP connection, $threads threads, 3 × $each s"
  jfr_start "$label"
  java -cp "$cp" org.openjdk.jmh.Main "Hl7Ingest.$benchmark\$" -t "$threads" -f 1 -wi 1 -w 5s -i 3 -r "${each}s" \
    -jvmArgsAppend "-Dpg.port=$pg_port -Dhl7.port=$hl7_port" -rf json -rff "$run/jmh/$label.json" \
    > "$run/jmh/$label.log" 2>&1 || echo "JMH $label failed; see $run/jmh/$label.log" >&2
  jfr_stop "$label"
}
gatling() {
  local label=$1 simulation=$2 clients=$3
  shift 3
  log "Gatling $simulation, $clients clients, $seconds s"
  jfr_start "$label"
  (cd bench && mvn -B -o gatling:test -Dgatling.simulationClass="org.cartpath.bench.gatling.$simulation" \
    -Dgatling.resultsFolder="$run/gatling/$label" -DbaseUrl="http://localhost:$port" -Dfeeders="$run/feeders" \
    -Dclients="$clients" -Dseconds="$seconds" -Dbatch="$batch" "$@" > "$run/gatling-$label.log" 2>&1) \
    || echo "Gatling $label failed; see $run/gatling-$label.log" >&2
  jfr_stop "$label"
}

gatling liveness-32 LivenessCeiling 32
if wants core; then
  for t in 1 8 32 "$writes_max"; do
    jmh "insert-$t" insertLoop "$t"
    gatling "writes-$t" AuditedWrites "$t"
  done
  jmh copy-4 copyBatch 4
  gatling "mixed-$mixed_clients" MixedWorkload "$mixed_clients"
  gatling worklist-16 WorklistSearch 16
  gatling telemetry-4 TelemetryIngest 4
fi
if wants interop; then
  # HAPI's RestfulServer starts on the first /fhir request (tens of seconds on a loaded machine): not measured
  log "Warming up /fhir (the FHIR server initialises on its first request)"
  curl -fs -o /dev/null --max-time 600 "http://localhost:$port/fhir/metadata" || echo "/fhir/metadata failed" >&2
  gatling fhir-metadata-8 FhirMetadataCeiling 8
  gatling fhir-ingest-8 FhirIngest 8
  hl7 hl7-refused-1 refusedBeforeFiling 1
  hl7 hl7-oru-1 oruFiled 1
  hl7 hl7-oru-8 oruFiled 8
fi
if wants outcomes; then
  gatling outcomes-2 OutcomesNational 2
  gatling sact-1 SactExport 1 -Dgatling.charting.useGroupDurationMetric=true -Dexports="${EXPORTS:-5}"
fi
stop_app

{
  echo "cartpath benchmarks, $scale scale, --only $only, $(date -u +%Y-%m-%d) — $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
  echo
  java -cp "$cp" org.cartpath.bench.report.Report "$run" "$batch"
} | tee "$run/table.md"
if [ "${KEEP_DATA:-}" = 1 ]; then
  echo "Results and logs: $run (the generated data directory, kept: $data)" >&2
else
  rm -rf "$data"
  echo "Results and logs: $run (the data directory is deleted; KEEP_DATA=1 keeps it)" >&2
fi
