# B2 (WireMock answering each scenario's route with a canned copy of the service's own response) and B3 (Prism
# mocking the dialect's spec). Sourced by bench/run.sh.

# One real request per scenario; its response body becomes WireMock's canned answer.
capture_responses() {
  local dir="$WORK/wiremock"
  rm -rf "$dir"; mkdir -p "$dir/mappings" "$dir/__files"
  cp "$BENCH_DIR"/wiremock/S*.json "$dir/mappings/"
  local wf g d f v1 v2 v lf
  wf=$(head -1 "$WORK/ids/secmaster-workflows.txt"); v=$(head -1 "$WORK/ids/secmaster-versions.txt")
  g=$(head -1 "$WORK/ids/fortanix-graphs.txt"); d=$(head -1 "$WORK/ids/frankieone-definitions.txt")
  read -r f v1 v2 < "$WORK/ids/patchworks-deploy-state.txt"; lf=$(cat "$WORK/ids/patchworks-long-flow.txt")
  sm -d @"$BENCH_DIR/payloads/secmaster-create-version.json" "$B$SECMASTER_BASE/$wf/versions" > "$dir/__files/S1.json"
  fx -d @"$BENCH_DIR/payloads/fortanix-20-object-graph.json" "$B/v1/workflows/final/graphs/$g" > "$dir/__files/S2.json"
  fo -X PUT -d @"$BENCH_DIR/payloads/frankieone-definition.json" "$B/v2/workflowDefinitions/$d" > "$dir/__files/S3.json"
  pw -X PUT -d '{"deployed_at":"2025-01-31T10:15:00Z"}' "$B/api/v1/flows/$f/versions/$v2" > "$dir/__files/S4.json"
  sm "$B$SECMASTER_BASE/versions/$v" > "$dir/__files/S5.json"
  pw "$B/api/v1/flows/$lf/versions" > "$dir/__files/S6.json"
}

start_wiremock() {
  java -Xmx512m -jar "$WIREMOCK_JAR" --port "$WIREMOCK_PORT" --bind-address 127.0.0.1 --root-dir "$WORK/wiremock" \
    --no-request-journal --disable-request-logging --container-threads 100 > "$WORK/wiremock.log" 2>&1 &
  WIREMOCK_PID=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$WIREMOCK_PORT/__admin/mappings"; do
    kill -0 "$WIREMOCK_PID" 2>/dev/null || die "WireMock stopped; see $WORK/wiremock.log"
    sleep 0.1
  done
}

spec_of() {
  case $1 in
    S1|S5) echo huawei-secmaster.yaml ;;
    S2) echo fortanix-ccm.yaml ;;
    S3) echo frankieone.yaml ;;
    S4|S6) echo patchworks.yaml ;;
  esac
}

start_prism() {
  local spec=$1
  : > "$WORK/prism.log"
  "$PRISM" mock -h 127.0.0.1 -p "$PRISM_PORT" "$ROOT_DIR/openapi/$spec" > "$WORK/prism.log" 2>&1 &
  PRISM_PID=$!
  local n=0
  until grep -q "Prism is listening" "$WORK/prism.log"; do
    kill -0 "$PRISM_PID" 2>/dev/null || die "Prism stopped; see $WORK/prism.log"
    sleep 0.2; n=$((n + 1)); [[ $n -lt 300 ]] || die "Prism did not start"
  done
}

stop_prism() {
  [[ -n "${PRISM_PID:-}" ]] || return 0
  # npx-style launchers start node as a child: stop the process group member we started and its children.
  pkill -P "$PRISM_PID" 2>/dev/null || true
  stop_process "$PRISM_PID"; PRISM_PID=
}
