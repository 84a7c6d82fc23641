#!/usr/bin/env bash
# Snapshot restore of one tenant with 10,000 versions (issue: "well under a second"), against the database's own cost
# for the same job. Starts PostgreSQL and the service like bench/run.sh, makes one SecMaster version through the API
# (the vendor's example body) and 9,999 more like it in 50 workflows with SQL, snapshots the tenant, then restores it
# BENCH_RESTORES times (default 10) and reports the medians. Another tenant's 10,000 versions sit next to it, untouched.
#
# B0 is what PostgreSQL needs for the job itself: in one transaction, delete the tenant's workflows (their versions go
# with them) and insert the same rows back from plain copy tables, with the tables' user triggers off.
# Writes a Markdown report to bench/results/<stamp>-snapshot.md.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$BENCH_DIR/lib/seed.sh"
source "$BENCH_DIR/lib/pgbench.sh"

RESTORES=${BENCH_RESTORES:-10}
VERSIONS=10000
WORKFLOWS=50
STAMP=$(date -u +%Y-%m-%d-%H%M)
REPORT="$BENCH_DIR/results/$STAMP-snapshot.md"
APP_PID=
trap 'stop_process "$APP_PID"; stop_pg' EXIT

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
max() { sort -n | tail -1; }

ensure_tools
ensure_build
start_pg
start_service
create_credentials
login

# One version through the API, then as many as VERSIONS in WORKFLOWS workflows, for this tenant and for another.
wf=$(sm -d '{"name":"Snapshot bench","engine_type":"public_engine","aop_type":"NORMAL","dataclass_id":"dc-1","labels":"IP"}' "$B$SECMASTER_BASE" | jq -r .data.id)
sm -o /dev/null -d @"$BENCH_DIR/payloads/secmaster-create-version.json" "$B$SECMASTER_BASE/$wf/versions"
log "seeding $VERSIONS versions in $WORKFLOWS workflows of two tenants"
for tenant in "$PROJECT" other-project; do
  psql_bench -v tenant="$tenant" <<'SQL'
insert into workflow (dialect, tenant, kind, external_key, name, version_counter, created_at, updated_at)
select 'secmaster', :'tenant', kind, external_key || '-' || :'tenant' || '-' || g, name, 200, created_at, updated_at
from workflow, generate_series(1, 50) g where dialect = 'secmaster' and name = 'Snapshot bench';
insert into workflow_version (workflow_id, public_id, number, state, content, attributes, created_at, updated_at)
select w.id, md5(random()::text || w.id || '-' || g), g, 'not_activated', v.content, v.attributes, v.created_at, v.updated_at
from workflow w cross join generate_series(1, 200) g
cross join (select content, attributes, created_at, updated_at from workflow_version order by id limit 1) v
where w.tenant = :'tenant' and w.external_key like '%-' || :'tenant' || '-%';
SQL
done
versions=$(psql_bench -At -c "select count(*) from workflow_version v join workflow w on w.id = v.workflow_id where w.tenant = '$PROJECT'")
bytes=$(psql_bench -At -c "select pg_size_pretty(sum(pg_column_size(v.*))) from workflow_version v join workflow w on w.id = v.workflow_id where w.tenant = '$PROJECT'")
log "the tenant has $versions versions ($bytes)"

t0=$(date +%s%N)
snapshot=$(admin -d '{"dialect":"secmaster","tenant":"'$PROJECT'"}' "$B/admin/v1/snapshots" | jq -r .id)
snapshot_ms=$(( ($(date +%s%N) - t0) / 1000000 ))

restore_ms=()
for ((i = 1; i <= RESTORES; i++)); do
  # Something to undo each time: a version deleted, and one workflow renamed.
  psql_bench -c "delete from workflow_version where id = (select max(v.id) from workflow_version v join workflow w on w.id = v.workflow_id where w.tenant = '$PROJECT')"
  ms=$(admin -o /dev/null -w '%{time_total}' -X POST "$B/admin/v1/snapshots/$snapshot/restore" | awk '{printf "%d", $1 * 1000}')
  restore_ms+=("$ms")
