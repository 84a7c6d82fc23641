-- S7: SecMaster reads of one version by id (as S5) over the 5,000 versions seeded for it (BENCH_S7_IDS overrides
-- the file), with a share of version creates (as S1) mixed in: BENCH_WRITE_PERCENT of the requests (default 2;
-- the harness runs 0, 2 and 10). BENCH_SEED makes the random sequence of each of two wrk processes its own.
package.path = os.getenv("BENCH_DIR") .. "/lua/?.lua;" .. package.path
local c = require("common")
setup = c.setup; delay = c.delay; done = c.done
local versions, workflows, body, base, read_headers, write_headers, percent
function init()
  versions = c.lines(os.getenv("BENCH_S7_IDS") or "secmaster-versions-s7.txt")
  workflows = c.lines("secmaster-workflows.txt")
  body = c.file(os.getenv("BENCH_DIR") .. "/payloads/secmaster-create-version.json")
  base = os.getenv("SECMASTER_BASE")
  read_headers = { ["X-Auth-Token"] = os.getenv("SECMASTER_TOKEN") }
  write_headers = { ["X-Auth-Token"] = os.getenv("SECMASTER_TOKEN"), ["Content-Type"] = "application/json" }
  percent = tonumber(os.getenv("BENCH_WRITE_PERCENT") or "2")
  math.randomseed(thread_id * 7919 + 7 + tonumber(os.getenv("BENCH_SEED") or "0") * 104729)
end
function request()
  if math.random() * 100 < percent then
    return wrk.format("POST", base .. "/" .. workflows[math.random(#workflows)] .. "/versions", write_headers, body)
  end
  return wrk.format("GET", base .. "/versions/" .. versions[math.random(#versions)], read_headers)
end
