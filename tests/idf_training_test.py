#!/usr/bin/env python3
"""The clustering IDF table ships as scripts/train_idf_model.sh makes it: the
script rebuilds data/models/cluster_idf.model byte for byte from the shared
data, and `newsloom train-idf` refuses input with no articles. Exits 77
(skipped) when the shared data is not present.
"""
import argparse
import os
import subprocess
import sys
import tempfile


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--newsloom", required=True)
    parser.add_argument("--source", required=True, help="the repository root")
    parser.add_argument("--data", required=True, help="the shared data directory")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as work:
        empty = os.path.join(work, "empty.jsonl")
        open(empty, "w").close()
        proc = subprocess.run([args.newsloom, "train-idf", "--quiet", "--out",
                               os.path.join(work, "never.model"), empty],
                              capture_output=True, text=True)
        if proc.returncode != 1 or "no articles" not in proc.stderr:
            print(f"empty corpus: expected exit 1 and 'no articles', got {proc.returncode}: "
                  f"{proc.stderr}")
            return 1

        if not os.path.isdir(os.path.join(args.data, "classify")):
            print("idf_training_test: shared data not found, skipping the rebuild")
            return 77
        model = os.path.join(work, "cluster_idf.model")
        env = dict(os.environ, NEWSLOOM=args.newsloom)
        subprocess.run([os.path.join(args.source, "scripts", "train_idf_model.sh"), "--data",
                        args.data, "--out", model], env=env, check=True)
        shipped = os.path.join(args.source, "data", "models", "cluster_idf.model")
        with open(model, "rb") as fresh, open(shipped, "rb") as old:
            if fresh.read() != old.read():
                print("FAIL: scripts/train_idf_model.sh no longer reproduces "
                      "data/models/cluster_idf.model; rerun it and commit the table")
                return 1
    print("ok: the shipped IDF table is reproduced byte for byte")
    return 0


if __name__ == "__main__":
    sys.exit(main())
