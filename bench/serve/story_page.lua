-- wrk: GET a random story page among the stories stored, whose ids run.sh
-- lists in the file named by NEWSLOOM_BENCH_STORY_IDS (one per line).
local ids = {}
local file = io.open(os.getenv("NEWSLOOM_BENCH_STORY_IDS") or "story_ids.txt", "r")
if file then
  for line in file:lines() do
    if #line > 0 then table.insert(ids, line) end
  end
  file:close()
end
if #ids == 0 then ids = {"none"} end

function init(args)
  math.randomseed(os.time() + math.random(1000000))
end

request = function()
  return wrk.format("GET", "/api/stories/" .. ids[math.random(#ids)])
end
