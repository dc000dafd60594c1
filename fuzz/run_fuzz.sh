#!/usr/bin/env bash
# Usage: fuzz/run_fuzz.sh [SECONDS]
#
# Builds the libFuzzer targets (cmake --preset fuzz: clang-14, ASan + UBSan)
# and runs each one for SECONDS (default 30) on its working corpus,
# fuzz/corpus-work/<target>/ (gitignored): the seeds of fuzz/corpus/ (of
# fuzz/http-corpus/ for fuzz_http_request) and the target's inputs in
# fuzz/regressions/, plus whatever earlier runs found; mutations draw
# on the tokens in fuzz/newsloom.dict.
#
# Exits non-zero when any target crashes, leaks, times out (-timeout=10) or
# goes past -rss_limit_mb=2048. The input that did it is copied to
# fuzz/regressions/<target>-<kind>-<hash>, where fuzz_replay_test replays it
# in every ordinary build from then on: minimise it (the command is printed),
# give it a short name, and fix the bug.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-30}
targets=(fuzz_extract_html fuzz_extract_text fuzz_read_jsonl fuzz_read_gzip fuzz_read_warc
         fuzz_read_feed fuzz_http_request)

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target "${targets[@]}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

mkdir -p fuzz/corpus-work fuzz/regressions
failed=()
for target in "${targets[@]}"; do
  work=fuzz/corpus-work/$target
  artifacts=fuzz/corpus-work/$target-artifacts
  log=fuzz/corpus-work/$target.log
  mkdir -p "$work" "$artifacts"
  seeds=fuzz/corpus
  [[ $target == fuzz_http_request ]] && seeds=fuzz/http-corpus
  cp "$seeds"/* "$work"/
  if compgen -G "fuzz/regressions/$target-*" >/dev/null; then cp fuzz/regressions/"$target"-* "$work"/; fi

  echo "== $target: ${seconds} s"
  status=0
  "build/fuzz/fuzz/$target" "$work" -max_total_time="$seconds" -max_len=65536 \
    -rss_limit_mb=2048 -timeout=10 -dict=fuzz/newsloom.dict -print_final_stats=1 \
    -artifact_prefix="$artifacts/" >"$log" 2>&1 || status=$?
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ +DONE)' "$log" || true

  found=0
  for artifact in "$artifacts"/crash-* "$artifacts"/leak-* "$artifacts"/timeout-* \
                  "$artifacts"/oom-*; do
    [[ -e $artifact ]] || continue
    name=$(basename "$artifact")
    kind=${name%%-*}
    hash=${name#*-}
    found=1
    known=""
    for regression in fuzz/regressions/*; do
      if [[ -f $regression ]] && cmp -s "$artifact" "$regression"; then known=$regression; fi
    done
    if [[ -n $known ]]; then
      echo "$target: $kind on $known (known, not fixed yet)"
      rm "$artifact"
      continue
    fi
    saved=fuzz/regressions/$target-$kind-${hash:0:12}
    mv "$artifact" "$saved"
    echo "$target: $kind saved to $saved"
    echo "  minimise: build/fuzz/fuzz/$target -minimize_crash=1 -max_total_time=60 $saved"
  done
  if ((status != 0 || found)); then
    echo "$target: FAILED (exit $status); the end of $log:"
    tail -n 40 "$log"
    failed+=("$target")
  fi
done

if ((${#failed[@]} > 0)); then
  echo "run_fuzz: failures in ${failed[*]}"
  exit 1
fi
echo "run_fuzz: no crash in ${#targets[@]} targets x ${seconds} s"
