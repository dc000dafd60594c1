#!/usr/bin/env bash
# Rebuilds the clustering IDF table, data/models/cluster_idf.model: the
# document frequencies of the clustering terms over the newswire stories that
# tools/idf_corpus.py takes from the shared data (BBC, AG News, Reuters-21578).
# Counting is deterministic, so the table comes out byte for byte the same.
#
#   scripts/train_idf_model.sh [--data DIR] [--out MODEL]
#
# NEWSLOOM names the binary (default build/release/src/cli/newsloom; built
# with the release preset when missing).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
data="$root/../shared/data"
out="$root/data/models/cluster_idf.model"
while (($# > 0)); do
  case "$1" in
    --data) data=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "usage: $0 [--data DIR] [--out MODEL]" >&2; exit 2 ;;
  esac
done

source "$root/scripts/model_lib.sh"
newsloom=$(newsloom_binary "$root")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/tools/idf_corpus.py" --data "$data" -o "$work/corpus.jsonl"
"$newsloom" train-idf --quiet --min-documents 3 --out "$out" "$work/corpus.jsonl"
