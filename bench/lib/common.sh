# Shared settings and helpers of the benchmark harness; sourced by bench/run.sh.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOT_DIR=$(cd "$BENCH_DIR/.." && pwd)
WORK="$BENCH_DIR/.work"

# Unusual ports, so that the harness can run next to a test suite or a development instance, and below the
# kernel's ephemeral range (32768-60999 by default): an outgoing connection that happens to take the service's port
# as its local port would otherwise make the service fail to start ("port in use").
PG_PORT=${BENCH_PG_PORT:-25432}
APP_PORT=${BENCH_APP_PORT:-28080}
WIREMOCK_PORT=${BENCH_WIREMOCK_PORT:-28081}
PRISM_PORT=${BENCH_PRISM_PORT:-28082}
APP2_PORT=${BENCH_APP2_PORT:-28083}   # the second instance of the two-instance run (S7)

CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
if [[ "${BENCH_QUICK:-0}" == 1 ]]; then
  WARMUP=${BENCH_WARMUP:-2}; DURATION=${BENCH_DURATION:-5}; PG_WARMUP=${BENCH_PG_WARMUP:-2}
  BIG_WORKFLOWS=${BENCH_BIG_WORKFLOWS:-1000}; BIG_VERSIONS_EACH=${BENCH_BIG_VERSIONS_EACH:-10}
else
  # The JIT of a JVM on two busy cores needs about 40 s of load to settle (NOTES.md); pgbench has no JIT.
  WARMUP=${BENCH_WARMUP:-30}; DURATION=${BENCH_DURATION:-20}; PG_WARMUP=${BENCH_PG_WARMUP:-10}
  BIG_WORKFLOWS=${BENCH_BIG_WORKFLOWS:-10000}; BIG_VERSIONS_EACH=${BENCH_BIG_VERSIONS_EACH:-100}
fi
SEED_WORKFLOWS=${BENCH_SEED_WORKFLOWS:-50}   # workflows (graphs, definitions, flows) each write scenario spreads over

ADMIN_TOKEN=bench-admin-token
PROJECT=0b5d1a6c8e2f4a7b9c3d5e7f9a1b3c5d
WORKSPACE=bench-ws
FORTANIX_ACCOUNT=6f6e7c52-1b6e-4c8e-9d0a-5c1d2f3e4a5b
FRANKIE_KEY=bench-frankieone-api-key
FRANKIE_CUSTOMER=bench-customer
PATCHWORKS_KEY=bench-patchworks-api-key

PG_BIN=${BENCH_PG_BIN:-/usr/lib/postgresql/15/bin}
PGDATA="$WORK/pg"
PG_SOCKET="$WORK/pgsock"
export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=bench PGPASSWORD=bench PGDATABASE=bench

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Runs a command as the owner of the database files: initdb and postgres refuse to run as root.
as_pg() {
  if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

apt_install() {
  [[ $(id -u) == 0 ]] || die "$* missing: install it (apt-get install $*) or run as root"
  log "installing $* from the system packages"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null; }
}

ensure_tools() {
  command -v wrk >/dev/null || apt_install wrk
  command -v jq >/dev/null || apt_install jq
  command -v curl >/dev/null || apt_install curl
  [[ -x "$PG_BIN/initdb" ]] || apt_install postgresql-15
  command -v pgbench >/dev/null || apt_install postgresql-client-15
  command -v java >/dev/null || die "a JDK 17 is needed"
  mkdir -p "$WORK"
  WIREMOCK_JAR=$(ls "$WORK"/wiremock-standalone-*.jar 2>/dev/null | head -1 || true)
  if [[ -z "$WIREMOCK_JAR" ]]; then
    log "fetching WireMock standalone from Maven Central"
    (cd "$ROOT_DIR" && ./mvnw -B -q dependency:copy \
      -Dartifact=org.wiremock:wiremock-standalone:3.13.1 -DoutputDirectory="$WORK") >&2
    WIREMOCK_JAR=$(ls "$WORK"/wiremock-standalone-*.jar | head -1)
  fi
  PRISM="$WORK/prism/node_modules/.bin/prism"
  if [[ ! -x "$PRISM" ]]; then
    command -v npm >/dev/null || apt_install nodejs npm
    log "installing @stoplight/prism-cli from npm"
    mkdir -p "$WORK/prism"
    npm install --no-audit --no-fund --silent --prefix "$WORK/prism" @stoplight/prism-cli@5 >&2
  fi
}

