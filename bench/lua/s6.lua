-- S6: Patchworks list the first page of the versions of a flow that has 1,000 versions.
package.path = os.getenv("BENCH_DIR") .. "/lua/?.lua;" .. package.path
local c = require("common")
setup = c.setup; delay = c.delay; done = c.done
local path, headers
function init()
  path = "/api/v1/flows/" .. c.lines("patchworks-long-flow.txt")[1] .. "/versions"
  headers = { ["Authorization"] = os.getenv("PATCHWORKS_KEY") }
end
function request()
  return wrk.format("GET", path, headers)
end
