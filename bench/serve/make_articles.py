#!/usr/bin/env python3
"""Writes N synthetic articles as JSON Lines for the serve load bench.

Built from the real texts of data/sample (the ECB+ records and the seed pages):
each synthetic article takes a real title and the sentences of two or three real
records, a source from a fixed list and a time spread over thirty days, so the
store and the full-text index see real vocabulary at a realistic size.
Deterministic (seeded): the same N gives the same file.
"""
import argparse
import json
import os
import random


def real_texts(sample):
    records = []
    with open(os.path.join(sample, "ecbplus", "ecbplus.jsonl"), encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record.get("text"):
                records.append((record.get("title") or "", record["text"]))
    seeds = os.path.join(sample, "seeds")
    for name in sorted(os.listdir(seeds)):
        with open(os.path.join(seeds, name), encoding="utf-8", errors="replace") as page:
            text = page.read()
        paragraphs = [p.strip() for p in text.split("\n") if len(p.strip()) > 80]
        if paragraphs:
            records.append((paragraphs[0][:100], "\n".join(paragraphs[1:40])))
    return records


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sample", default="data/sample")
    parser.add_argument("--count", type=int, default=100000)
    parser.add_argument("--prefix", default="synth")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    texts = real_texts(args.sample)
    rng = random.Random(20241122)
    sources = ["news%02d.example" % i for i in range(60)]
    start = 1727049600  # 2024-09-23
    with open(args.out, "w", encoding="utf-8") as out:
        for i in range(args.count):
            picks = rng.sample(texts, rng.randint(2, 3))
            title = picks[0][0] or picks[0][1][:80]
            body = "\n".join(text for _, text in picks)
            source = rng.choice(sources)
            seconds = start + rng.randrange(30 * 86400)
            record = {
                "id": "%s-%d" % (args.prefix, i),
                "title": title,
                "text": body,
                "url": "https://%s/%s/%d" % (source, args.prefix, i),
                "source_domain": source,
                "language": "en",
                "date_publish": "%s" % seconds_to_iso(seconds),
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def seconds_to_iso(seconds):
    import datetime
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).strftime(
        "%Y-%m-%d %H:%M:%S")


if __name__ == "__main__":
    main()
