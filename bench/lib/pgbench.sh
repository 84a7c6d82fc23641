# B1, the database limit: pgbench -M prepared running the statements each scenario issues (bench/pgbench/S*.sql),
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
  local tps failed
  tps=$(awk '/^tps = /{print $3; exit}' "$logdir/summary.txt")
  failed=$(awk '/number of failed transactions/{print $5; exit}' "$logdir/summary.txt")
  # Column 3 of the transaction log is the latency in microseconds.
  cat "$logdir"/tx.* | awk '{print $3}' | sort -n | awk -v tps="$tps" -v failed="${failed:-0}" \
    '{a[NR]=$1} END {printf "%.0f %.2f %.2f %s\n", tps, a[int(NR*0.5)]/1000, a[int(NR*0.99)]/1000, failed}'
}
