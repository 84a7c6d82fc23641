-- S9: Patchworks first pages of the versions of the flow with 1,000 versions (as S6), with BENCH_WRITE_PERCENT of
-- the requests (default 5) deploys (as S4): each thread owns a share of the seeded two-version flows and deploys
-- the version of one that is not deployed, starting from patchworks-deploy-state.txt, written just before the run.
package.path = os.getenv("BENCH_DIR") .. "/lua/?.lua;" .. package.path
local c = require("common")
setup = c.setup; delay = c.delay; done = c.done
local page, flows, read_headers, write_headers, body, percent
function init()
  page = "/api/v1/flows/" .. c.lines("patchworks-long-flow.txt")[1] .. "/versions"
  flows = c.deploy_flows()
  read_headers = { ["Authorization"] = os.getenv("PATCHWORKS_KEY") }
  write_headers = { ["Authorization"] = os.getenv("PATCHWORKS_KEY"), ["Content-Type"] = "application/json" }
  body = '{"deployed_at":"2025-01-31T10:15:00Z"}'
  percent = tonumber(os.getenv("BENCH_WRITE_PERCENT") or "5")
  math.randomseed(thread_id * 7919 + 9)
end
function request()
  if math.random() * 100 < percent then
    return wrk.format("PUT", c.next_deploy(flows), write_headers, body)
  end
  return wrk.format("GET", page, read_headers)
end
