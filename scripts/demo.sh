#!/usr/bin/env bash
# The main job on the bundled sample: set up, build, load data/sample into a
# store (extract, analyze, stories) and serve the web page and the API.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target newsloom

db=build/sample-db
rm -rf "$db"
echo
echo "demo: loading the sample corpus into $db"
build/release/src/cli/newsloom ingest --db "$db" data/sample/seeds data/sample/ecbplus/ecbplus.jsonl
echo "demo: serving it; open the address below (Ctrl-C stops)"
exec build/release/src/cli/newsloom serve --db "$db"
