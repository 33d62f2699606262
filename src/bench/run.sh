#!/usr/bin/env bash
# The benchmarks in one command (README "Benchmarks"); not part of ./mvnw verify.
#
#   src/bench/run.sh [-Dbench.connections=64] [-Dbench.warmup=5] [-Dbench.duration=10] [-Dbench.only=quote,home] …
#
# Builds the portal's Boot jar (tests skipped) and the load generator (src/bench/java, compiled into
# target/bench/classes, where Surefire and Failsafe never look), then BenchRun starts a plain Reactor Netty hello
# server and the portal as their own JVMs, measures hello and every target, prints one table with the goals, and
# stops everything. Every phase has a time limit; whatever is still running when this script exits (failure,
# Ctrl-C) is stopped by the trap below.
#
# Environment: BENCH_LOCK=/path/to/lockfile runs the build and the measurement each under flock(1), for machines
# shared with other heavy jobs; BENCH_SKIP_BUILD=1 reuses the last build; MVN_ARGS="-o" for an offline Maven.
set -euo pipefail
cd "$(dirname "$0")/../.."

started=$(date +%s)
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
out=target/bench
mkdir -p "$out"
pids="$out/pids"
: > "$pids"

for arg in "$@"; do
  [[ "$arg" == -D* ]] || { echo "usage: $0 [-Dbench.key=value …] (got '$arg')" >&2; exit 2; }
done

locked() {
  if [[ -n "${BENCH_LOCK:-}" ]]; then flock "$BENCH_LOCK" "$@"; else "$@"; fi
}

# The runner stops what it started; this catches what a killed runner could not (portal, hello, PostgreSQL).
cleanup() {
  local alive=()
  while read -r pid; do
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && alive+=("$pid")
  done < "$pids"
  if (( ${#alive[@]} )); then
    echo "stopping leftover processes: ${alive[*]}"
    kill -TERM "${alive[@]}" 2>/dev/null || true
    for _ in $(seq 30); do
      sleep 1
      local still=()
      for pid in "${alive[@]}"; do kill -0 "$pid" 2>/dev/null && still+=("$pid"); done
      (( ${#still[@]} )) || break
      alive=("${still[@]}")
    done
    kill -KILL "${alive[@]}" 2>/dev/null || true
  fi
  echo "wall time of the whole command: $(( $(date +%s) - started )) s"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  echo "building the portal jar (tests skipped) and the load generator…"
  # shellcheck disable=SC2086 # MVN_ARGS is a list of options
  locked timeout --foreground 900 ./mvnw -q ${MVN_ARGS:-} -Pbench -Dmaven.test.skip=true package \
    dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=test
  rm -rf "$out/classes"
  mapfile -t sources < <(find src/bench/java -name '*.java')
  locked timeout 300 javac --release 17 -encoding UTF-8 -d "$out/classes" -cp "$(cat "$out/classpath.txt")" "${sources[@]}"
fi

jar=$(ls target/resident-portal-*.jar | head -n 1)
# Class data sharing, as the README's production section advises: the jar extracted, and an archive of the classes a
# start loads, made by one training start that stops once the context is refreshed (throw-away data directory).
cds_args=""
if [[ "${BENCH_CDS:-1}" == 1 ]]; then
  if [[ "${BENCH_SKIP_BUILD:-0}" != 1 || ! -f "$out/app.jsa" ]]; then
    echo "making the class data sharing archive (one training start)…"
    rm -rf "$out/app" "$out/app.jsa" "$out/cds-training-data"
    java -Djarmode=tools -jar "$jar" extract --destination "$out/app" >/dev/null
    locked timeout 180 env PORTAL_DATA_DIR="$out/cds-training-data" PORTAL_SANDBOX_ISSUER_PORT=0 \
      java -XX:ArchiveClassesAtExit="$out/app.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -Dspring.context.exit=onRefresh \
      -jar "$out/app/$(basename "$jar")" --server.port=0 > "$out/cds-training.log" 2>&1 \
      || echo "  (no archive: see $out/cds-training.log; measuring without it)"
    rm -rf "$out/cds-training-data"
  fi
  if [[ -f "$out/app.jsa" ]]; then
    cds_args="-Dbench.cdsJar=$out/app/$(basename "$jar") -Dbench.cdsArchive=$out/app.jsa"
  fi
fi
# At most 20 minutes in all; SIGTERM first so the runner's shutdown hook stops the portal cleanly.
locked timeout --foreground -k 60 1200 java -Xmx1g -cp "$out/classes:$(cat "$out/classpath.txt")" \
  -Dlogback.configurationFile=src/bench/logback.xml -Dbench.jar="$jar" -Dbench.workDir="$out" -Dbench.pidFile="$pids" -Dbench.loadAtCommandStart="$load_at_start" $cds_args \
  "$@" cn.yibao.portal.bench.BenchRun
