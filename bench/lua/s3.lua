-- S3: FrankieOne publish a definition (a new published version) of one of the seeded definitions.
package.path = os.getenv("BENCH_DIR") .. "/lua/?.lua;" .. package.path
local c = require("common")
setup = c.setup; delay = c.delay; done = c.done
local definitions, body, headers
function init()
  definitions = c.lines("frankieone-definitions.txt")
  body = c.file(os.getenv("BENCH_DIR") .. "/payloads/frankieone-definition.json")
  headers = { ["api_key"] = os.getenv("FRANKIE_KEY"), ["X-Frankie-CustomerID"] = os.getenv("FRANKIE_CUSTOMER"),
              ["Content-Type"] = "application/json" }
  math.randomseed(thread_id * 7919 + 3)
end
function request()
  return wrk.format("PUT", "/v2/workflowDefinitions/" .. definitions[math.random(#definitions)], headers, body)
end
