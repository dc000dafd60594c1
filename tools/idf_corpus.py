#!/usr/bin/env python3
"""Writes the background corpus of the built-in clustering IDF table: every
BBC, AG News and Reuters-21578 story in ../shared/data, as JSON Lines
{"id", "title", "text"} that `newsloom train-idf` reads. Labels are not used.
The cluster evaluation sets (Giveme5W1H, ECB+, WikiRef220) are left out, so the
table knows nothing of what the clustering is checked on. Python 3 standard
library only; the output is deterministic.
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from category_training_data import read_jsonl, reuters_stories  # noqa: E402


def stories(data):
    for name in ("bbc", "ag_news"):
        for record in read_jsonl(os.path.join(data, "classify", name + ".jsonl")):
            yield f"{name}/{record['id']}", record["title"], record["text"]
    for newid, _topics, title, text in reuters_stories(data):
        yield f"reuters/{newid}", title, text


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", required=True, help="the shared data directory (../shared/data)")
    parser.add_argument("-o", "--output", required=True, help="JSON Lines file to write")
    args = parser.parse_args()
    count = 0
    with open(args.output, "w", encoding="utf-8") as out:
        for story_id, title, text in stories(args.data):
            out.write(json.dumps({"id": story_id, "title": title, "text": text},
                                 ensure_ascii=False) + "\n")
            count += 1
    print(f"idf_corpus: {count} stories written", file=sys.stderr)


if __name__ == "__main__":
    main()
