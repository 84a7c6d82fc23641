# Credentials and seed data, all through the service's own APIs; sourced by bench/run.sh.
# Writes the ids each scenario uses to $WORK/ids/*.txt and the tokens to $WORK/tokens.env.

B="http://127.0.0.1:$APP_PORT"
J='Content-Type: application/json'
SECMASTER_BASE="/v1/$PROJECT/workspaces/$WORKSPACE/soc/workflows"
S7_VERSIONS=5000     # SecMaster versions S7 reads, over the SEED_WORKFLOWS workflows
S8_VERSIONS_EACH=10  # published versions S8 reads of each FrankieOne definition and each Fortanix graph

create_credentials() {
  admin -o /dev/null -d '{"dialect":"secmaster","type":"password","username":"bench","secret":"bench-password","tenant":"'$PROJECT'","role":"admin"}' "$B/admin/v1/credentials"
  admin -o /dev/null -d '{"dialect":"fortanix","type":"password","username":"bench@fortanix.test","secret":"bench-password","tenant":"'$FORTANIX_ACCOUNT'","role":"admin"}' "$B/admin/v1/credentials"
  admin -o /dev/null -d '{"dialect":"frankieone","type":"api_key","secret":"'$FRANKIE_KEY'","tenant":"'$FRANKIE_CUSTOMER'","role":"admin"}' "$B/admin/v1/credentials"
  admin -o /dev/null -d '{"dialect":"patchworks","type":"api_key","secret":"'$PATCHWORKS_KEY'","tenant":"1","role":"admin"}' "$B/admin/v1/credentials"
}

login() {
  SECMASTER_TOKEN=$(curl -sfi -H "$J" -d '{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"bench","password":"bench-password","domain":{"name":"bench"}}}},"scope":{"project":{"id":"'$PROJECT'"}}}}' \
    "$B/v3/auth/tokens" | tr -d '\r' | awk 'tolower($1)=="x-subject-token:"{print $2}')
  FORTANIX_TOKEN=$(curl -sf -u bench@fortanix.test:bench-password -X POST "$B/v1/sys/auth" | jq -r .access_token)
  [[ -n "$SECMASTER_TOKEN" && -n "$FORTANIX_TOKEN" ]] || die "login failed"
  export SECMASTER_TOKEN FORTANIX_TOKEN
  export SECMASTER_BASE FRANKIE_KEY FRANKIE_CUSTOMER PATCHWORKS_KEY
}

sm() { curl -sf -H "X-Auth-Token: $SECMASTER_TOKEN" -H "$J" "$@"; }
fx() { curl -sf -H "Authorization: Bearer $FORTANIX_TOKEN" -H "$J" "$@"; }
fo() { curl -sf -H "api_key: $FRANKIE_KEY" -H "X-Frankie-CustomerID: $FRANKIE_CUSTOMER" -H "$J" "$@"; }
pw() { curl -sf -H "Authorization: $PATCHWORKS_KEY" -H "$J" "$@"; }

seed_data() {
  local ids="$WORK/ids" i
  rm -rf "$ids"; mkdir -p "$ids"
  local graph; graph=$(cat "$BENCH_DIR/payloads/fortanix-20-object-graph.json")
  for ((i = 1; i <= SEED_WORKFLOWS; i++)); do
    # S1 and S5: SecMaster workflows, each with one version created from the vendor's example body.
    local wf v
    wf=$(sm -d '{"name":"Bench '$i'","engine_type":"public_engine","aop_type":"NORMAL","dataclass_id":"dc-1","labels":"IP"}' "$B$SECMASTER_BASE" | jq -r .data.id)
    v=$(sm -d @"$BENCH_DIR/payloads/secmaster-create-version.json" "$B$SECMASTER_BASE/$wf/versions" | jq -r .data.id)
    echo "$wf" >> "$ids/secmaster-workflows.txt"; echo "$v" >> "$ids/secmaster-versions.txt"
    # S2: Fortanix final graphs holding the 20-object graph.
    fx -d '{"name":"Bench graph '$i'","description":"bench","contents":'"$graph"'}' "$B/v1/workflows/final/graphs" | jq -r .graph_id >> "$ids/fortanix-graphs.txt"
    # S3: FrankieOne definitions with one published version.
    fo -X PUT -d @"$BENCH_DIR/payloads/frankieone-definition.json" "$B/v2/workflowDefinitions/bench-definition-$i" > /dev/null
    echo "bench-definition-$i" >> "$ids/frankieone-definitions.txt"
    # S4: Patchworks flows with two versions, one Deployed and one Inactive; deploying either hands the state over.
    local f v1 v2
    f=$(pw -d '{"name":"Bench flow '$i'"}' "$B/api/v1/flows" | jq -r .data.id)
    v1=$(pw -X POST "$B/api/v1/flows/$f/versions" | jq -r .data.id)
    pw -X PUT -d '{"deployed_at":"2025-01-31T10:15:00Z"}' "$B/api/v1/flows/$f/versions/$v1" > /dev/null
    v2=$(pw -X POST "$B/api/v1/flows/$f/versions/$v1/copy" | jq -r .data.id)
    pw -X PUT -d '{"deployed_at":"2025-01-31T10:16:00Z"}' "$B/api/v1/flows/$f/versions/$v2" > /dev/null
    printf '%s %s\n%s %s\n' "$f" "$v1" "$f" "$v2" >> "$ids/patchworks-versions.txt"
  done
  # S6: one Patchworks flow with 1,000 versions: Deployed and Draft through the API, 998 Inactive copies of the
  # Deployed row by SQL (what 998 rounds of copy and deploy would leave, in a fraction of the time).
  local f v
  f=$(pw -d '{"name":"Bench long flow"}' "$B/api/v1/flows" | jq -r .data.id)
  v=$(pw -X POST "$B/api/v1/flows/$f/versions" | jq -r .data.id)
  pw -X PUT -d '{"deployed_at":"2025-01-31T10:15:00Z"}' "$B/api/v1/flows/$f/versions/$v" > /dev/null
  pw -X POST "$B/api/v1/flows/$f/versions/$v/copy" > /dev/null
  psql_bench -c "insert into workflow_version (workflow_id, public_id, state, content, attributes, created_at, created_by, updated_at, updated_by)
    select workflow_id, nextval('public_serial')::text, 'Inactive', content, attributes, created_at + n * interval '1 second', created_by, updated_at, updated_by
    from workflow_version, generate_series(1, 998) n where public_id = '$v'"
  echo "$f" > "$ids/patchworks-long-flow.txt"
  [[ $(wc -l < "$ids/patchworks-versions.txt") == $((2 * SEED_WORKFLOWS)) ]] || die "seeding failed"
  seed_s7_reads
  seed_s8_reads
}

