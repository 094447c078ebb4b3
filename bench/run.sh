#!/usr/bin/env bash
# SLB Doctor benchmarks (not part of ./mvnw verify). One entry point:
#   bench/run.sh build                 package the jar (tests skipped)
#   bench/run.sh data [N] [M]          generate N instances / M diagnoses into $BENCH_DIR/data (default 1000 / 10000)
#   bench/run.sh load [seconds]        start the jar on that data: startup time, RSS, CPU per request at one
#                                      connection, wrk on /, /instances/{id}, /api/instances (64 connections,
#                                      default 30 s each), GC pauses, RSS after
#   bench/run.sh nocache [seconds]     the same with the rendered-fragment cache off (its baseline)
#   bench/run.sh soak [minutes]        64 connections on every page and API for N minutes (default 5): RSS and
#                                      heap after the last young GC and live heap after a full GC per minute
#   bench/run.sh profile [which] [secs]  JFR profile of 64 connections on the dashboard ("dashboard"), the instance
#                                      pages ("pages", default) or /api/instances ("api"): hottest methods, where
#                                      the bytes are allocated, GC pauses
#   bench/run.sh noindex [seconds]     the dashboard and /api/instances on a copy of the data without the
#                                      worst-first index (baseline of the index)
#   bench/run.sh fleet [N] [L]         fleet scan of N instances x L listeners (default 500 x 10), sandbox
#                                      throttling at 50 calls/s, client limiter at 50 calls/s
#   bench/run.sh all                   all of the above, in that order
#   bench/run.sh accesslog|collection  the analyzer and collection benchmarks (their own scripts)
# Needs: java 17, curl, python3, wrk. Results go to stdout and $BENCH_DIR/results.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/slbdoctor-bench}
PASSWORD=${BENCH_PASSWORD:-bench-Admin-pass-1}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx512m}
mkdir -p "$BENCH_DIR/results"
PID=""

log() { echo "[$(date +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)] $*" >&2; }
jar() { ls "$ROOT"/target/slb-doctor-*.jar 2>/dev/null | grep -v plain | head -1; }
rss_mib() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

cleanup() { if [[ -n "$PID" ]] && kill -0 "$PID" 2>/dev/null; then kill "$PID"; wait "$PID" 2>/dev/null || true; fi; }
trap cleanup EXIT

build() {
  log "packaging the jar"
  ./mvnw -q -DskipTests package
  log "built $(jar)"
}

ensure_jar() { [[ -n "$(jar)" ]] || build; }

# start_app <db-dir> <log> [extra --props...]: starts the jar, waits for /actuator/health, sets PID, PORT, STARTUP_MS
start_app() {
  local db=$1 logfile=$2; shift 2
  PORT=$(free_port)
  local t0; t0=$(date +%s%N)
  java $JAVA_OPTS -jar "$(jar)" --server.port="$PORT" \
    --spring.datasource.url="jdbc:h2:file:$db/slbdoctor;AUTO_SERVER=FALSE" \
    --slbdoctor.sandbox.enabled=true --slbdoctor.admin.password="$PASSWORD" "$@" >"$logfile" 2>&1 &
  PID=$!
  until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; do
    kill -0 "$PID" 2>/dev/null || { tail -30 "$logfile" >&2; echo "the app died" >&2; exit 1; }
    sleep 0.2
  done
  STARTUP_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
}

stop_app() { cleanup; PID=""; }

