-- S7: SecMaster reads of one version by id (as S5), with a share of version creates (as S1) mixed in:
-- BENCH_WRITE_PERCENT of the requests (default 2).
package.path = os.getenv("BENCH_DIR") .. "/lua/?.lua;" .. package.path
local c = require("common")
setup = c.setup; delay = c.delay; done = c.done
local versions, workflows, body, base, read_headers, write_headers, percent
function init()
  versions = c.lines(os.getenv("BENCH_S5_IDS") or "secmaster-versions.txt")
  workflows = c.lines("secmaster-workflows.txt")
  body = c.file(os.getenv("BENCH_DIR") .. "/payloads/secmaster-create-version.json")
  base = os.getenv("SECMASTER_BASE")
  read_headers = { ["X-Auth-Token"] = os.getenv("SECMASTER_TOKEN") }
  write_headers = { ["X-Auth-Token"] = os.getenv("SECMASTER_TOKEN"), ["Content-Type"] = "application/json" }
  percent = tonumber(os.getenv("BENCH_WRITE_PERCENT") or "2")
  math.randomseed(thread_id * 7919 + 7)
end
function request()
  if math.random() * 100 < percent then
    return wrk.format("POST", base .. "/" .. workflows[math.random(#workflows)] .. "/versions", write_headers, body)
  end
  return wrk.format("GET", base .. "/versions/" .. versions[math.random(#versions)], read_headers)
end