# Builds the service when the jar is missing or older than any source.
ensure_build() {
  local jar="$ROOT_DIR/target/quarkus-app/quarkus-run.jar"
  if [[ ! -f "$jar" ]] || [[ -n $(find "$ROOT_DIR/src/main" "$ROOT_DIR/openapi" "$ROOT_DIR/pom.xml" -newer "$jar" -print -quit) ]]; then
    log "building the service"
    (cd "$ROOT_DIR" && ./mvnw -B -q package -DskipTests) >&2
  fi
}

start_pg() {
  local extra=("$@")
  stop_pg
  rm -rf "$PGDATA" "$PG_SOCKET"; mkdir -p "$PGDATA" "$PG_SOCKET"
  if [[ $(id -u) == 0 ]]; then chown postgres "$PGDATA" "$PG_SOCKET"; fi
  chmod 700 "$PGDATA"
  as_pg "$PG_BIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 >/dev/null
  # A modest server configuration, the same for the service and for pgbench.
  cat >> "$PGDATA/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_SOCKET'
max_connections = 120
shared_buffers = 512MB
max_wal_size = 4GB
log_checkpoints = on
log_autovacuum_min_duration = 0
EOF
  as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/postgres.log" -w -o "${extra[*]}" start >/dev/null
  as_pg "$PG_BIN/psql" -h "$PG_SOCKET" -p "$PG_PORT" -U postgres -d postgres -q \
    -c "create role bench login password 'bench'" -c "create database bench owner bench" >/dev/null
}

stop_pg() {
  if [[ -f "$PGDATA/postmaster.pid" ]]; then as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true; fi
}

psql_bench() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

# Starts the service against the bench database; sets APP_PID and READY_MS (process start to /q/health/ready).
# The JVM options of the container image (src/main/docker/Dockerfile.jvm): a small heap and serial GC for a small
# container, two malloc arenas and free native memory handed back every 5 s. BENCH_JAVA_OPTS replaces them.
read -r -a SERVICE_JAVA_OPTS <<< "${BENCH_JAVA_OPTS:--Xmx96m -Xss512k -XX:+UseSerialGC -XX:ReservedCodeCacheSize=48m -XX:MaxMetaspaceSize=128m -XX:TrimNativeHeapInterval=5000}"

CDS_ARCHIVE="$WORK/service-cds.jsa"

# The native executable, built when it is missing or older than any source (about 5 minutes; native/README.md).
NATIVE_BIN="$ROOT_DIR/target/workflow-versions-0.1.0-SNAPSHOT-runner"
ensure_native_build() {
  if [[ ! -x "$NATIVE_BIN" ]] || [[ -n $(find "$ROOT_DIR/src/main" "$ROOT_DIR/openapi" "$ROOT_DIR/pom.xml" -newer "$NATIVE_BIN" -print -quit) ]]; then
    log "building the native executable"
    (cd "$ROOT_DIR" && ./mvnw -B -q package -Dnative -DskipTests) >&2
  fi
}
# Its options for the runs: none by default (its heap limit is built in, the JVM container's 96 MB); BENCH_NATIVE_OPTS adds some.
read -r -a NATIVE_OPTS <<< "${BENCH_NATIVE_OPTS:-}"

# service_env: the environment of a service process on the bench database (or on <database> if given), with the
# settings of BENCH_SERVICE_ENV last (a run that tries one setting against a run without it).
service_env() {
  local db=${1:-bench}
  echo QUARKUS_HTTP_PORT=$APP_PORT \
    QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$PG_PORT/$db" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db" \
    QUARKUS_DATASOURCE_USERNAME=bench QUARKUS_DATASOURCE_PASSWORD=bench \
    WORKFLOW_VERSIONS_ADMIN_TOKEN=$ADMIN_TOKEN WORKFLOW_VERSIONS_DATA_DIR="$WORK/data" ${BENCH_SERVICE_ENV:-}
}