# form login (CSRF token from the login page); prints "JSESSIONID=…"
login() {
  local jarfile="$BENCH_DIR/cookies.txt"; rm -f "$jarfile"
  local token
  token=$(curl -s -c "$jarfile" -b "$jarfile" "http://127.0.0.1:$PORT/login" \
    | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -c "$jarfile" -b "$jarfile" \
    --data-urlencode "username=admin" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$token" \
    "http://127.0.0.1:$PORT/login")
  [[ "$code" == 302 ]] || { echo "login failed ($code)" >&2; exit 1; }
  echo "JSESSIONID=$(awk '$6 == "JSESSIONID" {print $7}' "$jarfile")"
}

# cost_run <name> <comma-separated paths> <seconds>: one connection, so no queueing: what a request costs,
# as the app process's CPU time (all its threads: request, GC, JIT) divided by the requests served
cost_run() {
  local name=$1 paths=$2 secs=$3
  local c0; c0=$(awk '{print $14 + $15}' "/proc/$PID/stat")
  BENCH_COOKIE=$COOKIE BENCH_PATHS=$paths wrk -t1 -c1 -d"${secs}s" -s "$ROOT/bench/wrk/session.lua" \
    "http://127.0.0.1:$PORT" > "$BENCH_DIR/results/cost-$name.txt"
  local c1; c1=$(awk '{print $14 + $15}' "/proc/$PID/stat")
  local line; line=$(grep '^BENCH' "$BENCH_DIR/results/cost-$name.txt")
  local n; n=$(echo "$line" | grep -o 'requests=[0-9]*' | cut -d= -f2)
  local ticks; ticks=$(getconf CLK_TCK)
  echo "$name cost: $(echo "$line" | cut -d' ' -f2-) cpu_ms_per_request=$(python3 -c "print(round(($c1 - $c0) * 1000 / $ticks / $n, 3))") load=$(cut -d' ' -f1 /proc/loadavg)"
}

# wrk_run <name> <comma-separated paths> <seconds>
wrk_run() {
  local name=$1 paths=$2 secs=$3
  log "wrk $name (64 connections, ${secs}s)"
  local c0; c0=$(awk '{print $14 + $15}' "/proc/$PID/stat")
  # wrk runs on the same two cores: its own CPU time says how much of the machine the app had
  BENCH_COOKIE=$COOKIE BENCH_PATHS=$paths /usr/bin/time -f "%U %S" -o "$BENCH_DIR/results/wrk-$name.cpu" \
    wrk -t2 -c64 -d"${secs}s" --latency -s "$ROOT/bench/wrk/session.lua" \
    "http://127.0.0.1:$PORT" | tee "$BENCH_DIR/results/wrk-$name.txt" | grep -E "Latency|99%|Requests/sec|BENCH|Non-2xx|Socket" >&2
  local c1; c1=$(awk '{print $14 + $15}' "/proc/$PID/stat")
  local n; n=$(grep -o 'requests=[0-9]*' "$BENCH_DIR/results/wrk-$name.txt" | cut -d= -f2)
  local cpu; cpu=$(python3 -c "
u, s = map(float, open('$BENCH_DIR/results/wrk-$name.cpu').read().split()[-2:])
ticks = $(getconf CLK_TCK)
print('app_cpu_ms_per_request=%.3f app_cores=%.2f wrk_cores=%.2f' % (($c1 - $c0) * 1000 / ticks / $n, ($c1 - $c0) / ticks / $secs, (u + s) / $secs))")
  echo "$name $(grep '^BENCH' "$BENCH_DIR/results/wrk-$name.txt") $cpu load=$(cut -d' ' -f1 /proc/loadavg)"
}

data() {
  local n=${1:-1000} m=${2:-10000}
  ensure_jar
  rm -rf "$BENCH_DIR/data"; mkdir -p "$BENCH_DIR/data"
  log "generating $n instances and $m diagnoses through the app's services"
  local t0; t0=$(date +%s)
  java $JAVA_OPTS -jar "$(jar)" --server.port=0 \
    --spring.datasource.url="jdbc:h2:file:$BENCH_DIR/data/slbdoctor;AUTO_SERVER=FALSE" \
    --slbdoctor.sandbox.enabled=true --slbdoctor.sandbox.generated-instances="$n" \
    --slbdoctor.sandbox.generated-listeners=10 --slbdoctor.aliyun.rate-limit=0 \
    --slbdoctor.admin.password="$PASSWORD" --slbdoctor.bench.instances="$n" --slbdoctor.bench.diagnoses="$m" \
    --slbdoctor.bench.concurrency=4 --logging.level.org.slbdoctor.fleet=warn >"$BENCH_DIR/results/data.log" 2>&1
  grep "bench data:" "$BENCH_DIR/results/data.log" | tail -1 >&2
  echo "data: $n instances, $m diagnoses in $(( $(date +%s) - t0 )) s; db $(du -sh "$BENCH_DIR/data" | cut -f1)"
}

instance_paths() {
  # every registered instance's page, from the API (pages of 500)
  local prefix=$1 out="" page=0
  while :; do
    local ids
    ids=$(curl -s -b "$COOKIE" -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT/api/instances?size=500&page=$page" \
      | python3 -c 'import json,sys; print(",".join(i["loadBalancerId"] for i in json.load(sys.stdin)["items"]))')
    [[ -n "$ids" ]] || break
    out="$out,$(echo "$ids" | sed "s#\([^,]*\)#$prefix\1#g")"
    page=$((page + 1))
  done
  echo "${out#,}"
}

load() {
  local secs=${1:-30} db=${2:-$BENCH_DIR/data} tag=${3:-load}; shift 3 2>/dev/null || shift $#
  ensure_jar
  [[ -d "$db" ]] || data
  log "starting the app on $db $*"
  # BENCH_APP_ARGS: more application arguments for every run, e.g. --server.tomcat.threads.max=16
  JAVA_OPTS="$JAVA_OPTS -Xlog:gc:file=$BENCH_DIR/results/$tag-gc.log" start_app "$db" "$BENCH_DIR/results/$tag-app.log" \
    ${BENCH_APP_ARGS:-} "$@"
  local started; started=$(grep -o 'Started SlbDoctorApplication in [0-9.]* seconds' "$BENCH_DIR/results/$tag-app.log" || true)
  sleep 2
  local rss0; rss0=$(rss_mib "$PID")
  echo "$tag startup: ${STARTUP_MS} ms to a healthy /actuator/health ($started); RSS after start ${rss0} MiB load=$(cut -d' ' -f1 /proc/loadavg)"
  COOKIE=$(login)
  local pages; pages=$(instance_paths /instances/)
  local first=${pages%%,*}
  local code; code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT$first")
  [[ "$code" == 200 ]] || { log "the instance page $first answers $code"; exit 1; }
  # the first visit of each instance page renders it (a finished diagnosis, then kept): its cost, once
  cost_run "$tag-instance-page-first-visit" "$pages" 10
  if [[ "$tag" != noindex ]]; then
    # warm-up, not measured: every instance page visited once, the connection pool, and the JIT, until it
    # settles (C2 keeps compiling for a minute or two on two cores; its CPU would count in the figures)
    local prev=0 cur round
    for round in $(seq 1 18); do
      BENCH_COOKIE=$COOKIE BENCH_PATHS="/,/api/instances,$pages" wrk -t2 -c16 -d10s -s "$ROOT/bench/wrk/session.lua" \
        "http://127.0.0.1:$PORT" >/dev/null
      cur=$(jstat -compiler "$PID" | tail -1 | awk '{print $1}')
      log "warm-up round $round: $cur methods compiled"
      (( cur - prev < 150 )) && break
      prev=$cur
    done
    cost_run "$tag-dashboard" "/" 10
    cost_run "$tag-instance-page" "$pages" 10
    cost_run "$tag-api-instances" "/api/instances" 10
  fi
  wrk_run "$tag-dashboard" "/" "$secs"
  wrk_run "$tag-api-instances" "/api/instances" "$secs"
  if [[ "$tag" != noindex ]]; then
    wrk_run "$tag-instance-page" "$pages" "$secs"
    wrk_run "$tag-api-instance" "$(instance_paths /api/instances/)" "$secs"
  fi
  local rss1; rss1=$(rss_mib "$PID")
  echo "$tag RSS: ${rss0} MiB after start, ${rss1} MiB after the load test load=$(cut -d' ' -f1 /proc/loadavg)"
  echo "$tag GC: $(python3 - "$BENCH_DIR/results/$tag-gc.log" <<'PY'
import re, sys
pauses = [float(m) for m in re.findall(r"Pause.* ([0-9.]+)ms$", open(sys.argv[1]).read(), re.M)]
pauses.sort()
print("%d pauses, total %.0f ms, max %.1f ms, p99 %.1f ms" % (len(pauses), sum(pauses), pauses[-1] if pauses else 0,
      pauses[int(len(pauses) * 0.99)] if pauses else 0))
PY
)"
  stop_app
}

noindex() {
  local secs=${1:-30}
  [[ -d "$BENCH_DIR/data" ]] || data
  rm -rf "$BENCH_DIR/noindex"; cp -r "$BENCH_DIR/data" "$BENCH_DIR/noindex"
  # the H2 the app ships, so the file format matches
  unzip -o -q -j "$(jar)" 'BOOT-INF/lib/h2-*.jar' -d "$BENCH_DIR"
  local h2; h2=$(ls "$BENCH_DIR"/h2-*.jar | head -1)
  java -cp "$h2" org.h2.tools.Shell -url "jdbc:h2:file:$BENCH_DIR/noindex/slbdoctor" -user sa -password "" \
    -sql "DROP INDEX IX_SLB_INSTANCE_WORST_FIRST" >/dev/null
  log "dropped ix_slb_instance_worst_first in the copy"
  load "$secs" "$BENCH_DIR/noindex" noindex
}

# soak [minutes=5]: 64 connections on every page and API in turn, minute after minute; prints per minute the
# requests, p99, RSS and the heap in use after the last GC (what a leak would make grow)
soak() {
  local minutes=${1:-5}
  ensure_jar
  [[ -d "$BENCH_DIR/data" ]] || data
  JAVA_OPTS="$JAVA_OPTS -Xlog:gc:file=$BENCH_DIR/results/soak-gc.log" start_app "$BENCH_DIR/data" "$BENCH_DIR/results/soak-app.log" ${BENCH_APP_ARGS:-}
  COOKIE=$(login)
  local paths; paths="/,/api/instances,$(instance_paths /instances/),$(instance_paths /api/instances/)"
  echo "soak start: RSS $(rss_mib "$PID") MiB"
  local m
  for m in $(seq 1 "$minutes"); do
    BENCH_COOKIE=$COOKIE BENCH_PATHS=$paths wrk -t2 -c64 -d60s --latency -s "$ROOT/bench/wrk/session.lua" \
      "http://127.0.0.1:$PORT" > "$BENCH_DIR/results/soak-$m.txt"
    local after; after=$(grep -o 'Pause Young[^>]*->[0-9]*M' "$BENCH_DIR/results/soak-gc.log" | tail -1 | grep -o '[0-9]*M$')
    # a young GC leaves old-generation garbage in place: only a full GC shows what is really live
    jcmd "$PID" GC.run >/dev/null
    local live; live=$(grep -o 'Pause Full[^>]*->[0-9]*M' "$BENCH_DIR/results/soak-gc.log" | tail -1 | grep -o '[0-9]*M$')
    echo "soak minute $m: $(grep '^BENCH' "$BENCH_DIR/results/soak-$m.txt" | cut -d' ' -f2-) RSS $(rss_mib "$PID") MiB, heap after last young GC ${after:-?}, live after full GC ${live:-?} load=$(cut -d' ' -f1 /proc/loadavg)"
  done
  stop_app
}

# profile [dashboard|pages|api] [seconds=30]: where a request's CPU and allocations go, under 64 connections
profile() {
  local which=${1:-pages} secs=${2:-30}
  ensure_jar
  [[ -d "$BENCH_DIR/data" ]] || data
  JAVA_OPTS="$JAVA_OPTS -Xlog:gc:file=$BENCH_DIR/results/profile-gc.log" start_app "$BENCH_DIR/data" \
    "$BENCH_DIR/results/profile-app.log" ${BENCH_APP_ARGS:-}
  COOKIE=$(login)
  local paths
  case "$which" in
    dashboard) paths=/ ;;
    api) paths=/api/instances ;;
    *) paths=$(instance_paths /instances/) ;;
  esac
  local round
  for round in 1 2 3 4 5 6; do
    BENCH_COOKIE=$COOKIE BENCH_PATHS=$paths wrk -t2 -c16 -d10s -s "$ROOT/bench/wrk/session.lua" "http://127.0.0.1:$PORT" >/dev/null
  done
  local jfr="$BENCH_DIR/results/profile-$which.jfr"
  jcmd "$PID" JFR.start name=bench settings=profile filename="$jfr" >/dev/null
  wrk_run "profile-$which" "$paths" "$secs"
  jcmd "$PID" JFR.stop name=bench >/dev/null
  stop_app
  python3 "$ROOT/bench/jfr_top.py" "$jfr"
}

