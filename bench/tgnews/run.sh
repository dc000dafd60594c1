#!/usr/bin/env bash
# The tgnews bench: `newsloom tgnews threads` over COUNT contest-format pages
# (built from AG News and BBC texts in ../shared/data) on two cores, then the
# contest server indexing the same pages by PUT (pages per second, the slowest
# 1000 in a row, the server's CPU per PUT), the same again while GET /threads
# asks every second, and the time a restart takes to read them back.
#
#   bench/tgnews/run.sh [build/release/src/cli/newsloom] [COUNT]
# Scratch goes to $TMPDIR/newsloom-tgnews-bench.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
newsloom="$(realpath "${1:-$root/build/release/src/cli/newsloom}")"
count="${2:-10000}"
data="${NEWSLOOM_SHARED_DATA:-$root/../shared/data}"
work="${TMPDIR:-/tmp}/newsloom-tgnews-bench"

mkdir -p "$work"
pages="$work/pages-$count"
if [[ ! -d "$pages" ]]; then
  python3 "$root/bench/tgnews/make_pages.py" --data "$data" --count "$count" --out "$pages"
fi
echo "== tgnews threads over $count pages, -j 2"
start=$(date +%s.%N)
"$newsloom" tgnews threads "$pages" -j 2 -q > "$work/threads.json"
end=$(date +%s.%N)
python3 - "$work/threads.json" "$start" "$end" "$count" <<'PY'
import json, sys
threads = json.load(open(sys.argv[1]))
seconds = float(sys.argv[3]) - float(sys.argv[2])
count = int(sys.argv[4])
print("threads: %d pages in %.1f s = %.0f pages/s; %d threads, %d articles in them" %
      (count, seconds, count / seconds, len(threads), sum(len(t["articles"]) for t in threads)))
PY

echo "== tgnews server: PUT $count pages"
rm -rf "$work/db"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$newsloom" tgnews server "$port" --db "$work/db" > "$work/server.out" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 200); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/threads?period=60&lang_code=en&category=any" || true)
  [[ "$code" == 200 ]] && break
  sleep 0.1
done
# Server CPU per PUT (user + system ticks from /proc) tells its cost apart
# from the share of a shared machine it was given.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
before=$(cpu_ticks)
python3 "$root/bench/tgnews/put_load.py" --port "$port" --dir "$pages" --connections 8
after=$(cpu_ticks)
python3 -c "import sys; print('server CPU: %.2f ms per PUT' % ((int(sys.argv[2]) - int(sys.argv[1])) * 1000 / int(sys.argv[3]) / int(sys.argv[4])))" \
  "$before" "$after" "$(getconf CLK_TCK)" "$count"
start=$(date +%s.%N)
curl -s -o "$work/get.json" "http://127.0.0.1:$port/threads?period=86400&lang_code=en&category=any"
end=$(date +%s.%N)
python3 -c "import sys; print('GET /threads after indexing: %.0f ms' % ((float(sys.argv[2]) - float(sys.argv[1])) * 1000))" "$start" "$end"
echo "== tgnews server: PUT $count pages again (each replaces itself) while GET /threads every second"
python3 "$root/bench/tgnews/put_load.py" --port "$port" --dir "$pages" --connections 8 --get-every 1
kill -TERM $server
wait $server || true
echo "== restart: time until GET /threads answers 200"
start=$(date +%s.%N)
"$newsloom" tgnews server "$port" --db "$work/db" > "$work/server2.out" 2>&1 &
server=$!
for _ in $(seq 6000); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/threads?period=60&lang_code=en&category=any" || true)
  [[ "$code" == 200 ]] && break
  sleep 0.1
done
end=$(date +%s.%N)
python3 -c "import sys; print('reload of $count pages: %.1f s' % (float(sys.argv[2]) - float(sys.argv[1])))" "$start" "$end"
