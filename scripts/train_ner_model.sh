#!/usr/bin/env bash
# Trains the shipped named-entity model, data/models/ner.model, from the
# shared data (not in the repository): CoNLL-2003 eng.train, the gazetteers,
# and unlabelled news text (BBC, AG News, Reuters-21578) for word classes.
# Deterministic: rerunning it reproduces the shipped file byte for byte.
#
#   scripts/train_ner_model.sh [--data DIR] [--out MODEL]
#
# NEWSLOOM names the binary (default build/release/src/cli/newsloom; built
# with the release preset when missing).
#
# Epochs (9) were chosen on the last 10% of eng.train's documents held out:
#   newsloom train-ner ... --heldout 0.1 --epochs 12
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
shared="$root/../shared/data"
out="$root/data/models/ner.model"
while (($# > 0)); do
  case "$1" in
    --data) shared=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "usage: $0 [--data DIR] [--out MODEL]" >&2; exit 2 ;;
  esac
done

source "$root/scripts/model_lib.sh"
newsloom=$(newsloom_binary "$root")

unlabelled=(--unlabelled "$shared/classify/bbc.jsonl" --unlabelled "$shared/classify/ag_news.jsonl")
for file in "$shared"/classify/reuters21578/reut2-*.sgm; do
  unlabelled+=(--unlabelled "$file")
done

"$newsloom" train-ner \
  --train "$shared/ner/eng.train" \
  --gazetteers "$shared/gazetteers" \
  --classes 300 --class-min-count 5 "${unlabelled[@]}" \
  --epochs 9 --min-weight 0.05 \
  --out "$out"
