#!/usr/bin/env bash
# The WARC memory bench: builds CC-NEWS-like WARC.gz archives of SIZES MB
# (uncompressed; multi-member gzip, real news pages repeated) and reports the
# peak resident memory of `newsloom extract --quiet` and `newsloom ingest`
# over each: streaming keeps it flat however large the archive.
#
#   bench/warc/run.sh [build/release/src/cli/newsloom] [SIZES...]   (default 100 1024)
# Pages: $NEWSLOOM_SHARED_DATA/extract/scrapinghub/html (../shared/data).
# Scratch (archives are kept for reruns) goes to $TMPDIR/newsloom-warc-bench.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
newsloom="$(realpath "${1:-$root/build/release/src/cli/newsloom}")"
shift || true
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(100 1024)
data="${NEWSLOOM_SHARED_DATA:-$root/../shared/data}"
work="${TMPDIR:-/tmp}/newsloom-warc-bench"
jobs="${JOBS:-2}"
mkdir -p "$work"

# Peak RSS (kB) and wall seconds of a command, from /usr/bin/time -v.
measure() {
  local log="$work/time.log"
  /usr/bin/time -v "$@" > /dev/null 2> "$log" || {
    echo "failed (exit $?): $*" >&2
    tail -5 "$log" >&2
    return 1
  }
  local rss wall
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
  echo "$rss $wall"
}

for size in "${sizes[@]}"; do
  archive="$work/cc-$size.warc.gz"
  if [[ ! -f "$archive" ]]; then
    python3 "$root/bench/warc/make_warc.py" --pages "$data/extract/scrapinghub/html" \
      --size-mb "$size" --out "$archive"
  fi
  on_disk=$(du -m "$archive" | cut -f1)
  read -r rss wall <<< "$(measure "$newsloom" extract --quiet -j "$jobs" "$archive")"
  articles=$("$newsloom" extract --quiet -j "$jobs" "$archive" | wc -l)
  echo "extract -j $jobs: $size MB WARC ($on_disk MB gzip, $articles articles): peak RSS $((rss / 1024)) MB, wall $wall"
  rm -rf "$work/store"
  read -r rss wall <<< "$(measure "$newsloom" ingest --quiet -j "$jobs" --db "$work/store" "$archive")"
  echo "ingest  -j $jobs: $size MB WARC: peak RSS $((rss / 1024)) MB, wall $wall"
done
