#!/usr/bin/env bash
# The benchmark harness: builds the service if needed, starts PostgreSQL and the service, seeds data, runs the six
# scenarios with wrk against the service and its baselines (B1 pgbench, B2 WireMock, B3 Prism), and writes a
# Markdown report to bench/results/. See bench/NOTES.md for the method.
#
# Settings (environment): BENCH_QUICK=1 (smoke check: short runs, small big-store), BENCH_WARMUP / BENCH_PG_WARMUP / BENCH_DURATION
# (seconds), BENCH_CONNECTIONS (32), BENCH_THREADS (2), BENCH_SCENARIOS ("S1 S2 S3 S4 S5 S6"), BENCH_PROFILE=0 (no
# JFR recordings), BENCH_BIG=0 (skip the one-million-versions store), BENCH_NATIVE=0 (skip the native executable),
# BENCH_NATIVE_OPTS (options of the native executable), BENCH_WRITE_PERCENT (S7's share of creates, default 2), BENCH_*_PORT.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$BENCH_DIR/lib/seed.sh"
source "$BENCH_DIR/lib/pgbench.sh"
source "$BENCH_DIR/lib/mocks.sh"

SCENARIOS=${BENCH_SCENARIOS:-S1 S2 S3 S4 S5 S6}
for s in $SCENARIOS; do
  # S7 runs only in the native section (JVM against native), which has no B1 for it; refused before anything starts.
  [[ " S1 S2 S3 S4 S5 S6 " == *" $s "* ]] || { echo "BENCH_SCENARIOS: $s is not one of S1-S6 (S7 runs with the native executable)" >&2; exit 2; }
done
PROFILE=${BENCH_PROFILE:-1}
BIG=${BENCH_BIG:-1}
NATIVE=${BENCH_NATIVE:-1}
STAMP=$(date -u +%Y-%m-%d-%H%M)
RESULTS="$BENCH_DIR/results"; mkdir -p "$RESULTS"
REPORT="$RESULTS/$STAMP.md"
[[ "${BENCH_QUICK:-0}" == 1 ]] && REPORT="$WORK/quick-$STAMP.md"
APP_PID= WIREMOCK_PID= PRISM_PID=

cleanup() {
  stop_prism; stop_process "$WIREMOCK_PID"; stop_process "$APP_PID"; stop_pg
}
trap cleanup EXIT

declare -A NAME=([S1]="S1 SecMaster create a version (vendor example body)" [S2]="S2 Fortanix create a version (20-object graph)"
  [S3]="S3 FrankieOne publish a definition" [S4]="S4 Patchworks deploy a version" [S5]="S5 SecMaster read one version by id"
  [S6]="S6 Patchworks first page of 1,000 versions" [S7]="S7 SecMaster reads by id with ${BENCH_WRITE_PERCENT:-2} % creates")
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

# run_scenario <scenario> <port> <seconds> [rate]: the scenario's wrk script; S4 first sets which version of each
# flow is deployed (its script alternates the two).
run_scenario() {
  local s=$1; shift
  if [[ $s == S4 ]]; then write_deploy_state; fi
  run_wrk "${s,}" "$@"
}

check_service() {
  local s=$1 idle
  sleep 3   # requests cut off at the end of the run may still be finishing
  idle=$(psql_bench -At -c "select count(*) from pg_stat_activity where datname = 'bench' and state like 'idle in transaction%'")
  if ! curl -sf -m 5 -o /dev/null -H "Authorization: $PATCHWORKS_KEY" "http://127.0.0.1:$APP_PORT/api/v1/flows?per_page=1" \
      || [[ "$idle" != 0 ]]; then
    STALLS+=("$s: after a run the service had $idle database sessions idle in a transaction, or an API read did not answer within 5 s; restarted")
    log "WARNING: ${STALLS[-1]}"
    stop_process "$APP_PID"; start_service; login
    run_scenario "$s" "$APP_PORT" "$WARMUP" > /dev/null
    sleep 3
    if ! curl -sf -m 5 -o /dev/null -H "Authorization: $PATCHWORKS_KEY" "http://127.0.0.1:$APP_PORT/api/v1/flows?per_page=1"; then
      stop_process "$APP_PID"; start_service; login
    fi
  fi
}