# S7: SecMaster reads over S7_VERSIONS versions. Each seeded workflow's version (created through the API) is copied
# by SQL within its workflow, with new public ids, until the workflows hold S7_VERSIONS between them: what repeated
# creates of the same body would leave (a SecMaster version has no number and no exclusive state, so copies conflict
# with nothing), in a fraction of the time. All of them, in the bench project and workspace, go to an ids file of
# their own: S5 keeps reading its 50 versions and stays comparable with earlier runs.
seed_s7_reads() {
  local ids="$WORK/ids" copies=$(( (S7_VERSIONS + SEED_WORKFLOWS - 1) / SEED_WORKFLOWS - 1 ))
  psql_bench -c "insert into workflow_version (workflow_id, public_id, label, state, content, attributes, created_at, created_by, updated_at, updated_by)
    select v.workflow_id, gen_random_uuid()::text, v.label, v.state, v.content, v.attributes, v.created_at, v.created_by, v.updated_at, v.updated_by
    from workflow_version v, generate_series(1, $copies) n
    where v.public_id = any (string_to_array('$(paste -sd, "$ids/secmaster-versions.txt")', ',')) and v.number is null and v.exclusive_state is null" > /dev/null
  psql_bench -c "vacuum analyze workflow_version" > /dev/null
  psql_bench -At -c "select v.public_id from workflow_version v join workflow w on w.id = v.workflow_id
      where w.dialect = 'secmaster' and w.tenant = '$PROJECT' and w.sub_tenant = '$WORKSPACE' and w.kind = 'workflow'
      order by v.id" > "$ids/secmaster-versions-s7.txt"
  [[ $(wc -l < "$ids/secmaster-versions-s7.txt") -ge $S7_VERSIONS ]] || die "seeding S7's versions failed"
}

# S8: published versions 1 to S8_VERSIONS_EACH of each FrankieOne definition (S3's) and each Fortanix graph (S2's),
# through the API, since the number of each answer comes from the definition's or graph's counter: the first is
# there from seed_data, the rest are publishes (as S3) and final versions (as S2). The pairs S8 reads go to
# frankieone-published.txt and fortanix-published.txt ("key number"); one read of each checks the last number.
seed_s8_reads() {
  local ids="$WORK/ids" key n
  : > "$ids/frankieone-published.txt"; : > "$ids/fortanix-published.txt"
  while read -r key; do
    for ((n = 2; n <= S8_VERSIONS_EACH; n++)); do
      fo -X PUT -d @"$BENCH_DIR/payloads/frankieone-definition.json" "$B/v2/workflowDefinitions/$key" > /dev/null
    done
    for ((n = 1; n <= S8_VERSIONS_EACH; n++)); do echo "$key $n" >> "$ids/frankieone-published.txt"; done
  done < "$ids/frankieone-definitions.txt"
  while read -r key; do
    for ((n = 2; n <= S8_VERSIONS_EACH; n++)); do
      fx -d @"$BENCH_DIR/payloads/fortanix-20-object-graph.json" "$B/v1/workflows/final/graphs/$key" > /dev/null
    done
    for ((n = 1; n <= S8_VERSIONS_EACH; n++)); do echo "$key $n" >> "$ids/fortanix-published.txt"; done
  done < "$ids/fortanix-graphs.txt"
  read -r key n < <(tail -1 "$ids/frankieone-published.txt")
  fo -o /dev/null "$B/v2/workflowDefinitions/$key?version=$n" || die "seeding S8: FrankieOne $key version $n does not read"
  read -r key n < <(tail -1 "$ids/fortanix-published.txt")
  fx -o /dev/null "$B/v1/workflows/final/graphs/$key/$n" || die "seeding S8: Fortanix $key version $n does not read"
}
