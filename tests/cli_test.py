#!/usr/bin/env python3
"""End-to-end tests of the newsloom command on real files and hostile input.

Runs the real binary in a temporary directory; every case checks the exit
code, stdout and stderr. Prints "N passed, N failed" last.
"""
import argparse
import csv
import datetime
import gzip
import io
import json
import os
import subprocess
import sys
import tempfile

RESULTS = {"passed": 0, "failed": 0}


def check(name, condition, detail=""):
    if condition:
        RESULTS["passed"] += 1
        print(f"ok   {name}")
    else:
        RESULTS["failed"] += 1
        print(f"FAIL {name} {detail}")


def run(newsloom, *args, timeout=300):
    proc = subprocess.run([newsloom, *args], capture_output=True, timeout=timeout)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8", "replace")


def records(stdout):
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


ARTICLE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Council approves new budget | Example News</title>
<meta property="og:site_name" content="Example News"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Council approves new budget</h1>
<p>The city council approved a new budget on Tuesday after a long debate about schools and roads.</p>
<p>The budget raises spending on public transport by ten percent and freezes property taxes for a year.</p>
<p>Opponents said the plan relies on optimistic forecasts of tax revenue from new businesses.</p>
</article><footer>Copyright 2024 Example News</footer></body></html>"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--newsloom", required=True)
    parser.add_argument("--sample", required=True)
    args = parser.parse_args()
    nl = args.newsloom

    code, out, err = run(nl, "--help")
    check("--help exits 0 and names extract", code == 0 and "extract" in out, err)
    code, out, err = run(nl, "extract", "--no-such-flag", args.sample)
    check("unknown flag exits 2 with one line", code == 2 and len(err.strip().splitlines()) == 1, err)
    code, out, err = run(nl, "extract", "--jobs", "-3", args.sample)
    check("negative --jobs is refused", code == 2, err)
    code, out, err = run(nl)
    check("no subcommand exits 2", code == 2, err)
    code, out, err = run(nl, "extrct", args.sample)
    check("a misspelt command is named", code == 2 and "unknown command 'extrct'" in err, err)

    code, out, err = run(nl, "extract", "--quiet", args.sample)
    got = records(out)
    check("sample extracts without error", code == 0, err)
    ids = {r["id"] for r in got}
    check("seed pages present", "002_887f832ead80bb63" in ids and "004_22c7fb5415bc449d" in ids)
    check("ECB+ records present", "1_10ecb.xml" in ids, sorted(ids)[:5])
    for field in ("id", "url", "title", "author", "published", "site", "language", "description",
                  "text", "is_news"):
        check(f"field {field} in every record", all(field in r for r in got))
    seed2 = next((r for r in got if r["id"] == "002_887f832ead80bb63"), {})
    check("seed 002 keeps the article", "Ishiba" in seed2.get("text", ""))
    check("seed 002 drops the donation appeal", "Dear readers" not in seed2.get("text", ""))

    with tempfile.TemporaryDirectory() as tmp:
        def write(name, data):
            path = os.path.join(tmp, name)
            with open(path, "wb") as fh:
                fh.write(data)
            return path

        good = write("good.html", ARTICLE.encode())
        gz = write("good2.html.gz", gzip.compress(ARTICLE.encode()))
        truncated = write("truncated.html.gz", gzip.compress(ARTICLE.encode() * 50)[:200])
        binary = write("junk.html", bytes(range(256)) * 64)
        empty = write("empty.html", b"")
        invalid = write("invalid.html", ARTICLE.replace("ten percent", "ten \xff\xfe percent")
                        .encode("latin-1", "replace"))
        deep = write("deep.html", b"<html><body>" + b"<div>" * 10000 + b"<p>deep text</p>" +
                     b"</div>" * 10000 + b"</body></html>")
        big_paragraph = "<p>" + "word " * 200 + "</p>"
        huge = write("huge.html", ("<html><body><article>" + big_paragraph * 50000 +
                                   "</article></body></html>").encode())
        missing = os.path.join(tmp, "missing.html")

        records_in = write("classify.jsonl", (json.dumps({
            "id": "shop", "title": "Buy cheap shoes online",
            "text": "Add to cart. Free shipping on orders over $50. Size guide. Returns within "
                    "30 days. Sign in to see your wish list."}) + "\n" + json.dumps({
            "id": "match", "title": "United beat City 3-1 in the derby",
            "text": "Manchester United beat Manchester City 3-1 on Sunday, with two goals from "
                    "their striker in the second half, to move up to third in the Premier "
                    "League table. The coach praised the defence after the match."}) +
            "\n").encode())
        code, out, err = run(nl, "classify", records_in)
        labels = {r["id"]: r for r in records(out)}
        check("classify: a sports report is news about sports",
              labels.get("match", {}).get("category") == "sports"
              and labels["match"].get("is_news") is True, out)
        check("classify: a shop page is not news, labelled not_news",
              labels.get("shop", {}).get("category") == "not_news"
              and labels["shop"].get("is_news") is False, out)

        code, out, err = run(nl, "extract", "--quiet", good, gz)
        got = records(out)
        check("html and gzip html extract", code == 0 and len(got) == 2, err)
        text = got[0]["text"] if got else ""
        check("article text kept", "optimistic forecasts" in text, text)
        check("navigation and footer dropped", "Home" not in text and "Copyright" not in text, text)
        check("title without site suffix", got and got[0]["title"] == "Council approves new budget",
              got and got[0]["title"])

        code, out, err = run(nl, "extract", "--quiet", "--jobs", "2", good, truncated, binary,
                             empty, missing, invalid, gz)
        got = records(out)
        lines = [l for l in err.splitlines() if l.strip()]
        check("bad inputs: exit 1", code == 1, code)
        check("bad inputs: good ones still extracted", [r["id"] for r in got] ==
              ["good", "invalid", "good2"], [r["id"] for r in got])
        check("bad inputs: one error line each", len(lines) == 4, lines)
        check("truncated gzip named", any("truncated.html.gz" in l and "gzip" in l for l in lines))
        check("missing path named", any("missing.html" in l for l in lines))
        check("invalid UTF-8 repaired", got and "\ufffd" in json.dumps(got[1], ensure_ascii=False)
              or "ten" in got[1]["text"])

        code, out, err = run(nl, "extract", "--quiet", deep)
        check("10,000-deep nesting is handled", code in (0, 1) and "Traceback" not in err, err)

        code, out, err = run(nl, "extract", "--quiet", "--max-page-mb", "1", huge)
        check("page over --max-page-mb refused with one line", code == 1 and
              len(err.strip().splitlines()) == 1, err)
        code, out, err = run(nl, "extract", "--quiet", huge)
        check("50 MB page extracts", code == 0 and len(records(out)) == 1, err[:200])

        # Other tools' field names out, and back in: the same articles.
        code, out, err = run(nl, "extract", "--quiet", good, gz)
        ours = records(out)
        for name, text_field, url_field in (("news-please", "maintext", "url"),
                                            ("trafilatura", "text", "source")):
            code, out, err = run(nl, "extract", "--quiet", "--format", name, good, gz)
            theirs = records(out)
            check(f"--format {name} uses its field names", code == 0 and len(theirs) == 2 and
                  all(text_field in r and url_field in r for r in theirs), out[:300])
            back = records(run(nl, "extract", "--quiet", write(f"{name}.jsonl", out.encode()))[1])
            check(f"--format {name} reads back to the same articles",
                  [(r["id"], r["title"], r["text"]) for r in back] ==
                  [(r["id"], r["title"], r["text"]) for r in ours], back[:1])
        code, out, err = run(nl, "extract", "--quiet", "--format", "csv", good, gz)
        rows = list(csv.reader(io.StringIO(out, newline="")))
        check("--format csv: a header and a row per article", code == 0 and len(rows) == 3 and
              rows[0][:3] == ["id", "url", "title"] and rows[1][0] == "good", rows[:2])
        check("--format csv: text with line breaks survives quoting",
              rows and len(rows) == 3 and rows[1][-1] == ours[0]["text"], rows[1][-1:])
        code, out, err = run(nl, "stories", "--quiet", "--format", "csv", args.sample)
        rows = list(csv.reader(io.StringIO(out, newline="")))
        check("stories --format csv: a header and a row per story", code == 0 and len(rows) > 2 and
              rows[0][0] == "id" and all(len(r) == len(rows[0]) for r in rows), err)
        # The digest page (seed 000) writes no year; its lede "Tuesday (March 4)" is
        # pinned to 2025 by the fetch date (now) while now is within four years of it,
        # and the page's other ledes take that anchor: "gathered on Feb. 24".
        if datetime.date.today() < datetime.date(2029, 3, 4):
            code, out, err = run(nl, "stories", "--quiet", os.path.join(args.sample, "seeds"))
            events = [(e["date"], e["text"]) for s in records(out) for e in s.get("timeline", [])]
            check("stories on the seeds date the Feb 24 anniversary",
                  any(d == "2025-02-24" and "third anniversary" in t for d, t in events), events)
        code, out, err = run(nl, "extract", "--format", "xml", good)
        check("unknown --format is refused", code == 2 and "--format" in err, err)

    print(f"{RESULTS['passed']} passed, {RESULTS['failed']} failed")
    return 1 if RESULTS["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
