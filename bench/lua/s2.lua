-- S2: Fortanix create a final version holding a 20-object graph, on one of the seeded graphs.
package.path = os.getenv("BENCH_DIR") .. "/lua/?.lua;" .. package.path
local c = require("common")
setup = c.setup; delay = c.delay; done = c.done
local graphs, body, headers
function init()
  graphs = c.lines("fortanix-graphs.txt")
  body = c.file(os.getenv("BENCH_DIR") .. "/payloads/fortanix-20-object-graph.json")
  headers = { ["Authorization"] = "Bearer " .. os.getenv("FORTANIX_TOKEN"), ["Content-Type"] = "application/json" }
  math.randomseed(thread_id * 7919 + 2)
end
function request()
  return wrk.format("POST", "/v1/workflows/final/graphs/" .. graphs[math.random(#graphs)], headers, body)
end
