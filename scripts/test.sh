#!/usr/bin/env bash
# Set up, build and run every test: the release build (with the extraction
# quality gate), the debug build under AddressSanitizer + UBSan, and a short
# fuzzing run of every libFuzzer target.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
jobs=$(nproc)

echo "== release build and tests"
cmake --preset release >/dev/null
cmake --build --preset release -j "$jobs"
ctest --preset release -j "$jobs"

echo "== debug build (ASan + UBSan) and tests"
cmake --preset debug >/dev/null
cmake --build --preset debug -j "$jobs"
ctest --preset debug -j "$jobs"

if [[ -x fuzz/run_fuzz.sh ]]; then
  echo "== fuzzing (${NEWSLOOM_FUZZ_SECONDS:-20} s per target)"
  fuzz/run_fuzz.sh "${NEWSLOOM_FUZZ_SECONDS:-20}"
fi
