# B0, the limit of the job itself: pgbench -M prepared running the fewest statements that do each operation on
# today's tables (bench/pgbench/B0-*.sql), with the tables' user triggers off; weighted mixes of them for the mixed
# scenarios. B1, the database limit of the service's way: the statements each scenario issues (bench/pgbench/S*.sql),
# with the same transaction shape, payload and client count. Sourced by bench/run.sh.

# bench_key maps 1..n to the keys the HTTP scenarios pick from, so that a script can pick the same rows at random.
load_bench_keys() {
  local ids="$WORK/ids" tmp="$WORK/bench_key.tsv"
  : > "$tmp"
  awk '{print "S1\t" NR "\t" $1 "\t\\N\t\\N"}' "$ids/secmaster-workflows.txt" >> "$tmp"
  awk '{print "S2\t" NR "\t" $1 "\t\\N\t\\N"}' "$ids/fortanix-graphs.txt" >> "$tmp"
  awk '{print "S3\t" NR "\t" $1 "\t\\N\t\\N"}' "$ids/frankieone-definitions.txt" >> "$tmp"
  paste -d' ' - - < "$ids/patchworks-versions.txt" | awk '{print "S4\t" NR "\t" $1 "\t" $2 "\t" $4}' >> "$tmp"
  awk '{print "S5\t" NR "\t" $1 "\t\\N\t\\N"}' "$ids/secmaster-versions.txt" >> "$tmp"
  awk '{print "S6\t" NR "\t" $1 "\t\\N\t\\N"}' "$ids/patchworks-long-flow.txt" >> "$tmp"
  awk '{print "S7\t" NR "\t" $1 "\t\\N\t\\N"}' "$ids/secmaster-versions-s7.txt" >> "$tmp"
  # S8: (definition, version number) and (graph, version number) pairs.
  awk '{print "S8fo\t" NR "\t" $1 "\t" $2 "\t\\N"}' "$ids/frankieone-published.txt" >> "$tmp"
  awk '{print "S8fx\t" NR "\t" $1 "\t" $2 "\t\\N"}' "$ids/fortanix-published.txt" >> "$tmp"
  psql_bench -c "drop table if exists bench_key" \
    -c "create table bench_key (scenario text, n int, k1 text, k2 text, k3 text, primary key (scenario, n))" \
    -c "\\copy bench_key from '$tmp'"
}

# The variables each script needs (into PGB_VARS): the same credential, tenant and payloads the HTTP requests use.
pgbench_vars() {
  local s=$1 dir="$BENCH_DIR/pgbench"
  local sm_cred fx_session fo_hash pw_hash
  case $s in
    S1|S5)
      sm_cred=$(psql_bench -At -c "select id from credential where dialect='secmaster' and username='bench'")
      PGB_VARS=(-D cred="$sm_cred" -D dialect=secmaster -D tenant="$PROJECT" -D subtenant="$WORKSPACE")
      if [[ $s == S1 ]]; then PGB_VARS+=(-D "attributes=$(cat "$dir/S1.attributes.json")" -D "content=$(cat "$dir/S1.content.json")"); fi
      ;;
    S2)
      fx_session=$(psql_bench -At -c "select id from fortanix_session order by created_at desc limit 1")
      sm_cred=$(psql_bench -At -c "select id from credential where dialect='fortanix'")
      PGB_VARS=(-D session="$fx_session" -D cred="$sm_cred" -D dialect=fortanix -D tenant="$FORTANIX_ACCOUNT"
        -D "content=$(cat "$dir/S2.content.json")")
      ;;
    S3)
      fo_hash=$(psql_bench -At -c "select secret_hash from credential where dialect='frankieone'")
      PGB_VARS=(-D keyhash="$fo_hash" -D dialect=frankieone -D tenant="$FRANKIE_CUSTOMER"
        -D "content=$(cat "$dir/S3.content.json")")
      ;;
    S4|S6)
      pw_hash=$(psql_bench -At -c "select secret_hash from credential where dialect='patchworks'")
      PGB_VARS=(-D keyhash="$pw_hash" -D dialect=patchworks -D tenant=1)
      ;;
  esac
}

