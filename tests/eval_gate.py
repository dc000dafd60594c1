#!/usr/bin/env python3
"""Extraction quality gate: run `newsloom extract` on the dev sets, score the
output with the shared scorers, and fail if any figure is below its pin.

Pins live in eval_baseline.json; raise them as the extractor improves, never
lower them to make a change pass. Exits 77 (skipped) when the shared data is
not present.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from wcxb_labels import wcxb_page_type  # noqa: E402

# dataset -> (directory of pages, scorer figures to check: json path -> pin key)
DATASETS = {
    "scrapinghub": "extract/scrapinghub",
    "wcxb": "extract/wcxb",
    "trafilatura": "extract/trafilatura",
}


def run_extract(newsloom, pages_dir, out_path):
    with open(out_path, "w", encoding="utf-8") as out:
        proc = subprocess.run([newsloom, "extract", "--quiet", pages_dir], stdout=out,
                              stderr=subprocess.PIPE, text=True)
    # Exit 1 means some input failed; the scorer counts those pages as empty.
    if proc.returncode not in (0, 1):
        sys.exit(f"newsloom extract failed on {pages_dir} ({proc.returncode}): {proc.stderr}")


def score(tools, dataset, data_dir, pred):
    proc = subprocess.run([sys.executable, os.path.join(tools, "score_extract.py"), "--dataset",
                           dataset, "--data", data_dir, "--pred", pred, "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def wcxb_is_news_accuracy(data_dir, pred):
    """Share of WCXB pages whose is_news matches 'page type is article'."""
    hits = total = 0
    with open(pred, encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            page_type = wcxb_page_type(data_dir, record["id"])
            if page_type is None:
                continue
            total += 1
            hits += bool(record.get("is_news")) == (page_type == "article")
    return hits / total if total else 0.0


def lookup(report, dotted):
    value = report
    for part in dotted.split("."):
        value = value[part]
    return value


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--newsloom", required=True)
    parser.add_argument("--data", required=True, help="../shared/data")
    parser.add_argument("--tools", required=True, help="../shared/tools")
    parser.add_argument("--baseline", required=True)
    args = parser.parse_args()

    if not os.path.isdir(os.path.join(args.data, "extract")):
        print(f"skipped: {args.data}/extract is not present")
        return 77
    with open(args.baseline, encoding="utf-8") as fh:
        baseline = json.load(fh)

    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for dataset, pins in baseline.items():
            data_dir = os.path.join(args.data, DATASETS[dataset])
            pred = os.path.join(tmp, dataset + ".jsonl")
            run_extract(args.newsloom, os.path.join(data_dir, "html"), pred)
            report = score(args.tools, dataset, data_dir, pred)
            if dataset == "wcxb":
                report["is_news"] = {"accuracy": wcxb_is_news_accuracy(data_dir, pred)}
            for path, pin in pins.items():
                value = lookup(report, path)
                verdict = "ok" if value >= pin else "BELOW PIN"
                print(f"{dataset:12s} {path:28s} {value:.4f}  pin {pin:.4f}  {verdict}")
                if value < pin:
                    failures.append(f"{dataset} {path} {value:.4f} < {pin:.4f}")
    if failures:
        print("quality gate failed: " + "; ".join(failures))
        return 1
    print("quality gate passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