nocache() {
  local secs=${1:-30}
  load "$secs" "$BENCH_DIR/data" nocache --slbdoctor.web.fragment-cache-size=0
}

fleet() {
  local n=${1:-500} listeners=${2:-10}
  ensure_jar
  rm -rf "$BENCH_DIR/fleet"; mkdir -p "$BENCH_DIR/fleet"
  log "starting the app: $n sandbox instances x $listeners listeners, sandbox throttling at 50 calls/s, limiter 50/s"
  start_app "$BENCH_DIR/fleet" "$BENCH_DIR/results/fleet-app.log" \
    --slbdoctor.sandbox.generated-instances="$n" --slbdoctor.sandbox.generated-listeners="$listeners" \
    --slbdoctor.sandbox.faults.throttle-max-calls-per-second=50 --slbdoctor.aliyun.rate-limit=50 \
    --slbdoctor.bench.instances="$n" --slbdoctor.bench.diagnoses=0 --slbdoctor.bench.exit=false
  local auth="admin:$PASSWORD" base="http://127.0.0.1:$PORT"
  until [[ "$(curl -s -u "$auth" "$base/api/instances?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')" == "$n" ]]; do
    sleep 1
  done
  log "$n instances registered"
  sleep 2  # let the limiter's bucket and the sandbox's 1-second window settle after the registrations
  local calls0; calls0=$(curl -s -u "$auth" "$base/api/admin/sandbox/faults" | python3 -c 'import json,sys; print(json.load(sys.stdin)["callsReceived"])')
  local id; id=$(curl -s -u "$auth" -H 'Content-Type: application/json' -d '{"regionId":"cn-hangzhou"}' \
    "$base/api/fleet-scans" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  local progress state
  while :; do
    sleep 2
    progress=$(curl -s -u "$auth" "$base/api/fleet-scans/$id")
    state=$(echo "$progress" | python3 -c 'import json,sys; p=json.load(sys.stdin); print(p["state"])')
    echo "$progress" | python3 -c 'import json,sys; p=json.load(sys.stdin); eta=p.get("etaSeconds"); p["eta"]="-" if eta is None else "%s s" % eta; print("  %(done)d/%(total)d failed %(failed)d incomplete %(incomplete)d  %(callsPerSecond)s calls/s  eta %(eta)s" % p)' >&2
    [[ "$state" == RUNNING || "$state" == CANCELLING ]] || break
  done
  local calls1; calls1=$(curl -s -u "$auth" "$base/api/admin/sandbox/faults" | python3 -c 'import json,sys; print(json.load(sys.stdin)["callsReceived"])')
  echo "$progress" > "$BENCH_DIR/results/fleet-scan.json"
  echo "$progress" | python3 -c '
import json, sys
p = json.load(sys.stdin)
received = int(sys.argv[1])
ideal = p["apiCalls"] / 50.0
secs = p["elapsedMillis"] / 1000.0
print("fleet: %d instances, state %s, %d diagnosed, %d failed, %d incomplete; %d API calls (%d requests reached the sandbox, %d throttled and retried); %.1f s vs %.1f s ideal (calls / 50): ratio %.3f" % (
    p["total"], p["state"], p["done"] - p["failed"], p["failed"], p["incomplete"], p["apiCalls"], received,
    received - p["apiCalls"], secs, ideal, secs / ideal))' "$((calls1 - calls0))"
  echo "fleet load=$(cut -d' ' -f1-3 /proc/loadavg)"
  stop_app
}

cmd=${1:-all}; shift || true
case "$cmd" in
  build) build ;;
  data) data "$@" ;;
  load) load "$@" ;;
  noindex) noindex "$@" ;;
  nocache) nocache "$@" ;;
  soak) soak "$@" ;;
  profile) profile "$@" ;;
  fleet) fleet "$@" ;;
  accesslog) exec bench/accesslog.sh "$@" ;;
  collection) exec bench/collection.sh "$@" ;;
  all) build; data; load; nocache; noindex; fleet ;;
  *) sed -n 2,14p "$0"; exit 2 ;;
esac
