-- S4: Patchworks deploy a version. Each seeded flow has two versions; every request deploys the one that is not
-- deployed, so the Deployed state moves (the other becomes Inactive). Each thread owns a share of the flows and
-- starts from the state in patchworks-deploy-state.txt ("flow deployed other"), written just before the run.
package.path = os.getenv("BENCH_DIR") .. "/lua/?.lua;" .. package.path
local c = require("common")
setup = c.setup; delay = c.delay; done = c.done
local flows, headers, body
function init()
  flows = c.deploy_flows()
  headers = { ["Authorization"] = os.getenv("PATCHWORKS_KEY"), ["Content-Type"] = "application/json" }
  body = '{"deployed_at":"2025-01-31T10:15:00Z"}'
  math.randomseed(thread_id * 7919 + 4)
end
function request()
  return wrk.format("PUT", c.next_deploy(flows), headers, body)
end
