#!/usr/bin/env bash
# The main job on the bundled sample: set up, build, and run the furthest
# pipeline step that works today (extraction) over data/sample, then serve it.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target newsloom

out=build/sample-articles.jsonl
build/release/src/cli/newsloom extract data/sample/seeds data/sample/ecbplus/ecbplus.jsonl > "$out"
echo
echo "demo: $(wc -l < "$out") articles from the sample corpus written to $out"
echo "demo: first article:"
head -n 1 "$out"

# The sample in a store, served: the web page and the API at the printed address.
rm -rf build/sample-db
echo
echo "demo: loading the sample into build/sample-db and serving it (Ctrl-C stops)"
exec build/release/src/cli/newsloom serve --db build/sample-db data/sample/seeds \
  data/sample/ecbplus/ecbplus.jsonl