# await_ready <pid> <t0 ns> <log> [port]: waits for /q/health/ready (on APP_PORT unless given); sets READY_MS.
await_ready() {
  until curl -sf -o /dev/null "http://127.0.0.1:${4:-$APP_PORT}/q/health/ready"; do
    kill -0 "$1" 2>/dev/null || die "the service stopped; see $3"
    sleep 0.01
  done
  READY_MS=$(( ($(date +%s%N) - $2) / 1000000 ))
}

# Starts the native executable like start_service (APP_PID, READY_MS), on the bench database or <database>.
start_native() {
  local db=${1:-bench}; shift || true
  mkdir -p "$WORK/data"
  local t0; t0=$(date +%s%N)
  env $(service_env "$db") "$NATIVE_BIN" "${NATIVE_OPTS[@]}" "$@" > "$WORK/native.log" 2>&1 &
  APP_PID=$!
  await_ready "$APP_PID" "$t0" "$WORK/native.log"
}

# zero_config_start <command...>: starts the service as a newcomer does, with nothing configured, in an empty
# directory (it starts the embedded PostgreSQL there), and stops it. Prints "ready_ms extraction_ms initdb_ms":
# process start to ready, and the parts of it that unpacking the PostgreSQL binaries (only the first time on a
# machine) and PostgreSQL's own initdb took, as the launcher logs them.
zero_config_start() {
  local dir="$WORK/zero-config" t0 pid ready
  rm -rf "$dir"; mkdir -p "$dir"
  t0=$(date +%s%N)
  (cd "$dir" && exec env -u QUARKUS_DATASOURCE_REACTIVE_URL QUARKUS_HTTP_PORT=$APP_PORT "$@" > "$dir/service.log" 2>&1) &
  pid=$!
  await_ready "$pid" "$t0" "$dir/service.log"; ready=$READY_MS
  stop_process "$pid"
  awk -v ready="$ready" '
    function ms(t) { sub(",", ".", t); split(t, a, ":"); return int((a[1] * 3600 + a[2] * 60 + a[3]) * 1000) }
    function at(line) { split(line, f, " "); return ms(f[2]) }
    /Extracting Postgres/ { x0 = at($0) } /Postgres binaries at/ && x0 { x1 = at($0) }
    /initdb completed in/ { d = $NF; sub(/^00:/, "", d); split(d, p, ":"); init = int((p[1] * 60 + p[2]) * 1000) }
    END { printf "%d %d %d", ready, (x1 > x0 ? x1 - x0 : 0), init }' "$dir/service.log"
}

# SERVICE_ENV: settings (NAME=value words) added to the service's environment at each start, e.g. the read cache
# turned off for the cold-read runs; empty otherwise.
SERVICE_ENV=

start_service() {
  local java_opts=("${SERVICE_JAVA_OPTS[@]}")
  # The class-data archive of an earlier start, unless this start writes one.
  [[ -f "$CDS_ARCHIVE" && "$*" != *ArchiveClassesAtExit* ]] && java_opts+=(-XX:SharedArchiveFile="$CDS_ARCHIVE")
  # A GC log per process (%p), with wall-clock milliseconds, for the pauses during each run (events_since).
  java_opts+=(-Xlog:gc:file="$WORK/gc-%p.log":timemillis "$@")
  mkdir -p "$WORK/data"
  local t0; t0=$(date +%s%N)
  env MALLOC_ARENA_MAX=2 $(service_env "${SERVICE_DB:-bench}") $SERVICE_ENV \
    java "${java_opts[@]}" -jar "$ROOT_DIR/target/quarkus-app/quarkus-run.jar" > "$WORK/service.log" 2>&1 &
  APP_PID=$!
  await_ready "$APP_PID" "$t0" "$WORK/service.log"
}

