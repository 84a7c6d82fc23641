-- S8: reads of published versions, half FrankieOne (a definition's version N) and half Fortanix (a final graph's
-- version N), over the pairs seeded for it (versions 1-10 of each of S3's definitions and S2's graphs), with
-- BENCH_WRITE_PERCENT of the requests (default 5) publishes: half FrankieOne publishes (as S3), half Fortanix
-- final versions (as S2), on the same definitions and graphs.
package.path = os.getenv("BENCH_DIR") .. "/lua/?.lua;" .. package.path
local c = require("common")
setup = c.setup; delay = c.delay; done = c.done
local fo_reads, fx_reads, definitions, graphs, fo_body, fx_body, fo_read, fo_write, fx_read, fx_write, percent

-- "key number" lines of an ids file.
local function pairs_of(name)
  local out = {}
  for _, line in ipairs(c.lines(name)) do
    local key, n = line:match("(%S+) (%S+)")
    out[#out + 1] = { key = key, n = n }
  end
  return out
end

function init()
  fo_reads = pairs_of("frankieone-published.txt")
  fx_reads = pairs_of("fortanix-published.txt")
  definitions = c.lines("frankieone-definitions.txt")
  graphs = c.lines("fortanix-graphs.txt")
  fo_body = c.file(os.getenv("BENCH_DIR") .. "/payloads/frankieone-definition.json")
  fx_body = c.file(os.getenv("BENCH_DIR") .. "/payloads/fortanix-20-object-graph.json")
  fo_read = { ["api_key"] = os.getenv("FRANKIE_KEY"), ["X-Frankie-CustomerID"] = os.getenv("FRANKIE_CUSTOMER") }
  fo_write = { ["api_key"] = os.getenv("FRANKIE_KEY"), ["X-Frankie-CustomerID"] = os.getenv("FRANKIE_CUSTOMER"),
               ["Content-Type"] = "application/json" }
  fx_read = { ["Authorization"] = "Bearer " .. os.getenv("FORTANIX_TOKEN") }
  fx_write = { ["Authorization"] = "Bearer " .. os.getenv("FORTANIX_TOKEN"), ["Content-Type"] = "application/json" }
  percent = tonumber(os.getenv("BENCH_WRITE_PERCENT") or "5")
  math.randomseed(thread_id * 7919 + 8)
end

function request()
  local frankie = math.random(2) == 1
  if math.random() * 100 < percent then
    if frankie then
      return wrk.format("PUT", "/v2/workflowDefinitions/" .. definitions[math.random(#definitions)], fo_write, fo_body)
    end
    return wrk.format("POST", "/v1/workflows/final/graphs/" .. graphs[math.random(#graphs)], fx_write, fx_body)
  end
  if frankie then
    local r = fo_reads[math.random(#fo_reads)]
    return wrk.format("GET", "/v2/workflowDefinitions/" .. r.key .. "?version=" .. r.n, fo_read)
  end
  local r = fx_reads[math.random(#fx_reads)]
  return wrk.format("GET", "/v1/workflows/final/graphs/" .. r.key .. "/" .. r.n, fx_read)
end
