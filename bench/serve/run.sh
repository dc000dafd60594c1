#!/usr/bin/env bash
# The serve load bench: 100,000 synthetic articles (built from data/sample's
# real texts) in a fresh store, then wrk at 200 concurrent keep-alive
# connections on the story list and on story pages (p99 target < 50 ms), POST
# of new articles (target 1,000 articles/s), and the server's memory.
#
#   bench/serve/run.sh [build/release/src/cli/newsloom] [COUNT] [SECONDS]
# Needs wrk (apt-get install wrk). Scratch goes to $TMPDIR/newsloom-serve-bench;
# NEWSLOOM_BENCH_REUSE=1 serves the store left there by a previous run.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
newsloom="$(realpath "${1:-$root/build/release/src/cli/newsloom}")"
count="${2:-100000}"
seconds="${3:-20}"
work="${TMPDIR:-/tmp}/newsloom-serve-bench"
command -v wrk >/dev/null || { echo "serve bench: wrk is not installed (apt-get install wrk)"; exit 77; }

mkdir -p "$work"
# The machine is shared: every figure comes with the load average before and after it.
load() { cut -d' ' -f1-3 /proc/loadavg; }
if [[ ! -f "$work/articles-$count.jsonl" ]]; then
  python3 "$root/bench/serve/make_articles.py" --sample "$root/data/sample" --count "$count" \
    --out "$work/articles-$count.jsonl"
fi
if [[ "${NEWSLOOM_BENCH_REUSE:-0}" == 1 && -d "$work/db" ]]; then
  echo "== reusing the store in $work/db (NEWSLOOM_BENCH_REUSE=1)"
else
  rm -rf "$work/db"
  # One file is one work unit (analysed on one thread): parts of 2,000 lines
  # let every core analyse; the directory walk keeps their order.
  parts="$work/articles-$count.parts"
  if [[ ! -d "$parts" ]]; then
    mkdir -p "$parts.tmp"
    split -l 2000 -d -a 4 --additional-suffix=.jsonl "$work/articles-$count.jsonl" "$parts.tmp/part-"
    mv "$parts.tmp" "$parts"
  fi
  echo "== ingest $count synthetic articles (load average $(load))"
  "$newsloom" ingest --db "$work/db" "$parts" 2>&1 | tail -2
  echo "   load average after: $(load)"
fi
du -sh "$work/db" | sed 's/^/store size: /'

"$newsloom" serve --db "$work/db" --port 0 > "$work/serve.out" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
# Start-up re-adds every stored article to the story index: minutes at 100,000 on a busy machine.
for _ in $(seq 6000); do grep -q serving "$work/serve.out" && break; sleep 0.1; done
address="$(sed -n 's/.*serving \(http:[^ ]*\)\/ .*/\1/p' "$work/serve.out")"
echo "== server: $(cat "$work/serve.out")"

rss() { awk '/VmRSS|VmHWM/ {printf "%s %.1f MB  ", $1, $2/1024}' "/proc/$server/status"; echo; }
echo "memory after start: $(rss)"

run_wrk() {
  local name="$1"; shift
  echo "== $name (load average $(load))"
  wrk --latency "$@" | grep -E "Latency|Requests/sec|50%|90%|99%|requests in|Non-2xx|Socket errors"
  echo "   load average after: $(load)"
}

run_wrk "GET /api/stories (200 connections, ${seconds}s)" -t2 -c200 -d"${seconds}s" "$address/api/stories"
# Every stored story's id, through the API's cursor, for the story-page run.
python3 - "$address" "$work/story_ids.txt" <<'PY'
import json, sys, urllib.parse, urllib.request
address, out = sys.argv[1], sys.argv[2]
ids, cursor = [], ""
while True:
    url = address + "/api/stories?limit=100" + ("&cursor=" + urllib.parse.quote(cursor) if cursor else "")
    page = json.load(urllib.request.urlopen(url))
    ids += [story["id"] for story in page["stories"]]
    cursor = page.get("next")
    if not cursor:
        break
open(out, "w").write("\n".join(ids) + "\n")
print("stories stored: %d" % len(ids))
PY
NEWSLOOM_BENCH_STORY_IDS="$work/story_ids.txt" run_wrk "GET /api/stories/{id} random story pages (200 connections, ${seconds}s)" \
  -t2 -c200 -d"${seconds}s" -s "$root/bench/serve/story_page.lua" "$address"
run_wrk "GET / web page (200 connections, ${seconds}s)" -t2 -c200 -d"${seconds}s" "$address/"
echo "memory after reads: $(rss)"
run_wrk "POST /api/articles, one new article per request (64 connections, ${seconds}s)" \
  -t2 -c64 -d"${seconds}s" -s "$root/bench/serve/post_articles.lua" "$address"
echo "memory after writes: $(rss)"
curl -s "$address/api/health"; echo
