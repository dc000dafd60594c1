#!/usr/bin/env bash
# Rebuilds the default category model, data/models/category.model, from the
# shared data sets: tools/category_training_data.py maps them onto the
# Telegram contest taxonomy, `newsloom train-classifier` trains on the result.
# Training is deterministic, so the model comes out byte for byte the same.
#
#   scripts/train_category_model.sh [--data DIR] [--out MODEL] [--sample N]
#
# NEWSLOOM names the binary (default build/release/src/cli/newsloom; built
# with the release preset when missing). --sample N trains on about N examples
# per source, for a quick check that the pipeline still works.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
data="$root/../shared/data"
out="$root/data/models/category.model"
sample=0
while (($# > 0)); do
  case "$1" in
    --data) data=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --sample) sample=$2; shift 2 ;;
    *) echo "usage: $0 [--data DIR] [--out MODEL] [--sample N]" >&2; exit 2 ;;
  esac
done

source "$root/scripts/model_lib.sh"
newsloom=$(newsloom_binary "$root")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/tools/category_training_data.py" --data "$data" --sample "$sample" \
  -o "$work/train.jsonl"
# The training settings of the shipped model; change them here only with a
# measured reason.
"$newsloom" train-classifier --data "$work/train.jsonl" --out "$out" \
  --loss logistic --epochs 30 --learning-rate 5 --l2 3e-6 --nb-weight 0.5 --hash-bits 18 --max-tokens 300 \
  --title-weight 0.6 --title-in-body false --nb-interpolation 0 --cv-folds 0 --seed 1