# Runs one scenario's script; prints "rps p50_ms p99_ms failed" from the per-transaction log.
run_pgbench() {
  local s=$1 seconds=$2 rate=${3:-}
  local seeded; seeded=$(psql_bench -At -c "select count(*) from bench_key where scenario='$s'")
  local logdir="$WORK/pgbench-log/$s"; rm -rf "$logdir"; mkdir -p "$logdir"
  pgbench_vars "$s"
  local extra=(); [[ -n "$rate" ]] && extra=(--rate "$rate")
  (cd "$logdir" && pgbench -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$seconds" -D seeded="$seeded" \
    "${PGB_VARS[@]}" "${extra[@]}" -l --log-prefix=tx -f "$BENCH_DIR/pgbench/$s.sql" > summary.txt 2> errors.txt) \
    || { cat "$logdir/errors.txt" >&2; die "pgbench $s failed"; }
  pgbench_result "$logdir"
}

# pgbench_result <log dir>: "rps p50_ms p99_ms failed" from a run's summary and per-transaction log (all scripts of
# a mix together).
pgbench_result() {
  local logdir=$1 tps failed
  tps=$(awk '/^tps = /{print $3; exit}' "$logdir/summary.txt")
  failed=$(awk '/number of failed transactions/{print $5; exit}' "$logdir/summary.txt")
  # Column 3 of the transaction log is the latency in microseconds.
  cat "$logdir"/tx.* | awk '{print $3}' | sort -n | awk -v tps="$tps" -v failed="${failed:-0}" \
    '{a[NR]=$1} END {printf "%.0f %.2f %.2f %s\n", tps, a[int(NR*0.5)]/1000, a[int(NR*0.99)]/1000, failed}'
}

# b0_mix <row>: the B0 scripts of a measured row (B0_FILES, pgbench -f arguments, weighted as the row's traffic is)
# and the key set its reads pick from (B0_READS). A weight is a share of transactions, as a share of requests is
# in the wrk scripts: S7's reads are S5's over S7's 5,000 versions with 0, 2 or 10 % S1 creates; S8 is half
# FrankieOne and half Fortanix reads with 5 % publishes split the same way; S9 is S6 with 5 % S4 deploys.
b0_mix() {
  local d="$BENCH_DIR/pgbench"
  B0_READS=S5
  case $1 in
    S1|S2|S3|S4) B0_FILES=(-f "$d/B0-$1.sql") ;;
    S5|S5c) B0_FILES=(-f "$d/B0-S5.sql") ;;
    S6|S6c) B0_FILES=(-f "$d/B0-S6.sql") ;;
    S7-0) B0_READS=S7; B0_FILES=(-f "$d/B0-S5.sql") ;;
    S7-2|S7-2x2) B0_READS=S7; B0_FILES=(-f "$d/B0-S5.sql@98" -f "$d/B0-S1.sql@2") ;;
    S7-10) B0_READS=S7; B0_FILES=(-f "$d/B0-S5.sql@90" -f "$d/B0-S1.sql@10") ;;
    S8) B0_FILES=(-f "$d/B0-S8-frankieone.sql@475" -f "$d/B0-S8-fortanix.sql@475" -f "$d/B0-S3.sql@25" -f "$d/B0-S2.sql@25") ;;
    S9) B0_FILES=(-f "$d/B0-S6.sql@95" -f "$d/B0-S4.sql@5") ;;
    *) die "no B0 for $1" ;;
  esac
}

# b0_writes <row>: whether the row's B0 mix writes (then b0_announce runs after it).
b0_writes() {
  case $1 in S5|S5c|S6|S6c|S7-0) return 1 ;; *) return 0 ;; esac
}

# The variables of every B0 script at once (into B0_VARS), since pgbench's -D applies to all scripts of a mix: each
# dialect's tenant under a name of its own, the payloads B1 sends, and n_<key set> the size of each bench_key set
# (n_reads: the set B0_READS names).
b0_vars() {
  local d="$BENCH_DIR/pgbench" key n
  B0_VARS=(-D sm_tenant="$PROJECT" -D sm_subtenant="$WORKSPACE" -D fx_tenant="$FORTANIX_ACCOUNT"
    -D fo_tenant="$FRANKIE_CUSTOMER" -D pw_tenant=1 -D reads="$B0_READS"
    -D "sm_content=$(cat "$d/S1.content.json")" -D "sm_attributes=$(cat "$d/S1.attributes.json")"
    -D "fx_content=$(cat "$d/S2.content.json")" -D "fo_content=$(cat "$d/S3.content.json")")
  while read -r key n; do
    B0_VARS+=(-D "n_$key=$n")
    if [[ $key == "$B0_READS" ]]; then B0_VARS+=(-D "n_reads=$n"); fi
  done < <(psql_bench -At -F' ' -c "select scenario, count(*) from bench_key group by scenario")
}

# b0_triggers enable|disable: the user triggers of the two version tables. The change log rows they write are how
# the service keeps every instance's read cache right, a mechanism of the service and no part of the job. Flyway
# creates the tables as the service's database user, bench, so bench owns them and may switch their triggers.
# "user" leaves out the foreign keys' internal triggers: foreign keys stay checked.
b0_triggers() {
  psql_bench -c "alter table workflow $1 trigger user" -c "alter table workflow_version $1 trigger user" > /dev/null
}

# b0_announce: after a B0 run that wrote, with the triggers on again, a no-op update of the rows B0 may have changed
# under the running service (the seeded workflows' counters and the S4 flows' deployed versions), so that the
# service's own triggers tell its read cache; otherwise a later run could be answered from reads B0 made stale.
# B0's new versions need nothing: nothing has read them.
b0_announce() {
  psql_bench -c "update workflow w set updated_at = w.updated_at from bench_key k
      where k.scenario in ('S1', 'S2', 'S3', 'S4') and w.external_key = k.k1" \
    -c "update workflow_version v set updated_at = v.updated_at from bench_key k
      where k.scenario = 'S4' and v.public_id in (k.k2, k.k3)" > /dev/null
}

# run_b0 <row> <seconds>: the row's B0 mix through pgbench, with the triggers as the caller set them; prints
# "rps p50_ms p99_ms failed" like run_pgbench. It answers non-zero instead of stopping the run when pgbench fails,
# so that the caller can switch the triggers back on first.
run_b0() {
  local s=$1 seconds=$2 logdir="$WORK/pgbench-log/B0-$1"
  rm -rf "$logdir"; mkdir -p "$logdir"
  b0_mix "$s"; b0_vars
  if ! (cd "$logdir" && pgbench -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$seconds" "${B0_VARS[@]}" \
      -l --log-prefix=tx "${B0_FILES[@]}" > summary.txt 2> errors.txt); then
    cat "$logdir/errors.txt" >&2; return 1
  fi
  pgbench_result "$logdir"
}
