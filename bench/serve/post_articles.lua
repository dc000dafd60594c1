-- wrk: POST a new JSON article per request (unique ids per thread), through
-- the same write path as any client: extract, story builder, group commit.
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

-- Ids and texts differ from run to run (the run's start second), so that a
-- run on a store kept from an earlier one (NEWSLOOM_BENCH_REUSE=1) writes new
-- articles rather than re-posting unchanged ones, which the store skips.
function init(args)
  thread_id = os.time() .. '-' .. id
  math.randomseed(os.time() * 100 + id)
end

local words = {"harbour", "election", "summit", "ceasefire", "minister", "budget", "storm",
               "court", "rally", "vaccine", "strike", "treaty", "market", "border", "flood"}

request = function()
  counter = counter + 1
  local text = {}
  for i = 1, 40 do text[i] = words[math.random(#words)] end
  local body = '{"id": "load-' .. thread_id .. '-' .. counter .. '", "title": "Load test ' ..
      words[math.random(#words)] .. ' ' .. counter .. '", "text": "' ..
      table.concat(text, " ") .. '.\\nSecond paragraph about the ' .. words[math.random(#words)] ..
      '.", "url": "https://load.example/' .. thread_id .. '/' .. counter .. '"}'
  return wrk.format("POST", "/api/articles", {["Content-Type"] = "application/json"}, body)
end
