-- S1: SecMaster create a version, with the vendor's example body, on one of the seeded workflows.
package.path = os.getenv("BENCH_DIR") .. "/lua/?.lua;" .. package.path
local c = require("common")
setup = c.setup; delay = c.delay; done = c.done
local workflows, body, base, headers
function init()
  workflows = c.lines("secmaster-workflows.txt")
  body = c.file(os.getenv("BENCH_DIR") .. "/payloads/secmaster-create-version.json")
  base = os.getenv("SECMASTER_BASE")
  headers = { ["X-Auth-Token"] = os.getenv("SECMASTER_TOKEN"), ["Content-Type"] = "application/json" }
  math.randomseed(thread_id * 7919 + 1)
end
function request()
  return wrk.format("POST", base .. "/" .. workflows[math.random(#workflows)] .. "/versions", headers, body)
end
