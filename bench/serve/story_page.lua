-- wrk: GET a random story page among the synthetic stories (ids a-synth-0 .. a-synth-N-1).
local count = tonumber(os.getenv("NEWSLOOM_BENCH_STORIES") or "100000")
request = function()
  return wrk.format("GET", "/api/stories/a-synth-" .. math.random(0, count - 1))
end
