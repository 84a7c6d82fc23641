# Credentials and seed data, all through the service's own APIs; sourced by bench/run.sh.
# Writes the ids each scenario uses to $WORK/ids/*.txt and the tokens to $WORK/tokens.env.

B="http://127.0.0.1:$APP_PORT"
J='Content-Type: application/json'
SECMASTER_BASE="/v1/$PROJECT/workspaces/$WORKSPACE/soc/workflows"

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
}
