#!/usr/bin/env bash
# Trains the shipped named-entity model, data/models/ner.model, from the
# shared data (not in the repository): CoNLL-2003 eng.train, the gazetteers,
# and unlabelled news text (BBC, AG News, Reuters-21578) for word classes.
# Deterministic: rerunning it reproduces the shipped file byte for byte.
#
#   scripts/train_ner_model.sh [OUT]     (default data/models/ner.model)
#
# Epochs (9) were chosen on the last 10% of eng.train's documents held out:
#   newsloom train-ner ... --heldout 0.1 --epochs 12
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${NEWSLOOM_SHARED_DATA:-../shared/data}"
out="${1:-data/models/ner.model}"

cmake --preset release >/dev/null
cmake --build --preset release -j2 --target newsloom >/dev/null

unlabelled=(--unlabelled "$shared/classify/bbc.jsonl" --unlabelled "$shared/classify/ag_news.jsonl")
for file in "$shared"/classify/reuters21578/reut2-*.sgm; do
  unlabelled+=(--unlabelled "$file")
done

build/release/src/cli/newsloom train-ner \
  --train "$shared/ner/eng.train" \
  --gazetteers "$shared/gazetteers" \
  --classes 300 --class-min-count 5 "${unlabelled[@]}" \
  --epochs 9 --min-weight 0.05 \
  --out "$out"