measure() {  # measure <scenario> <target: svc|b2|b3> <port>
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

# Every scenario once before any is measured: the first one measured would otherwise also pay for compiling the code
# all scenarios share (S2 measured first: 348 rps; after S1: 479).
log "warming the service up with every scenario"
for s in $SCENARIOS; do
  [[ $s == S2 ]] && login
  run_scenario "$s" "$APP_PORT" "$WARMUP" > /dev/null
done

for s in $SCENARIOS; do
  log "${NAME[$s]}"
  # The service: warm-up, maximum rate, then a fixed rate of half that maximum for the p99 goal.
  [[ $s == S2 ]] && login   # a fresh Fortanix session for each run
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
  # B1: the same statements straight to PostgreSQL.
  [[ $s == S2 ]] && login
  run_pgbench "$s" "$PG_WARMUP" > /dev/null
  settle_database
  cpu_mark
  R[$s.b1]=$(run_pgbench "$s" "$DURATION")
  R[$s.b1.cpu]=$(cpu_since "${R[$s.b1]%% *}" "$DURATION")
  log "$s b1: ${R[$s.b1]} (CPU ms per transaction: service, PostgreSQL, rest; busy %: ${R[$s.b1.cpu]})"
  # B2 and B3.
  measure "$s" b2 "$WIREMOCK_PORT"
  start_prism "$(spec_of "$s")"
  measure "$s" b3 "$PRISM_PORT"
  stop_prism
done

RSS_MB=$(rss_mb "$APP_PID")
log "service resident memory after the runs: $RSS_MB MB"

# The native executable next to the JVM, on the same database and data: start to ready (a first start that creates
# the schema, restarts, and a newcomer's start with nothing configured), then S1, S5 and the mixed S7 on both, and
# the native executable's resident memory after its runs.
if [[ "$NATIVE" == 1 ]]; then
  log "${NAME[S7]} on the JVM"
  run_scenario S7 "$APP_PORT" "$WARMUP" > /dev/null
  measure S7 svc "$APP_PORT"
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
  for s in S1 S5 S7; do run_scenario "$s" "$APP_PORT" "$WARMUP" > /dev/null; done
  for s in S1 S5 S7; do
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
if [[ "$PROFILE" == 1 ]]; then
  for s in $SCENARIOS; do
    log "recording a JFR profile of $s"
    [[ $s == S2 ]] && login
    if [[ $s == S4 ]]; then write_deploy_state; fi
    jcmd "$APP_PID" JFR.start name="$s" settings=profile > /dev/null
    run_wrk "${s,}" "$APP_PORT" "$DURATION" > /dev/null
    jcmd "$APP_PID" JFR.stop name="$s" filename="$WORK/jfr/$s.jfr" > /dev/null
  done
fi

# ---- The report ----
f() { echo "${R[$1]:-}" | awk -v i="$2" '{print $i}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
{
  echo "# Benchmark results, $STAMP UTC"
  echo
  echo "Commit \`$(cd "$ROOT_DIR" && git rev-parse --short HEAD)\`; $(nproc) CPU cores shared by the load generator, PostgreSQL"
  echo "and the service; $CONNECTIONS connections, $THREADS wrk threads, ${WARMUP} s warm-up (pgbench ${PG_WARMUP} s), ${DURATION} s measurement."
  echo "Latencies in ms; rps = requests (or pgbench transactions) per second. Ratios are service rps / baseline rps."
  echo
  echo "| scenario | target | rps | p50 | p99 | errors |"
  echo "|---|---|---:|---:|---:|---:|"
  for s in $SCENARIOS; do
    echo "| ${NAME[$s]} | service | $(f $s.svc 1) | $(f $s.svc 2) | $(f $s.svc 3) | $(f $s.svc 4) |"
    echo "| | service at half its max ($(echo "${R[$s.halfrate]}")/s) | $(f $s.half 1) | $(f $s.half 2) | $(f $s.half 3) | $(f $s.half 4) |"
    echo "| | B1 pgbench | $(f $s.b1 1) | $(f $s.b1 2) | $(f $s.b1 3) | $(f $s.b1 4) |"
    echo "| | B2 WireMock | $(f $s.b2 1) | $(f $s.b2 2) | $(f $s.b2 3) | $(f $s.b2 4) |"
    echo "| | B3 Prism | $(f $s.b3 1) | $(f $s.b3 2) | $(f $s.b3 3) | $(f $s.b3 4) |"
  done
  echo
  echo "| scenario | service/B1 | service/B2 | service/B3 | goal | p99 at half max (goal ≤ 20 ms) |"
  echo "|---|---:|---:|---:|---|---:|"
  for s in $SCENARIOS; do
    svc=$(f $s.svc 1)
    case $s in S5|S6) goal="≥ 0.5 × B1, ≥ 1.0 × B2, ≥ 3 × B3" ;; *) goal="≥ 0.8 × B1, ≥ 2 × B3" ;; esac
    echo "| $s | $(ratio "$svc" "$(f $s.b1 1)") | $(ratio "$svc" "$(f $s.b2 1)") | $(ratio "$svc" "$(f $s.b3 1)") | $goal | $(f $s.half 3) |"
  done
  echo
  echo "Where the CPU goes, in CPU milliseconds per request (B1: per transaction), measured from \`/proc\` over each"
  echo "maximum-rate run: the service process, PostgreSQL (all its processes) and the rest of the machine (the load"
  echo "generator, the kernel, anything else); busy is the machine's load in % of one core ($(nproc) cores = $(( $(nproc) * 100 )) %)."
  echo
  echo "| scenario | target | service | PostgreSQL | rest | total | busy % |"
  echo "|---|---|---:|---:|---:|---:|---:|"
  for s in $SCENARIOS; do
    for t in svc b1; do
      c=${R[$s.$t.cpu]:-}; [[ -n "$c" ]] || continue
      echo "$c" | awk -v s="$s" -v t="$([[ $t == svc ]] && echo service || echo 'B1 pgbench')" \
        '{printf "| %s | %s | %s | %s | %s | %.2f | %s |\n", s, t, $1, $2, $3, $1 + $2 + $3, $4}'
    done
  done
  echo
  echo "The CPU budget of the write goal: at 0.8 × B1's rate the cores have this many CPU-ms per request; PostgreSQL"
  echo "and the rest take what they took per request in the service's run, and what is left is the service's share."
  echo "A service above its share cannot reach the goal on these cores while the run is CPU-bound (busy near 200 %)."
  echo
  echo "| scenario | 0.8 × B1 (rps) | CPU-ms per request there | PostgreSQL + rest | left for the service | service used |"
  echo "|---|---:|---:|---:|---:|---:|"
  for s in $SCENARIOS; do
    case $s in S5|S6) continue ;; esac
    c=${R[$s.svc.cpu]:-}; b1=$(f $s.b1 1); [[ -n "$c" && -n "$b1" ]] || continue
    echo "$c" | awk -v s="$s" -v b1="$b1" -v cores="$(nproc)" '{
      if (b1 <= 0) exit; rate = 0.8 * b1; per = cores * 1000 / rate; others = $2 + $3
      printf "| %s | %.0f | %.2f | %.2f | %.2f | %s |\n", s, rate, per, others, per - others, $1 }'
  done
  echo
  echo "What else ran during the service's runs: its GC pauses (young, full, the longest in ms) and PostgreSQL's"
  echo "checkpoints and autovacuum/autoanalyze runs (counted when they end)."
  echo
  echo "| scenario | run | p99 | GC young | GC full | longest pause | checkpoints | autovacuums |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|"
  for s in $SCENARIOS; do
    for t in svc half; do
      e=${R[$s.$t.events]:-}; [[ -n "$e" ]] || continue
      echo "| $s | $([[ $t == svc ]] && echo maximum || echo half) | $(f $s.$t 3) | $(echo "$e" | awk '{printf "%s | %s | %s | %s | %s", $1, $2, $3, $4, $5}') |"
    done
  done
  echo
  echo "| measure | value | goal |"
  echo "|---|---:|---|"
  echo "| process start to \`/q/health/ready\` (external database, JVM; median of 3: ${starts[*]} ms) | $READY_MEDIAN ms | ≤ 2000 ms |"
  echo "| service resident memory after the runs | $RSS_MB MB | ≤ 300 MB |"
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
    for s in S1 S5 S7; do
      echo "| ${NAME[$s]}: rps (CPU) | $(f $s.svc 1) ($(echo "${R[$s.svc.cpu]:-}" | awk '{print $1}')) | $(f $s.nat 1) ($(echo "${R[$s.nat.cpu]:-}" | awk '{print $1}')) | $(ratio "$(f $s.nat 1)" "$(f $s.svc 1)") | $([[ $s == S7 ]] || echo '≥ 0.7 × JVM') |"
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
    for s in $SCENARIOS; do
      [[ -f "$WORK/jfr/$s.jfr" ]] || continue
      echo; echo "### ${NAME[$s]}"; echo
      "$BENCH_DIR/lib/jfr-summary.sh" "$WORK/jfr/$s.jfr" 10
    done
  fi
} > "$REPORT"
cat "$REPORT"
log "report written to $REPORT"
