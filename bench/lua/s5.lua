-- S5: SecMaster read one version by id, one of the seeded versions at random.
package.path = os.getenv("BENCH_DIR") .. "/lua/?.lua;" .. package.path
local c = require("common")
setup = c.setup; delay = c.delay; done = c.done
local versions, base, headers
function init()
  versions = c.lines(os.getenv("BENCH_S5_IDS") or "secmaster-versions.txt")
  base = os.getenv("SECMASTER_BASE")
  headers = { ["X-Auth-Token"] = os.getenv("SECMASTER_TOKEN") }
  math.randomseed(thread_id * 7919 + 5)
end
function request()
  return wrk.format("GET", base .. "/versions/" .. versions[math.random(#versions)], headers)
end
