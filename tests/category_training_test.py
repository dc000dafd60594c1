#!/usr/bin/env python3
"""The default model's training pipeline still works: build the training data
from a small sample of the shared sets, train with `newsloom train-classifier`
(via scripts/train_category_model.sh), and classify the sample corpus with the
new model. Exits 77 (skipped) when the shared data is not present.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

LABELS = {"society", "economy", "technology", "sports", "entertainment", "science", "other"}


def check_bad_data(newsloom, work):
    """Bad training lines are refused with their line number; empty data is an error."""
    cases = {
        "bad.jsonl": ('{"title": "a", "text": "b", "label": "x"}\nnot json\n', "bad.jsonl:2:"),
        "nolabel.jsonl": ('{"title": "a", "text": "b"}\n', "nolabel.jsonl:1:"),
        "empty.jsonl": ("", "no training examples"),
    }
    for name, (content, expected) in cases.items():
        path = os.path.join(work, name)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(content)
        proc = subprocess.run([newsloom, "train-classifier", "--data", path, "--out",
                               os.path.join(work, "never.model")], capture_output=True, text=True)
        if proc.returncode != 1 or expected not in proc.stderr:
            print(f"{name}: expected exit 1 and {expected!r}, got {proc.returncode}: {proc.stderr}")
            return False
        if os.path.exists(os.path.join(work, "never.model")):
            print(f"{name}: a model was written from bad data")
            return False
    return True


def check_reproducible(args):
    """scripts/train_category_model.sh rebuilds data/models/category.model byte for byte."""
    shipped = os.path.join(args.source, "data", "models", "category.model")
    with tempfile.TemporaryDirectory() as work:
        model = os.path.join(work, "category.model")
        env = dict(os.environ, NEWSLOOM=args.newsloom)
        subprocess.run([os.path.join(args.source, "scripts", "train_category_model.sh"), "--data",
                        args.data, "--out", model], env=env, check=True)
        with open(model, "rb") as fresh, open(shipped, "rb") as old:
            same = fresh.read() == old.read()
    print("ok: the shipped model is reproduced byte for byte" if same else
          "FAIL: scripts/train_category_model.sh no longer reproduces data/models/category.model; "
          "retrain and commit the model with the change that altered it")
    return 0 if same else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--newsloom", required=True)
    parser.add_argument("--source", required=True, help="the repository root")
    parser.add_argument("--data", required=True, help="../shared/data")
    parser.add_argument("--full", action="store_true",
                        help="train on all the data and compare with the shipped model's bytes")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        if not check_bad_data(args.newsloom, work):
            return 1
    if not os.path.isdir(os.path.join(args.data, "classify")):
        print(f"skipped: {args.data}/classify is not present")
        return 77

    if args.full:
        return check_reproducible(args)

    with tempfile.TemporaryDirectory() as work:
        model = os.path.join(work, "category.model")
        env = dict(os.environ, NEWSLOOM=args.newsloom)
        subprocess.run([os.path.join(args.source, "scripts", "train_category_model.sh"), "--data",
                        args.data, "--out", model, "--sample", "120"], env=env, check=True)
        proc = subprocess.run([args.newsloom, "classify", "--quiet", "--model", model,
                               os.path.join(args.source, "data", "sample")],
                              capture_output=True, text=True)
    if proc.returncode != 0:
        print(proc.stderr)
        return 1
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    if not lines:
        print("classify printed nothing")
        return 1
    for line in lines:
        fields = ("id", "language", "language_confidence", "category", "is_news", "confidence")
        if any(field not in line for field in fields):
            print("missing fields:", line)
            return 1
        if line["is_news"] != (line["category"] in LABELS):
            print("news without a category, or a category outside the taxonomy:", line)
            return 1
    print(f"ok: {len(lines)} articles classified with the freshly trained model")
    return 0


if __name__ == "__main__":
    sys.exit(main())
