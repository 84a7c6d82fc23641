#!/usr/bin/env bash
# The benchmark harness: builds the service if needed, starts PostgreSQL and the service, seeds data, runs the
# scenarios with wrk against the service and its baselines, and writes a Markdown report to bench/results/. See
# bench/NOTES.md for the method.
#
# Scenarios: S1-S6 one operation each; S5c and S6c, S5 and S6 with the service's read cache off; S7 SecMaster reads by
# id over 5,000 versions with 0, 2 and 10 % creates, and with 2 % through two instances on one database; S8 FrankieOne
# and Fortanix reads of published versions with 5 % publishes; S9 Patchworks first pages with 5 % deploys.
# Baselines: B0 the limit of the job itself (pgbench running the fewest statements that do each operation,
# bench/pgbench/B0-*.sql, with the tables' user triggers off; weighted mixes of them for S7-S9), B1 the statements the
# service issues (pgbench, bench/pgbench/S*.sql; S1-S6, and S5's and S6's for S5c and S6c), and for S1-S6 only
# B2 WireMock and B3 Prism (a canned or mocked answer means nothing for mixed traffic or a cache turned off).
#
# Settings (environment): BENCH_QUICK=1 (smoke check: short runs, small big-store), BENCH_WARMUP / BENCH_PG_WARMUP /
# BENCH_DURATION (seconds), BENCH_CONNECTIONS (32), BENCH_THREADS (2), BENCH_SCENARIOS (any of the default
# "S1 S2 S3 S4 S5 S6 S5c S6c S7 S8 S9"; S7 stands for its three variants and the two-instance run), BENCH_PROFILE=0
# (no JFR recordings), BENCH_BIG=0 (skip the one-million-versions store), BENCH_NATIVE=0 (skip the native
# executable), BENCH_NATIVE_OPTS (options of the native executable), BENCH_*_PORT (BENCH_APP2_PORT: the second
# instance). The native executable runs S7's 2 % variant.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$BENCH_DIR/lib/seed.sh"
source "$BENCH_DIR/lib/pgbench.sh"
source "$BENCH_DIR/lib/mocks.sh"

ALL_SCENARIOS="S1 S2 S3 S4 S5 S6 S5c S6c S7 S8 S9"
SCENARIOS=${BENCH_SCENARIOS:-$ALL_SCENARIOS}
for s in $SCENARIOS; do
  # Refused before anything starts: a name the loop below does not know would stop the run there, without a report.
  [[ " $ALL_SCENARIOS " == *" $s "* ]] || { echo "BENCH_SCENARIOS: $s is not one of $ALL_SCENARIOS" >&2; exit 2; }
done
# The measured rows: a scenario each, except S7, which is four (0, 2 and 10 % creates; 2 % through two instances).
ROWS=$(for s in $SCENARIOS; do if [[ $s == S7 ]]; then echo S7-0 S7-2 S7-10 S7-2x2; else echo "$s"; fi; done | xargs)
PROFILE=${BENCH_PROFILE:-1}
BIG=${BENCH_BIG:-1}
NATIVE=${BENCH_NATIVE:-1}
STAMP=$(date -u +%Y-%m-%d-%H%M)
RESULTS="$BENCH_DIR/results"; mkdir -p "$RESULTS"
REPORT="$RESULTS/$STAMP.md"
[[ "${BENCH_QUICK:-0}" == 1 ]] && REPORT="$WORK/quick-$STAMP.md"
APP_PID= APP2_PID= WIREMOCK_PID= PRISM_PID=

cleanup() {
  stop_prism; stop_process "$WIREMOCK_PID"; stop_process "$APP2_PID"; stop_process "$APP_PID"; stop_pg
}
trap cleanup EXIT

declare -A NAME=([S1]="S1 SecMaster create a version (vendor example body)" [S2]="S2 Fortanix create a version (20-object graph)"
  [S3]="S3 FrankieOne publish a definition" [S4]="S4 Patchworks deploy a version" [S5]="S5 SecMaster read one version by id"
  [S6]="S6 Patchworks first page of 1,000 versions"
  [S5c]="S5c SecMaster read one version by id, read cache off" [S6c]="S6c Patchworks first page of 1,000 versions, read cache off"
  [S7-0]="S7 SecMaster reads by id over 5,000 versions, no creates" [S7-2]="S7 SecMaster reads by id over 5,000 versions with 2 % creates"
  [S7-10]="S7 SecMaster reads by id over 5,000 versions with 10 % creates" [S7-2x2]="S7 2 % through two instances (one database, $((CONNECTIONS / 2)) connections each)"
  [S8]="S8 FrankieOne and Fortanix reads of published versions with 5 % publishes" [S9]="S9 Patchworks first pages with 5 % deploys")
