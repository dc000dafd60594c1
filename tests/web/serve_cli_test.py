#!/usr/bin/env python3
"""End-to-end tests of `newsloom ingest`, `search` and `serve` on the sample.

Runs the real binary in a temporary directory: ingest twice (the second run
changes nothing), search with filters, then serve on a free port and speak
HTTP to it (urllib), and stop it with SIGTERM. Prints "N passed, N failed".
"""
import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request

RESULTS = {"passed": 0, "failed": 0}


def check(name, condition, detail=""):
    RESULTS["passed" if condition else "failed"] += 1
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else " " + str(detail)[:500]))


def run(*args, timeout=600):
    proc = subprocess.run(list(args), capture_output=True, timeout=timeout)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8", "replace")


def http(method, url, body=None, headers=None):
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--newsloom", required=True)
    parser.add_argument("--sample", required=True)
    args = parser.parse_args()
    nl = args.newsloom
    seeds = os.path.join(args.sample, "seeds")
    ecb = os.path.join(args.sample, "ecbplus", "ecbplus.jsonl")

    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "db")
        code, out, err = run(nl, "ingest", "--db", db, seeds, ecb)
        stored = re.search(r"stored (\d+) new, (\d+) updated, (\d+) unchanged", err)
        check("ingest exits 0 and reports what it stored", code == 0 and stored, err)
        check("ingest prints nothing on stdout", out == "", out)
        check("no progress bar when stderr is not a terminal", "\r" not in err, err)
        new = int(stored.group(1)) if stored else 0
        check("ingest stores the sample's articles", new > 700, err)
        code, out, err = run(nl, "ingest", "--db", db, seeds, ecb)
        again = re.search(r"stored (\d+) new, (\d+) updated, (\d+) unchanged", err)
        check("re-ingesting the same pages changes nothing",
              code == 0 and again and again.group(1) == "0" and again.group(2) == "0"
              and int(again.group(3)) == new, err)

        code, out, err = run(nl, "search", "--db", db, "Ishiba", "--limit", "5")
        lines = [json.loads(line) for line in out.splitlines()]
        check("search prints JSON Lines, best first",
              code == 0 and 0 < len(lines) <= 5
              and all(a["score"] >= b["score"] for a, b in zip(lines, lines[1:])), out + err)
        check("search results name their type",
              {line["type"] for line in lines} <= {"article", "story"}, out)
        code, out, err = run(nl, "search", "--db", db, "--type", "articles", "Lohan")
        check("search --type articles finds Lohan articles",
              code == 0 and out and all(json.loads(l)["type"] == "article" for l in out.splitlines()), err)
        code, out, err = run(nl, "search", "--db", db, "--since", "yesterday", "x")
        check("search with a bad --since exits 2", code == 2, err)
        code, out, err = run(nl, "search", "--db", db, '"NEAR(*', "OR")
        check("search survives FTS syntax in the query", code == 0, err)

        server = subprocess.Popen([nl, "serve", "--db", db, "--port", "0", "--threads", "8"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            line = server.stdout.readline().decode()
            match = re.search(r"serving (http://\S+?)/ \((\d+) articles", line)
            check("serve prints its address and counts", match, line)
            base = match.group(1) if match else "http://127.0.0.1:8080"
            check("serve binds 127.0.0.1 by default", "127.0.0.1" in base, base)
            status, body = http("GET", base + "/api/health")
            health = json.loads(body)
            check("GET /api/health", status == 200 and health["status"] == "ok"
                  and health["articles"] == new, body)
            status, body = http("GET", base + "/api/stories?limit=2")
            page = json.loads(body)
            check("GET /api/stories pages", status == 200 and len(page["stories"]) == 2
                  and page["next"], body)
            story_id = page["stories"][0]["id"]
            status, body = http("GET", base + "/api/stories/" + urllib.request.quote(story_id, safe=""))
            check("GET /api/stories/{id}", status == 200 and json.loads(body)["id"] == story_id, body)
            status, body = http("POST", base + "/api/articles?id=cli-post",
                                b"Flood warning\n\nThe river rose above the flood mark on Sunday "
                                b"night, the water agency said, and more rain is due.\n",
                                {"Content-Type": "text/plain"})
            check("POST /api/articles text/plain -> 201", status == 201
                  and json.loads(body)["id"] == "cli-post", body)
            status, body = http("DELETE", base + "/api/articles/cli-post")
            check("DELETE /api/articles/{id} -> 204", status == 204, body)
            status, body = http("GET", base + "/feeds/stories/atom")
            check("GET /feeds/stories/atom", status == 200 and body.startswith(b"<?xml"), body[:200])
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                code = server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                code = None
            check("serve stops cleanly on SIGTERM", code == 0, code)
            server.stdout.close()
            server.stderr.close()

    print(f"{RESULTS['passed']} passed, {RESULTS['failed']} failed")
    return 1 if RESULTS["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