# A second instance of the service on the same database, on APP2_PORT, for the two-instance run; sets APP2_PID.
# Instances that share a database must share their keys (ServiceKeys; the tests' ServiceProcess.sharedInstanceEnv):
# the JWT signing key, so that each accepts the tokens the other issued, the credential key, which peppers the API-key
# hashes stored in the database and seals its secret keys, and the admin token. The first instance generated its
# keys under its data directory; the second gets them as settings and a data directory of its own, so that
# nothing but the settings is shared. Each keeps its read cache right by reading the database's change log.
start_service2() {
  local keys="$WORK/data/keys" java_opts=("${SERVICE_JAVA_OPTS[@]}")
  [[ -f "$keys/jwt-private.pem" && -f "$keys/credential.key" ]] || die "no keys of the first instance in $keys"
  if [[ -f "$CDS_ARCHIVE" ]]; then java_opts+=(-XX:SharedArchiveFile="$CDS_ARCHIVE"); fi
  java_opts+=(-Xlog:gc:file="$WORK/gc-%p.log":timemillis)
  mkdir -p "$WORK/data2"
  local t0; t0=$(date +%s%N)
  env MALLOC_ARENA_MAX=2 $(service_env "${SERVICE_DB:-bench}") $SERVICE_ENV \
    QUARKUS_HTTP_PORT="$APP2_PORT" WORKFLOW_VERSIONS_DATA_DIR="$WORK/data2" \
    WORKFLOW_VERSIONS_JWT_PRIVATE_KEY="$(cat "$keys/jwt-private.pem")" \
    WORKFLOW_VERSIONS_CREDENTIAL_KEY="$(cat "$keys/credential.key")" \
    java "${java_opts[@]}" -jar "$ROOT_DIR/target/quarkus-app/quarkus-run.jar" > "$WORK/service2.log" 2>&1 &
  APP2_PID=$!
  await_ready "$APP2_PID" "$t0" "$WORK/service2.log" "$APP2_PORT"
}

stop_service2() {
  stop_process "${APP2_PID:-}"; APP2_PID=
}

stop_process() {
  local pid=$1
  if [[ -n "$pid" ]] && kill "$pid" 2>/dev/null; then wait "$pid" 2>/dev/null || true; fi
}

rss_mb() { awk '/VmRSS/{printf "%d", $2/1024}' "/proc/$1/status"; }

# CPU accounting, in clock ticks. proc_ticks: one process (all its threads). pg_ticks: PostgreSQL, that is the
# postmaster, its live children and the children it has reaped (a backend that exits during a run still counts).
# machine_ticks: busy time of all cores.
HZ=$(getconf CLK_TCK)
proc_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# The service: its process, and the second instance's while one runs.
service_ticks() {
  local t; t=$(proc_ticks "${APP_PID:-0}")
  if [[ -n "${APP2_PID:-}" ]]; then t=$((t + $(proc_ticks "$APP2_PID"))); fi
  echo "$t"
}
pg_ticks() {
  local pm t c; pm=$(head -1 "$PGDATA/postmaster.pid")
  t=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat")
  for c in $(pgrep -P "$pm"); do t=$((t + $(proc_ticks "$c"))); done
  echo "$t"
}
machine_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
cpu_mark() { CPU_MARK="$(service_ticks) $(pg_ticks) $(machine_ticks)"; }
# CPU milliseconds per request since cpu_mark, for a run of <seconds> at <rps>: "service PostgreSQL rest busy%",
# where rest is everything else the machine did (the load generator, the kernel, other processes) and busy% the
# machine's load in percent of one core.
cpu_since() {
  local rps=$1 seconds=$2 now; now="$(service_ticks) $(pg_ticks) $(machine_ticks)"
  awk -v a="$CPU_MARK" -v b="$now" -v rps="$rps" -v d="$seconds" -v hz="$HZ" 'BEGIN {
    split(a, x, " "); split(b, y, " "); n = rps * d; if (n <= 0) n = 1
    for (i = 1; i <= 3; i++) c[i] = (y[i] - x[i]) * 1000 / hz / n
    printf "%.2f %.2f %.2f %.0f", c[1], c[2], c[3] - c[1] - c[2], (y[3] - x[3]) * 100 / hz / d }'
}