# The rows' names in the narrow tables.
declare -A SHORT=([S7-0]="S7 0 %" [S7-2]="S7 2 %" [S7-10]="S7 10 %" [S7-2x2]="S7 2 % through two instances")
short() { echo "${SHORT[$1]:-$1}"; }
declare -A R  # R[S1.svc] = "rps p50 p99 errors requests"

ensure_tools
if [[ "$NATIVE" == 1 ]]; then ensure_native_build; fi
ensure_build
mkdir -p "$WORK/jfr"; rm -f "$WORK"/jfr/*.jfr
log "PostgreSQL on port $PG_PORT"
start_pg

# First start creates the schema and the service's keys, and writes the class-data archive (AppCDS) of the classes
# it loaded; the start-to-ready figure is the median of three starts after it with that archive (external
# database, schema in place), as an operator would see on a restart.
log "service on port $APP_PORT"
rm -f "$CDS_ARCHIVE"
start_service -XX:ArchiveClassesAtExit="$CDS_ARCHIVE"; FIRST_MS=$READY_MS; stop_process "$APP_PID"
[[ -f "$CDS_ARCHIVE" ]] || die "the service wrote no class-data archive; see $WORK/service.log"
starts=()
for _ in 1 2 3; do start_service; starts+=("$READY_MS"); stop_process "$APP_PID"; done
READY_MEDIAN=$(printf '%s\n' "${starts[@]}" | sort -n | sed -n 2p)
log "start to ready: ${starts[*]} ms (median $READY_MEDIAN)"
start_service

log "seeding ($SEED_WORKFLOWS workflows per write scenario, one flow with 1,000 versions)"
create_credentials; login; seed_data; load_bench_keys; write_deploy_state
capture_responses
start_wiremock

# The service is healthy after a run when an API read (through its database pool) answers within 5 s and no
# database session is left idle in a transaction. Otherwise the run is flagged, and the service restarted and
# warmed up again so that later measurements are not skewed. (Requests cut off at the end of a run have been seen
# to leave pool connections unreturned; see NOTES.md.)
STALLS=()

# run_scenario <row> <port> <seconds> [rate]: the row's wrk script. S4 and S9 first set which version of each flow
# is deployed (their scripts alternate the two); the mixed rows set their share of writes; the two-instance row
# splits the load over both instances (the port is then not used).
run_scenario() {
  local s=$1; shift
  if [[ $s == S4 || $s == S9 ]]; then write_deploy_state; fi
  case $s in
    S5c|S6c) run_wrk "s${s:1:1}" "$@" ;;
    S7-2x2) BENCH_WRITE_PERCENT=2 run_wrk_split s7 "$2" "${3:-0}" ;;
    S7-*) BENCH_WRITE_PERCENT=${s#S7-} run_wrk s7 "$@" ;;
    S8|S9) BENCH_WRITE_PERCENT=5 run_wrk "${s,}" "$@" ;;
    *) run_wrk "${s,}" "$@" ;;
  esac
}

# answers <port>: whether an API read through the instance's database pool answers within 5 s.
answers() {
  curl -sf -m 5 -o /dev/null -H "Authorization: $PATCHWORKS_KEY" "http://127.0.0.1:$1/api/v1/flows?per_page=1"
}
healthy() {
  answers "$APP_PORT" || return 1
  if [[ -n "$APP2_PID" ]]; then answers "$APP2_PORT" || return 1; fi
}

# restart_service: the service stopped and started again (with SERVICE_ENV), the second instance too when one runs,
# and logged in again.
restart_service() {
  local two=$APP2_PID
  stop_service2
  stop_process "$APP_PID"; start_service; login
  if [[ -n "$two" ]]; then start_service2; fi
}

check_service() {
  local s=$1 idle
  sleep 3   # requests cut off at the end of the run may still be finishing
  idle=$(psql_bench -At -c "select count(*) from pg_stat_activity where datname = 'bench' and state like 'idle in transaction%'")
  if ! healthy || [[ "$idle" != 0 ]]; then
    STALLS+=("$s: after a run the service had $idle database sessions idle in a transaction, or an API read did not answer within 5 s; restarted")
    log "WARNING: ${STALLS[-1]}"
    restart_service
    run_scenario "$s" "$APP_PORT" "$WARMUP" > /dev/null
    sleep 3
    if ! healthy; then restart_service; fi
  fi
}

# service_mode <row|normal>: the service as the row needs it, changed only when that differs from the row before:
# its read cache off for the cold reads (S5c, S6c: WORKFLOW_VERSIONS_READ_CACHE_ENTRIES=0, the environment form of
# workflow-versions.read-cache-entries, a restart each way), a second instance on the same database for the
# two-instance run (S7-2x2), or the one instance with its cache on. A process just started has compiled nothing: it
# gets one warm-up run of the row before the row's own.
SERVICE_MODE=normal
mode_of() { case $1 in S5c|S6c) echo cold ;; S7-2x2) echo two ;; *) echo normal ;; esac; }
service_mode() {
  local want fresh=0; want=$(mode_of "$1")
  [[ $want != "$SERVICE_MODE" ]] || return 0
  log "service: $want (was $SERVICE_MODE)"
  stop_service2
  if [[ $want == cold ]]; then SERVICE_ENV="WORKFLOW_VERSIONS_READ_CACHE_ENTRIES=0"; else SERVICE_ENV=; fi
  if [[ $want == cold || $SERVICE_MODE == cold ]]; then restart_service; fresh=1; fi
  if [[ $want == two ]]; then start_service2; fresh=1; fi
  SERVICE_MODE=$want
  if [[ $fresh == 1 && $1 != normal ]]; then run_scenario "$1" "$APP_PORT" "$WARMUP" > /dev/null; fi
}

# Fortanix sessions: a fresh one before each run that uses one (S2, S8).
fortanix_login() {
  if [[ $1 == S2 || $1 == S8 ]]; then login; fi
}

measure() {  # measure <row> <target: svc|b2|b3|big|nat> <port>
  local s=$1 target=$2 port=$3
  run_scenario "$s" "$port" "$WARMUP" > /dev/null
  settle_database
  cpu_mark; events_mark
  R[$s.$target]=$(run_scenario "$s" "$port" "$DURATION")
  R[$s.$target.cpu]=$(cpu_since "${R[$s.$target]%% *}" "$DURATION")
  # The service's GC pauses mean something only for runs of the service.
  if [[ $port == "$APP_PORT" ]]; then R[$s.$target.events]=$(events_since); fi
  log "$s $target: ${R[$s.$target]} (CPU ms per request: service, PostgreSQL, rest; busy %: ${R[$s.$target.cpu]})"
}

# B0 and B1 measure the database, not the service: rows with the same statements share one measurement (S5c and
# S6c S5's and S6's, the two-instance run the 2 % mix's B0). b1_of is empty for the mixed rows: they have no B1.
b0_of() { case $1 in S5c) echo S5 ;; S6c) echo S6 ;; S7-2x2) echo S7-2 ;; *) echo "$1" ;; esac; }
b1_of() { case $1 in S1|S2|S3|S4|S5|S6) echo "$1" ;; S5c) echo S5 ;; S6c) echo S6 ;; esac; }
is_single() { [[ " S1 S2 S3 S4 S5 S6 " == *" $1 "* ]]; }   # the rows with B2 and B3

# measure_b0 <row>: B0, warm-up and measured run, with the tables' user triggers off from before the warm-up until
# right after the measured run, and on again even when pgbench fails: the service runs next, and its read cache
# depends on them. After a mix that wrote, b0_announce tells the service what B0 changed under it.
measure_b0() {
  local s=$1 id rc=0; id=$(b0_of "$s")
  if [[ -z "${R[$id.b0]:-}" ]]; then
    b0_triggers disable
    run_b0 "$id" "$PG_WARMUP" > /dev/null || rc=$?
    if [[ $rc == 0 ]]; then
      settle_database
      cpu_mark
      R[$id.b0]=$(run_b0 "$id" "$DURATION") || rc=$?
    fi
    if [[ $rc == 0 ]]; then R[$id.b0.cpu]=$(cpu_since "${R[$id.b0]%% *}" "$DURATION"); fi
    b0_triggers enable
    [[ $rc == 0 ]] || die "pgbench B0 of $id failed (the triggers are on again); see $WORK/pgbench-log/B0-$id"
    if b0_writes "$id"; then b0_announce; fi
    log "$id b0: ${R[$id.b0]} (CPU ms per transaction: service, PostgreSQL, rest; busy %: ${R[$id.b0.cpu]})"
  fi
  R[$s.b0]=${R[$id.b0]}
}

# measure_b1 <row>: B1, the service's statements straight to PostgreSQL (S2's with a fresh Fortanix session).
measure_b1() {
  local s=$1 id; id=$(b1_of "$s")
  [[ -n "$id" ]] || return 0
  if [[ -z "${R[$id.b1]:-}" ]]; then
    if [[ $id == S2 ]]; then login; fi
    run_pgbench "$id" "$PG_WARMUP" > /dev/null
    settle_database
    cpu_mark
    R[$id.b1]=$(run_pgbench "$id" "$DURATION")
    R[$id.b1.cpu]=$(cpu_since "${R[$id.b1]%% *}" "$DURATION")
    log "$id b1: ${R[$id.b1]} (CPU ms per transaction: service, PostgreSQL, rest; busy %: ${R[$id.b1.cpu]})"
  fi
  R[$s.b1]=${R[$id.b1]}
}

# Every scenario once before any is measured: the first one measured would otherwise also pay for compiling the code
# all scenarios share (S2 measured first: 348 rps; after S1: 479). The cold and two-instance rows warm up the
# processes they start (service_mode); S7's variants share one warm-up.
log "warming the service up with every scenario"
for s in $ROWS; do
  case $s in S5c|S6c|S7-0|S7-10|S7-2x2) continue ;; esac
  fortanix_login "$s"
  run_scenario "$s" "$APP_PORT" "$WARMUP" > /dev/null
done

# The rows run in this order: those of the one instance with its cache on, the two-instance run, the cold reads.
# The service then restarts only into the cold mode and out of it, every row of the one instance runs on the process
# the warm-up above prepared, and its resident memory is taken after all of them (before a mode changes). The report
# keeps the order of BENCH_SCENARIOS.
RUN_ORDER=$(for m in normal two cold; do for s in $ROWS; do if [[ $(mode_of "$s") == "$m" ]]; then echo "$s"; fi; done; done | xargs)
RSS_MB=
for s in $RUN_ORDER; do
  log "${NAME[$s]}"
  if [[ -z "$RSS_MB" && $(mode_of "$s") != normal ]]; then RSS_MB=$(rss_mb "$APP_PID"); fi
  service_mode "$s"
  # The service: warm-up, maximum rate, then a fixed rate of half that maximum for the p99 goal.
  fortanix_login "$s"
  check_service "$s"
  measure "$s" svc "$APP_PORT"
  check_service "$s"
  half=$(awk -v r="${R[$s.svc]%% *}" 'BEGIN {printf "%d", r / 2}')
  settle_database
  events_mark
  R[$s.half]=$(run_scenario "$s" "$APP_PORT" "$DURATION" "$half")
  R[$s.half.events]=$(events_since)
  R[$s.halfrate]=$half
  log "$s at $half/s: ${R[$s.half]} (GC pauses young, full, longest ms; checkpoints; autovacuums: ${R[$s.half.events]})"
  check_service "$s"
  # B0: the job's own statements; B1: the service's, straight to PostgreSQL.
  measure_b0 "$s"
  measure_b1 "$s"
  # B2 and B3.
  if is_single "$s"; then
    measure "$s" b2 "$WIREMOCK_PORT"
    start_prism "$(spec_of "$s")"
    measure "$s" b3 "$PRISM_PORT"
    stop_prism
  fi
done
if [[ -z "$RSS_MB" ]]; then RSS_MB=$(rss_mb "$APP_PID"); fi
log "service resident memory after the runs of the one instance with its cache on: $RSS_MB MB"
service_mode normal

# The native executable next to the JVM, on the same database and data: start to ready (a first start that creates
# the schema, restarts, and a newcomer's start with nothing configured), then S1, S5 and the mixed S7 (its 2 %
# variant) on both, and the native executable's resident memory after its runs. The JVM's S7 is the main loop's
# when S7 was among the scenarios, else measured here.
if [[ "$NATIVE" == 1 ]]; then
  if [[ -z "${R[S7-2.svc]:-}" ]]; then
    log "${NAME[S7-2]} on the JVM"
    run_scenario S7-2 "$APP_PORT" "$WARMUP" > /dev/null
    measure S7-2 svc "$APP_PORT"
  fi
  stop_process "$APP_PID"
  as_pg "$PG_BIN/psql" -X -q -h "$PG_SOCKET" -p "$PG_PORT" -U postgres -c "create database bench_first owner bench" > /dev/null
  start_native bench_first; NATIVE_FIRST_MS=$READY_MS; stop_process "$APP_PID"
  as_pg "$PG_BIN/psql" -X -q -h "$PG_SOCKET" -p "$PG_PORT" -U postgres -c "drop database bench_first" > /dev/null
  native_starts=()
  for _ in 1 2 3; do start_native; native_starts+=("$READY_MS"); stop_process "$APP_PID"; done
  NATIVE_READY_MEDIAN=$(printf '%s\n' "${native_starts[@]}" | sort -n | sed -n 2p)
  log "native start to ready: first $NATIVE_FIRST_MS ms, restarts ${native_starts[*]} ms (median $NATIVE_READY_MEDIAN)"
  ZERO_NATIVE=$(zero_config_start "$NATIVE_BIN" "${NATIVE_OPTS[@]}")
  ZERO_JVM=$(zero_config_start java "${SERVICE_JAVA_OPTS[@]}" -jar "$ROOT_DIR/target/quarkus-app/quarkus-run.jar")
  log "zero-configuration first start (ready, unpacking, initdb ms): native $ZERO_NATIVE, JVM $ZERO_JVM"
  start_native; login
  for s in S1 S5 S7-2; do run_scenario "$s" "$APP_PORT" "$WARMUP" > /dev/null; done
  for s in S1 S5 S7-2; do
    log "${NAME[$s]} on the native executable"
    measure "$s" nat "$APP_PORT"
  done
  NATIVE_RSS_MB=$(rss_mb "$APP_PID")
  log "native executable resident memory after its runs: $NATIVE_RSS_MB MB"
  stop_process "$APP_PID"
  start_service; login
fi

# One million versions across ten thousand workflows, by SQL, then S1 and S5 again.
if [[ "$BIG" == 1 && " $SCENARIOS " == *" S1 "* && " $SCENARIOS " == *" S5 "* ]]; then
  log "seeding $((BIG_WORKFLOWS * BIG_VERSIONS_EACH)) versions across $BIG_WORKFLOWS workflows"
  v=$(head -1 "$WORK/ids/secmaster-versions.txt")
  psql_bench -c "create temp table big_wf as
      select gen_random_uuid()::text as key, n from generate_series(1, $BIG_WORKFLOWS) n;
    insert into workflow (dialect, tenant, sub_tenant, kind, external_key, name, description, attributes, created_at, created_by, updated_at, updated_by)
      select w.dialect, w.tenant, w.sub_tenant, w.kind, b.key, 'Big ' || b.n, w.description, w.attributes, w.created_at, w.created_by, w.updated_at, w.updated_by
      from big_wf b, workflow w join workflow_version v on v.workflow_id = w.id and v.public_id = '$v';
    insert into workflow_version (workflow_id, public_id, state, content, attributes, created_at, created_by, updated_at, updated_by)
      select nw.id, gen_random_uuid()::text, v.state, v.content, jsonb_set(v.attributes, '{aopworkflow_id}', to_jsonb(nw.external_key)),
             v.created_at, v.created_by, v.updated_at, v.updated_by
      from big_wf b join workflow nw on nw.dialect = 'secmaster' and nw.external_key = b.key,
           workflow_version v, generate_series(1, $BIG_VERSIONS_EACH) k
      where v.public_id = '$v';" > /dev/null
  psql_bench -c "vacuum analyze workflow" -c "vacuum analyze workflow_version" > /dev/null
  psql_bench -At -c "select public_id from workflow_version v join workflow w on w.id = v.workflow_id
      where w.dialect = 'secmaster' order by random() limit 1000" > "$WORK/ids/secmaster-versions-big.txt"
  BIG_COUNT=$(psql_bench -At -c "select count(*) from workflow_version")
  big_v=$(head -1 "$WORK/ids/secmaster-versions-big.txt"); big_wf=$(head -1 "$WORK/ids/secmaster-workflows.txt")
  EXPLAIN_S5=$(psql_bench -c "explain (analyze, costs off, timing off, summary off)
    select wv1_0.* from workflow_version wv1_0 join workflow w1_0 on w1_0.id=wv1_0.workflow_id where wv1_0.public_id='$big_v'
    and w1_0.dialect='secmaster' and w1_0.tenant='$PROJECT' and w1_0.sub_tenant='$WORKSPACE' offset 0 rows fetch first 1 rows only")
  EXPLAIN_S1=$(psql_bench -c "explain (analyze, costs off, timing off, summary off)
    select w1_0.* from workflow w1_0 where w1_0.dialect='secmaster' and w1_0.tenant='$PROJECT' and w1_0.sub_tenant='$WORKSPACE'
    and w1_0.kind='workflow' and w1_0.external_key='$big_wf' offset 0 rows fetch first 1 rows only")
  check_service S1
  measure S1 big "$APP_PORT"
  check_service S5
  BENCH_S5_IDS=secmaster-versions-big.txt measure S5 big "$APP_PORT"
fi

# Profiles come last, from runs of their own: starting and stopping a JFR recording makes the JVM drop compiled
# code, and a recording with the profile settings costs the service a large share of its CPU under this load (S1
# measured 544-847 rps recorded against 1,217 not), so no measured run may be recorded or follow a recording.
# Only the rows of the one instance with its cache on (the cold rows' paths are S5's and S6's without the cache;
# of S7, the 2 % variant).
PROFILED=$(for s in $ROWS; do case $s in S5c|S6c|S7-0|S7-10|S7-2x2) ;; *) echo "$s" ;; esac; done | xargs)
if [[ "$PROFILE" == 1 ]]; then
  for s in $PROFILED; do
    log "recording a JFR profile of $s"
    fortanix_login "$s"
    jcmd "$APP_PID" JFR.start name="$s" settings=profile > /dev/null
    run_scenario "$s" "$APP_PORT" "$DURATION" > /dev/null
    jcmd "$APP_PID" JFR.stop name="$s" filename="$WORK/jfr/$s.jfr" > /dev/null
  done
fi

# ---- The report ----
f() { echo "${R[$1]:-}" | awk -v i="$2" '{print $i}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
# at_least <a> <b> <factor>: yes when a ≥ factor × b, n/a without both figures. at_most <a> <limit>: yes when a ≤ limit.
at_least() {
  awk -v a="$1" -v b="$2" -v k="$3" 'BEGIN { if (a == "" || b == "" || b + 0 <= 0) print "n/a"; else print (a + 0 >= k * b ? "yes" : "no") }'
}
at_most() { awk -v a="$1" -v k="$2" 'BEGIN { if (a == "") print "n/a"; else print (a + 0 <= k ? "yes" : "no") }'; }
# goal <row>: the goal's two cells, "goal | met", from the same run's figures.
goal() {
  local s=$1 svc ref; svc=$(f $s.svc 1); ref=$(f S7-0.svc 1)
  case $s in
    S1|S2|S3|S4|S5c|S6c) echo "≥ 0.5 × B0 | $(at_least "$svc" "$(f $s.b0 1)" 0.5)" ;;
    S8|S9) echo "≥ 0.5 × B0 mix | $(at_least "$svc" "$(f $s.b0 1)" 0.5)" ;;
    S5|S6) echo "≥ 1.5 × B2 | $(at_least "$svc" "$(f $s.b2 1)" 1.5)" ;;
    S7-0) echo "the reference of S7 2 % and 10 % | " ;;
    S7-2) echo "≥ 0.7 × S7 0 % (here $(ratio "$svc" "$ref")) | $(at_least "$svc" "$ref" 0.7)" ;;
    S7-10) echo "≥ 0.5 × S7 0 % (here $(ratio "$svc" "$ref")) | $(at_least "$svc" "$ref" 0.5)" ;;
    S7-2x2) echo "none; $(ratio "$svc" "$(f S7-2.svc 1)") × S7 2 % on one instance | " ;;
  esac
}
b0_label() {
  case $1 in S7-*|S8|S9) echo "B0 mix$(shared "$1" "$(b0_of "$1")")" ;; *) echo "B0 the job's statements$(shared "$1" "$(b0_of "$1")")" ;; esac
}
shared() { if [[ $1 != "$2" ]]; then echo " ($(short "$2")'s)"; fi; }   # shared <row> <baseline's row>
{
  echo "# Benchmark results, $STAMP UTC"
  echo
  echo "Commit \`$(cd "$ROOT_DIR" && git rev-parse --short HEAD)\`; $(nproc) CPU cores shared by the load generator, PostgreSQL"
  echo "and the service; $CONNECTIONS connections, $THREADS wrk threads, ${WARMUP} s warm-up (pgbench ${PG_WARMUP} s), ${DURATION} s measurement."
  echo "Latencies in ms; rps = requests (or pgbench transactions) per second. Ratios are service rps / baseline rps."
  if [[ -n "${BENCH_SERVICE_ENV:-}" ]]; then echo "The service ran with \`$BENCH_SERVICE_ENV\` (BENCH_SERVICE_ENV)."; fi
  echo
  echo "B0 is the limit of the job itself: the fewest statements that do each operation on today's tables"
  echo "(bench/pgbench/B0-*.sql; mixes weighted as the row's traffic), with the tables' user triggers off. B1 runs the"
  echo "statements the service issues; B2 and B3 (S1-S6) answer with a canned copy of the service's answer and a mock"
  echo "of the dialect's spec. Rows that share their statements share one baseline run (named in brackets)."
  echo
  echo "| scenario | target | rps | p50 | p99 | errors |"
  echo "|---|---|---:|---:|---:|---:|"
  for s in $ROWS; do
    echo "| ${NAME[$s]} | service | $(f $s.svc 1) | $(f $s.svc 2) | $(f $s.svc 3) | $(f $s.svc 4) |"
    echo "| | service at half its max (${R[$s.halfrate]:-}/s) | $(f $s.half 1) | $(f $s.half 2) | $(f $s.half 3) | $(f $s.half 4) |"
    echo "| | $(b0_label "$s") | $(f $s.b0 1) | $(f $s.b0 2) | $(f $s.b0 3) | $(f $s.b0 4) |"
    if [[ -n "$(b1_of "$s")" ]]; then
      echo "| | B1 pgbench$(shared "$s" "$(b1_of "$s")") | $(f $s.b1 1) | $(f $s.b1 2) | $(f $s.b1 3) | $(f $s.b1 4) |"
    fi
    if is_single "$s"; then
      echo "| | B2 WireMock | $(f $s.b2 1) | $(f $s.b2 2) | $(f $s.b2 3) | $(f $s.b2 4) |"
      echo "| | B3 Prism | $(f $s.b3 1) | $(f $s.b3 2) | $(f $s.b3 3) | $(f $s.b3 4) |"
    fi
  done
  echo
  echo "The goals: writes S1-S4 and the cold reads S5c, S6c ≥ 0.5 × B0; warm reads S5, S6 ≥ 1.5 × B2; S7 2 % ≥ 0.7 × and"
  echo "S7 10 % ≥ 0.5 × S7 0 % of the same run; S8, S9 ≥ 0.5 × their B0 mix; p99 at half the maximum rate ≤ 20 ms for all."
  echo
  echo "| scenario | service/B0 | service/B1 | service/B2 | service/B3 | goal | goal met | p99 at half max (≤ 20 ms) | p99 goal met |"
  echo "|---|---:|---:|---:|---:|---|---|---:|---|"
  for s in $ROWS; do
    svc=$(f $s.svc 1)
    echo "| $(short "$s") | $(ratio "$svc" "$(f $s.b0 1)") | $(ratio "$svc" "$(f $s.b1 1)") | $(ratio "$svc" "$(f $s.b2 1)") | $(ratio "$svc" "$(f $s.b3 1)") | $(goal "$s") | $(f $s.half 3) | $(at_most "$(f $s.half 3)" 20) |"
  done
  echo
  echo "Where the CPU goes, in CPU milliseconds per request (B0, B1: per transaction), measured from \`/proc\` over each"
  echo "maximum-rate run: the service process (both instances' in the two-instance run), PostgreSQL (all its processes)"
  echo "and the rest of the machine (the load generator, the kernel, anything else); busy is the machine's load in % of"
  echo "one core ($(nproc) cores = $(( $(nproc) * 100 )) %). A baseline shared by two rows is shown once."
  echo
  echo "| scenario | target | service | PostgreSQL | rest | total | busy % |"
  echo "|---|---|---:|---:|---:|---:|---:|"
  for s in $ROWS; do
    for t in svc b0 b1; do
      c=${R[$s.$t.cpu]:-}; [[ -n "$c" ]] || continue
      case $t in svc) label=service ;; b0) label=$(b0_label "$s") ;; b1) label="B1 pgbench" ;; esac
      echo "$c" | awk -v s="$(short "$s")" -v t="$label" \
        '{printf "| %s | %s | %s | %s | %s | %.2f | %s |\n", s, t, $1, $2, $3, $1 + $2 + $3, $4}'
    done
  done
  echo
  echo "The CPU budget of the goals against B0: at 0.5 × B0's rate the cores have this many CPU-ms per request;"
  echo "PostgreSQL and the rest take what they took per request in the service's run, and what is left is the service's"
  echo "share. A service above its share cannot reach the goal on these cores while the run is CPU-bound (busy near"
  echo "$(( $(nproc) * 100 )) %)."
  echo
  echo "| scenario | 0.5 × B0 (rps) | CPU-ms per request there | PostgreSQL + rest | left for the service | service used |"
  echo "|---|---:|---:|---:|---:|---:|"
  for s in $ROWS; do
    case $s in S1|S2|S3|S4|S5c|S6c|S8|S9) ;; *) continue ;; esac
    c=${R[$s.svc.cpu]:-}; b0=$(f $s.b0 1); [[ -n "$c" && -n "$b0" ]] || continue
    echo "$c" | awk -v s="$s" -v b0="$b0" -v cores="$(nproc)" '{
      if (b0 <= 0) exit; rate = 0.5 * b0; per = cores * 1000 / rate; others = $2 + $3
      printf "| %s | %.0f | %.2f | %.2f | %.2f | %s |\n", s, rate, per, others, per - others, $1 }'
  done
  echo
  echo "What else ran during the service's runs: its GC pauses (young, full, the longest in ms; both instances' in the"
  echo "two-instance run) and PostgreSQL's checkpoints and autovacuum/autoanalyze runs (counted when they end)."
  echo
  echo "| scenario | run | p99 | GC young | GC full | longest pause | checkpoints | autovacuums |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|"
  for s in $ROWS; do
    for t in svc half; do
      e=${R[$s.$t.events]:-}; [[ -n "$e" ]] || continue
      echo "| $(short "$s") | $([[ $t == svc ]] && echo maximum || echo half) | $(f $s.$t 3) | $(echo "$e" | awk '{printf "%s | %s | %s | %s | %s", $1, $2, $3, $4, $5}') |"
    done
  done
  echo
  echo "| measure | value | goal |"
  echo "|---|---:|---|"
  echo "| process start to \`/q/health/ready\` (external database, JVM; median of 3: ${starts[*]} ms) | $READY_MEDIAN ms | ≤ 2000 ms |"
  echo "| service resident memory after the runs (the one instance, its cache on) | $RSS_MB MB | ≤ 300 MB |"
  if [[ -n "${R[S1.big]:-}" ]]; then
    echo "| S1 p50 with $BIG_COUNT versions / small store | $(f S1.big 2) / $(f S1.svc 2) ms = $(ratio "$(f S1.big 2)" "$(f S1.svc 2)") | ≤ 1.3 |"
    echo "| S5 p50 with $BIG_COUNT versions / small store | $(f S5.big 2) / $(f S5.svc 2) ms = $(ratio "$(f S5.big 2)" "$(f S5.svc 2)") | ≤ 1.3 |"
  fi
  if [[ -n "${NATIVE_RSS_MB:-}" ]]; then
    echo
    echo "The native executable next to the JVM (same database, same data, a 96 MB heap limit each; CPU is the service's"
    echo "CPU-ms per request). Start to ready is from process start to \`/q/health/ready\`; a first start creates the"
    echo "schema in an empty database; a zero-configuration start runs with nothing configured in an empty directory"
    echo "and starts the embedded PostgreSQL, and its time without the binaries' unpacking (first time on a machine only)"
    echo "and PostgreSQL's own initdb is shown after the arrow."
    echo
    echo "| measure | JVM | native | native / JVM | goal (native) |"
    echo "|---|---:|---:|---:|---|"
    echo "| first start, empty schema, external database | $FIRST_MS ms | $NATIVE_FIRST_MS ms | $(ratio "$NATIVE_FIRST_MS" "$FIRST_MS") | |"
    echo "| restart, schema in place (median of 3; native: ${native_starts[*]} ms) | $READY_MEDIAN ms | $NATIVE_READY_MEDIAN ms | $(ratio "$NATIVE_READY_MEDIAN" "$READY_MEDIAN") | ≤ 100 ms |"
    read -r zj zj_unpack zj_init <<< "$ZERO_JVM"; read -r zn zn_unpack zn_init <<< "$ZERO_NATIVE"
    echo "| zero-configuration first start → without unpacking and initdb | $zj → $((zj - zj_unpack - zj_init)) ms | $zn → $((zn - zn_unpack - zn_init)) ms | $(ratio "$((zn - zn_unpack - zn_init))" "$((zj - zj_unpack - zj_init))") | ≤ 1000 ms |"
    for s in S1 S5 S7-2; do
      echo "| ${NAME[$s]}: rps (CPU) | $(f $s.svc 1) ($(echo "${R[$s.svc.cpu]:-}" | awk '{print $1}')) | $(f $s.nat 1) ($(echo "${R[$s.nat.cpu]:-}" | awk '{print $1}')) | $(ratio "$(f $s.nat 1)" "$(f $s.svc 1)") | $([[ $s == S7-2 ]] || echo '≥ 0.7 × JVM') |"
      echo "| ${NAME[$s]}: p50 / p99 ms | $(f $s.svc 2) / $(f $s.svc 3) | $(f $s.nat 2) / $(f $s.nat 3) | | |"
    done
    echo "| resident memory after its runs | $RSS_MB MB | $NATIVE_RSS_MB MB | $(ratio "$NATIVE_RSS_MB" "$RSS_MB") | ≤ 80 MB |"
  fi
  if [[ ${#STALLS[@]} -gt 0 ]]; then
    echo; echo "Service health after runs:"; echo
    for x in "${STALLS[@]}"; do echo "- $x"; done
  fi
  if [[ -n "${EXPLAIN_S5:-}" ]]; then
    echo; echo "Plans with the big store (S5 read by id, S1 workflow lookup):"; echo; echo '```'
    echo "$EXPLAIN_S5"; echo; echo "$EXPLAIN_S1"; echo '```'
  fi
  if [[ "$PROFILE" == 1 ]]; then
    echo; echo "## JFR profiles of the service (runs of their own after the measurements, at the maximum rate)"
    for s in $PROFILED; do
      [[ -f "$WORK/jfr/$s.jfr" ]] || continue
      echo; echo "### ${NAME[$s]}"; echo
      "$BENCH_DIR/lib/jfr-summary.sh" "$WORK/jfr/$s.jfr" 10
    done
  fi
} > "$REPORT"
cat "$REPORT"
log "report written to $REPORT"
