#!/usr/bin/env python3
"""Writes a WARC.gz archive shaped like Common Crawl's CC-NEWS: a warcinfo
record, then for each page a request and a response record (HTTP headers with
the charset, WARC-Target-URI, WARC-Date), every record its own gzip member.
The pages are real news pages (../shared/data/extract/scrapinghub/html, or any
directory of .html/.html.gz files), repeated until the uncompressed archive
reaches SIZE_MB; each copy gets its own URL and record id. Exit 77 when the
page directory is absent."""
import argparse
import gzip
import os
import sys
import uuid


def record(kind, headers, block):
    head = "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\n" % (kind, uuid.uuid4())
    head += "".join("%s: %s\r\n" % item for item in headers)
    head += "Content-Length: %d\r\n\r\n" % len(block)
    return head.encode() + block + b"\r\n\r\n"


def load_pages(directory):
    pages = []
    for name in sorted(os.listdir(directory)):
        path = os.path.join(directory, name)
        if name.endswith(".html.gz"):
            with gzip.open(path, "rb") as page:
                pages.append((name[:-8], page.read()))
        elif name.endswith(".html"):
            with open(path, "rb") as page:
                pages.append((name[:-5], page.read()))
    return pages


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", required=True, help="directory of .html or .html.gz pages")
    parser.add_argument("--size-mb", type=float, required=True, help="uncompressed size")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    if not os.path.isdir(args.pages):
        print("no page directory %s" % args.pages, file=sys.stderr)
        sys.exit(77)
    pages = load_pages(args.pages)
    if not pages:
        print("no .html or .html.gz page in %s" % args.pages, file=sys.stderr)
        sys.exit(77)
    target = int(args.size_mb * 1024 * 1024)
    written = 0
    responses = 0
    with open(args.out + ".part", "wb") as out:
        def member(data):
            nonlocal written
            written += len(data)
            out.write(gzip.compress(data, compresslevel=6))

        member(record("warcinfo", [("Content-Type", "application/warc-fields")],
                      b"software: newsloom bench/warc/make_warc.py\r\nformat: WARC/1.0\r\n"))
        while written < target:
            name, html = pages[responses % len(pages)]
            url = "https://news.example.com/%d/%s" % (responses // len(pages), name)
            date = "2019-11-%02dT%02d:%02d:00Z" % (1 + responses % 28, responses % 24,
                                                    responses % 60)
            member(record("request", [("WARC-Target-URI", url), ("WARC-Date", date),
                                      ("Content-Type", "application/http; msgtype=request")],
                          ("GET / HTTP/1.1\r\nHost: news.example.com\r\n\r\n").encode()))
            http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                    b"Content-Length: %d\r\n\r\n" % len(html)) + html
            member(record("response", [("WARC-Target-URI", url), ("WARC-Date", date),
                                       ("Content-Type", "application/http; msgtype=response")],
                          http))
            responses += 1
    os.replace(args.out + ".part", args.out)
    print("%s: %d responses, %.0f MB uncompressed, %.0f MB on disk" %
          (args.out, responses, written / 2**20, os.path.getsize(args.out) / 2**20))


if __name__ == "__main__":
    main()
