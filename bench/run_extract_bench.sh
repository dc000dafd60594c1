#!/usr/bin/env bash
# Usage: bench/run_extract_bench.sh [extra Google Benchmark flags]
#
# Runs the extraction benchmarks from an existing optimised build (builds
# nothing: `cmake --preset release && cmake --build --preset release` first;
# NEWSLOOM_BUILD_DIR picks another build directory). About a minute and a half
# on a 2-core machine: 2 s per benchmark, and one pass over the 1497 wcxb pages.
# Data: $NEWSLOOM_SHARED_DATA, default ../shared/data beside the source tree;
# benchmarks whose data is missing are skipped with a message.
#
# Flags given here are passed to both programs, e.g.
#   bench/run_extract_bench.sh --benchmark_filter=scrapinghub
set -euo pipefail
cd "$(dirname "$0")/.."

build=${NEWSLOOM_BUILD_DIR:-build/release}
for program in extract_bench engine_bench; do
  if [[ ! -x $build/bench/$program ]]; then
    echo "run_extract_bench: $build/bench/$program is missing; build the release preset first" >&2
    exit 1
  fi
done

echo "== extract_bench: one thread, pages in memory (ReadBuffer + ExtractPage, then each step)"
"$build/bench/extract_bench" --benchmark_min_time=2 --benchmark_counters_tabular=true "$@"
echo
echo "== engine_bench: Engine::Extract on the scrapinghub files, jobs=1 and jobs=2 (wall clock)"
"$build/bench/engine_bench" --benchmark_min_time=2 --benchmark_counters_tabular=true "$@"