# What else happened during a run: the service's GC pauses (from its GC log; both instances' while two run) and
# PostgreSQL's checkpoints and autovacuum/autoanalyze runs. events_mark before the run; events_since after it prints
# "young_pauses full_pauses longest_pause_ms checkpoints autovacuums".
pg_events() {
  psql_bench -At -F' ' -c "select (select checkpoints_timed + checkpoints_req from pg_stat_bgwriter),
    (select coalesce(sum(autovacuum_count + autoanalyze_count), 0) from pg_stat_all_tables)"
}
# Maintenance that earlier runs left due (autovacuum of the rows they inserted, dirty buffers to write) is done
# before each measured run, for the service and for B1 alike, so that it does not land in the next run's tail.
settle_database() {
  as_pg "$PG_BIN/psql" -X -q -h "$PG_SOCKET" -p "$PG_PORT" -U postgres -d bench -c "vacuum analyze" -c "checkpoint" >/dev/null
}
events_mark() { EVENTS_T0=$(date +%s%3N); EVENTS_PG0=$(pg_events); }
events_since() {
  local t1 pg1 gc logs=("$WORK/gc-${APP_PID:-0}.log"); t1=$(date +%s%3N)
  if [[ -n "${APP2_PID:-}" ]]; then logs+=("$WORK/gc-$APP2_PID.log"); fi
  sleep 1   # PostgreSQL publishes its statistics about once a second
  pg1=$(pg_events)
  gc=$(awk -v a="$EVENTS_T0" -v b="$t1" '/Pause/ { t = substr($1, 2) + 0; if (t < a || t > b) next
      ms = $NF + 0; if (/Pause Full/) f++; else y++; if (ms > m) m = ms }
      END { printf "%d %d %.1f", y, f, m }' "${logs[@]}" 2>/dev/null || echo "0 0 0")
  echo "$gc $(awk -v a="$EVENTS_PG0" -v b="$pg1" 'BEGIN { split(a, x, " "); split(b, y, " "); print y[1] - x[1], y[2] - x[2] }')"
}

admin() { curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' "$@"; }

# Runs wrk with a scenario script against a port; prints "rps p50_ms p99_ms errors requests".
run_wrk() {
  local script=$1 port=$2 seconds=$3 rate=${4:-0}
  BENCH_DIR="$BENCH_DIR" BENCH_IDS="$WORK/ids" BENCH_THREADS=$THREADS BENCH_RATE=$rate \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s -s "$BENCH_DIR/lua/$script.lua" \
    "http://127.0.0.1:$port" 2>&1 | awk '/^BENCH /{print $2, $3, $4, $5, $6; found=1} END {if (!found) exit 1}'
}

# run_wrk_split <script> <seconds> [rate]: the load split between the two instances (APP_PORT and APP2_PORT): two wrk
# processes in parallel, each with half the connections, threads and rate, and a random seed of its own
# (BENCH_SEED), so that the two do not send the same sequence. Prints one line as run_wrk does: the summed rps,
# errors and requests, and the worse p50 and p99 of the two.
run_wrk_split() {
  local script=$1 seconds=$2 rate=${3:-0} dir="$WORK/wrk-split" pa pb ra=0 rb=0
  local c=$((CONNECTIONS / 2)) t=$(( THREADS > 1 ? THREADS / 2 : 1 ))
  mkdir -p "$dir"
  CONNECTIONS=$c THREADS=$t BENCH_SEED=1 run_wrk "$script" "$APP_PORT" "$seconds" $((rate / 2)) > "$dir/1" & pa=$!
  CONNECTIONS=$c THREADS=$t BENCH_SEED=2 run_wrk "$script" "$APP2_PORT" "$seconds" $((rate / 2)) > "$dir/2" & pb=$!
  wait "$pa" || ra=$?; wait "$pb" || rb=$?
  [[ $ra == 0 && $rb == 0 ]] || return 1
  cat "$dir/1" "$dir/2" | awk '{ rps += $1; if ($2 > p50) p50 = $2; if ($3 > p99) p99 = $3; err += $4; req += $5 }
    END { printf "%.1f %.3f %.3f %d %d\n", rps, p50, p99, err, req }'
}

# Writes the current Deployed version of each S4 flow and its other version, for lua/s4.lua.
write_deploy_state() {
  psql_bench -At -F' ' -c "select w.external_key, d.public_id, o.public_id
      from bench_key k join workflow w on w.dialect = 'patchworks' and w.kind = 'flow' and w.external_key = k.k1
      join workflow_version d on d.workflow_id = w.id and d.exclusive_state = 'Deployed'
      join workflow_version o on o.workflow_id = w.id and o.public_id in (k.k2, k.k3) and o.id <> d.id
      where k.scenario = 'S4' order by k.n" > "$WORK/ids/patchworks-deploy-state.txt"
}
