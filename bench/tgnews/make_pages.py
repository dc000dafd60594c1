#!/usr/bin/env python3
"""Writes COUNT contest-format HTML pages (as in the Telegram Data Clustering
Contest archives) built from real news texts: AG News and BBC News from
../shared/data/classify. Past the records available, texts are reused with
their sentences rotated (near-duplicates, as real feeds have). Publication
times spread over three days of November 2019. Exit 77 when the data is absent."""
import argparse
import json
import os
import random
import re
import sys
import time

# The page template is the contest test client's, so bench and test pages are alike.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests"))
from tgnews_client import contest_page  # noqa: E402


def slug(title):
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:70] or "story"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", required=True, help="../shared/data")
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    records = []
    for name in ("bbc.jsonl", "ag_news.jsonl"):
        path = os.path.join(args.data, "classify", name)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                if record.get("text", "").strip():
                    records.append(record)
    if not records:
        print("make_pages: no texts under %s/classify" % args.data, file=sys.stderr)
        sys.exit(77)
    rng = random.Random(1)
    rng.shuffle(records)
    os.makedirs(args.out, exist_ok=True)
    base = 1572566400  # 2019-11-01T00:00:00Z
    for i in range(args.count):
        record = records[i % len(records)]
        paragraphs = [p for p in record["text"].split("\n") if p.strip()]
        if i >= len(records):
            sentences = " ".join(paragraphs).split(". ")
            shift = 1 + (i // len(records)) % max(1, len(sentences))
            paragraphs = [". ".join(sentences[shift:] + sentences[:shift])]
        seconds = base + rng.randrange(0, 3 * 86400)
        published = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(seconds))
        title = record.get("title") or paragraphs[0][:80]
        # Real article URLs (section, date, slug), as the contest's pages have.
        url = "https://www.site%d.example.com/news/%s/%s-%d" % (
            i % 40, time.strftime("%Y/%m/%d", time.gmtime(seconds)), slug(title), i)
        with open(os.path.join(args.out, "%d.html" % (100000 + i)), "w", encoding="utf-8") as out:
            out.write(contest_page(url, "Site %d" % (i % 40), published, title, paragraphs))


if __name__ == "__main__":
    main()