done
[[ $(psql_bench -At -c "select count(*) from workflow_version v join workflow w on w.id = v.workflow_id where w.tenant = '$PROJECT'") == "$versions" ]] \
  || die "a restore did not bring back $versions versions"

# The profile: one more restore with every statement's duration in the server's log, summed by statement.
as_postgres_sql() { as_pg "$PG_BIN/psql" -X -q -h "$PG_SOCKET" -p "$PG_PORT" -U postgres -d bench "$@" > /dev/null; }
as_postgres_sql -c "alter system set log_min_duration_statement = 0" -c "select pg_reload_conf()"
sleep 0.5
log_from=$(( $(wc -l < "$PGDATA/postgres.log") + 1 ))
profile_ms=$(admin -o /dev/null -w '%{time_total}' -X POST "$B/admin/v1/snapshots/$snapshot/restore" | awk '{printf "%d", $1 * 1000}')
as_postgres_sql -c "alter system reset log_min_duration_statement" -c "select pg_reload_conf()"
profile=$(tail -n +"$log_from" "$PGDATA/postgres.log" | sed -n 's/.*duration: \([0-9.]*\) ms *\(parse\|bind\|execute\|statement\)[^:]*: *\(.*\)/\1\t\3/p' \
  | awk -F'\t' '{key = substr($2, 1, 110); t[key] += $1; total += $1} END {for (k in t) printf "| %.1f | `%s` |\n", t[k], k; printf "| %.1f | all statements |\n", total}' \
  | sort -t'|' -k2 -rn)

# B0: the same delete and insert, straight from copy tables, in one transaction.
psql_bench <<SQL
create table b0_workflow as select w.* from workflow w where w.tenant = '$PROJECT';
create table b0_version as select v.* from workflow_version v join workflow w on w.id = v.workflow_id where w.tenant = '$PROJECT';
SQL
b0_ms=()
b0_triggers disable
for ((i = 1; i <= RESTORES; i++)); do
  ms=$(psql_bench -At <<SQL | awk '/^Time:/ {t += $2} END {printf "%d", t}'
\timing on
begin;
delete from workflow where tenant = '$PROJECT' and dialect = 'secmaster';
insert into workflow overriding system value select * from b0_workflow;
insert into workflow_version overriding system value select * from b0_version;
commit;
SQL
)
  b0_ms+=("$ms")
done
b0_triggers enable

svc=$(printf '%s\n' "${restore_ms[@]}" | median); svc_max=$(printf '%s\n' "${restore_ms[@]}" | max)
b0=$(printf '%s\n' "${b0_ms[@]}" | median)
ratio=$(awk -v s="$svc" -v b="$b0" 'BEGIN {printf "%.2f", (b > 0 ? s / b : 0)}')
{
  echo "# Snapshot restore, $STAMP"
  echo
  echo "One SecMaster tenant with $versions versions ($bytes) in $((WORKFLOWS + 1)) workflows, next to another tenant"
  echo "with as many; $RESTORES restores, each after one version was deleted. PostgreSQL 15, one 2-core machine."
  echo
  echo "| measure | median ms | max ms |"
  echo "|---|---|---|"
  echo "| snapshot of the tenant (once) | $snapshot_ms | |"
  echo "| service: restore (POST /admin/v1/snapshots/{id}/restore) | $svc | $svc_max |"
  echo "| B0: delete and insert from copy tables, one transaction, no triggers | $b0 | |"
  echo
  echo "svc/B0 time: $ratio × (the restore's time over what the database needs for the job)."
  echo
  echo "Restores (ms): ${restore_ms[*]}; B0 (ms): ${b0_ms[*]}."
  echo
  echo "Profile of one more restore ($profile_ms ms at the client): the server's time per statement (parse, bind and"
  echo "execute summed), from its log."
  echo
  echo "| ms | statement (first 110 characters) |"
  echo "|---|---|"
  echo "$profile"
} > "$REPORT"
cat "$REPORT"
