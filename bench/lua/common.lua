-- Shared by the scenario scripts: id files, thread numbering, optional fixed-rate pacing, and a result line
-- that bench/run.sh parses.
local M = {}
local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clk_id, bench_timespec *tp);
]]

function M.lines(name)
  local out = {}
  for line in io.lines(os.getenv("BENCH_IDS") .. "/" .. name) do
    if line ~= "" then out[#out + 1] = line end
  end
  return out
end

function M.file(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("*a"); f:close(); return s
end

local threads = {}
local counter = 0
function M.setup(thread)
  thread:set("thread_id", counter)
  counter = counter + 1
  threads[#threads + 1] = thread
end

local now_ms = function()
  local t = ffi.new("bench_timespec"); ffi.C.clock_gettime(1, t)
  return tonumber(t.tv_sec) * 1000 + tonumber(t.tv_nsec) / 1e6
end

-- With BENCH_RATE set, each thread sends its share of the rate on a fixed schedule (the next free slot), so the
-- offered load does not drop when responses slow down, as long as a connection is free.
local next_slot = nil
function M.delay()
  local rate = tonumber(os.getenv("BENCH_RATE") or "")
  if not rate or rate <= 0 then return 0 end
  local interval = 1000 * tonumber(os.getenv("BENCH_THREADS")) / rate
  local now = now_ms()
  if not next_slot or next_slot < now - 1000 then next_slot = now end
  local wait = next_slot - now
  next_slot = next_slot + interval
  if wait < 0 then return 0 end
  return math.floor(wait)
end

function M.done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local bad = e.status + e.connect + e.read + e.write + e.timeout
  io.write(string.format("BENCH %.1f %.3f %.3f %d %d\n", summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, bad, summary.requests))
end

-- S4's and S9's deploys: this thread's share of the seeded two-version flows, from the state written before the run
-- ("flow deployed other"), and the path of the next deploy of one at random (the version that is not deployed).
function M.deploy_flows()
  local flows = {}
  local threads = tonumber(os.getenv("BENCH_THREADS"))
  for i, line in ipairs(M.lines("patchworks-deploy-state.txt")) do
    if (i - 1) % threads == thread_id then
      local f, deployed, other = line:match("(%S+) (%S+) (%S+)")
      flows[#flows + 1] = { flow = f, versions = { other, deployed }, next = 1 }
    end
  end
  return flows
end

function M.next_deploy(flows)
  local f = flows[math.random(#flows)]
  local v = f.versions[f.next]
  f.next = 3 - f.next
  return "/api/v1/flows/" .. f.flow .. "/versions/" .. v
end

return M
