#!/usr/bin/env python3
"""Plays the Telegram Data Clustering Contest checker's script against
`newsloom tgnews server` on loopback and checks every status code and answer
shape: index pages, query, SIGTERM, restart, query (503 allowed while loading,
then 200), delete a random share, query, plus expiry by max-age.

Pages are contest-format HTML built from the ECB+ sample in data/sample (real
news texts, grouped by event) and a few Russian pages; exit 0 when all checks
pass, 1 with the failed check otherwise.
"""
import argparse
import html
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

CATEGORIES = ["society", "economy", "technology", "sports", "entertainment", "science", "other"]

RUSSIAN = [
    ("Центробанк повысил ключевую ставку",
     "Банк России повысил ключевую ставку на половину процентного пункта, сообщила пресс-служба "
     "регулятора в пятницу. Инфляция третий месяц подряд остается выше цели, а рубль ослаб к "
     "доллару на фоне падения цен на нефть. Аналитики ожидали более мягкого решения."),
    ("В Москве открылась новая станция метро",
     "В Москве открылась новая станция метро на Большой кольцевой линии, сообщил мэр города. "
     "Станция рассчитана на сорок тысяч пассажиров в сутки, строительство заняло три года. "
     "Жители соседних районов смогут добраться до центра на двадцать минут быстрее."),
    ("Сборная России выиграла матч отбора",
     "Сборная России по футболу обыграла соперника со счетом три один в матче отборочного "
     "турнира чемпионата Европы. Два мяча забил нападающий в втором тайме, еще один гол был "
     "забит с пенальти. Команда сохранила шансы на выход из группы."),
]


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def contest_page(url, site, published, title, paragraphs):
    body = "".join("<p>%s</p>" % html.escape(p) for p in paragraphs if p.strip())
    return ("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\"/>\n"
            "<meta property=\"og:url\" content=\"%s\"/>\n"
            "<meta property=\"og:site_name\" content=\"%s\"/>\n"
            "<meta property=\"article:published_time\" content=\"%s\"/>\n"
            "<meta property=\"og:title\" content=\"%s\"/>\n</head>\n<body>\n<article>\n"
            "<h1>%s</h1>\n<address><time datetime=\"%s\">%s</time></address>\n%s\n"
            "</article>\n</body>\n</html>\n") % (
                html.escape(url), html.escape(site), published, html.escape(title),
                html.escape(title), published, published, body)


def article_url(host, seconds, title, number):
    """A real article URL (section, date, slug), as the contest's pages have."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:70] or "story"
    return "https://www.%s/news/%s/%s-%d" % (host, time.strftime("%Y/%m/%d", time.gmtime(seconds)),
                                             slug, number)


def iso(seconds):
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(seconds))


BASE_TIME = 1572566400  # 2019-11-01T00:00:00Z, the contest's month


def build_pages(sample_dir, count, rng):
    """name -> (html, language, published seconds)."""
    records = []
    path = os.path.join(sample_dir, "ecbplus", "ecbplus.jsonl")
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if len(record.get("text", "")) > 300:
                records.append(record)
    rng.shuffle(records)
    records = records[:count]
    pages = {}
    for i, record in enumerate(records):
        topic = int(record["id"].split("_")[0])
        published = BASE_TIME + (topic % 20) * 3600 + rng.randrange(0, 3600)
        name = "%d.html" % (1000000 + i)
        page = contest_page(article_url("news%d.example.com" % (i % 7), published, record["title"], i),
                            "News %d" % (i % 7),
                            iso(published), record["title"], record["text"].split("\n"))
        pages[name] = (page, "en", published)
    for i, (title, text) in enumerate(RUSSIAN):
        published = BASE_TIME + 5 * 3600 + i * 60
        name = "%d.html" % (2000000 + i)
        pages[name] = (contest_page("https://www.ru-example.ru/news/2019/11/01/%d" % (682600 + i), "Пример", iso(published),
                                    title, [text, text]), "ru", published)
    return pages


class Client:
    def __init__(self, port):
        self.port = port

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    def put(self, name, page, max_age):
        return self.request("PUT", "/" + name, page.encode("utf-8"),
                            {"Content-Type": "text/html",
                             "Cache-Control": "max-age=%d" % max_age})[0]

    def delete(self, name):
        return self.request("DELETE", "/" + name)[0]

    def threads(self, period, lang, category):
        status, body = self.request(
            "GET", "/threads?period=%d&lang_code=%s&category=%s" % (period, lang, category))
        return status, body


def check_threads(status, body, category, known, where):
    check(status == 200, "%s: GET /threads answered %d: %r" % (where, status, body[:200]))
    answer = json.loads(body)
    check(isinstance(answer, dict) and list(answer.keys()) == ["threads"],
          "%s: the answer is not {\"threads\": [...]}: %r" % (where, body[:200]))
    names = []
    for thread in answer["threads"]:
        check(isinstance(thread, dict), "%s: a thread is not an object" % where)
        expected = {"title", "articles"} | ({"category"} if category == "any" else set())
        check(set(thread.keys()) == expected,
              "%s: thread keys %s, expected %s" % (where, sorted(thread), sorted(expected)))
        check(isinstance(thread["title"], str) and thread["title"],
              "%s: empty or non-string title" % where)
        if category == "any":
            check(thread["category"] in CATEGORIES, "%s: bad category %r" % (where, thread["category"]))
        check(isinstance(thread["articles"], list) and thread["articles"],
              "%s: a thread without articles" % where)
        for name in thread["articles"]:
            check(name in known, "%s: %r is not an indexed page" % (where, name))
            names.append(name)
    check(len(names) == len(set(names)), "%s: an article is in two threads" % where)
    return answer, set(names)


def all_answers(client, known, where):
    answers = {}
    for lang in ("en", "ru"):
        for category in ["any"] + CATEGORIES:
            status, body = client.threads(365 * 86400, lang, category)
            answers[(lang, category)] = check_threads(status, body, category, known,
                                                      "%s %s/%s" % (where, lang, category))
    return answers


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(newsloom, port, db):
    process = subprocess.Popen([newsloom, "tgnews", "server", str(port), "--db", db],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = process.stdout.readline()
    check("tgnews server" in line, "the server did not start: %r" % line)
    client = Client(port)
    saw = []
    deadline = time.time() + 300
    while time.time() < deadline:
        status, body = client.threads(3600, "en", "any")
        saw.append(status)
        if status == 200:
            break
        check(status == 503, "while loading: expected 503 or 200, got %d" % status)
        time.sleep(0.05)
    check(saw[-1] == 200, "the server did not finish loading")
    return process, client, saw.count(503)


def stop(process):
    process.send_signal(signal.SIGTERM)
    code = process.wait(timeout=60)
    check(code == 0, "the server exited with %d after SIGTERM" % code)


def run(args):
    rng = random.Random(args.seed)
    pages = build_pages(args.sample, args.pages, rng)
    db = tempfile.mkdtemp(prefix="tgnews_client_")
    port = free_port()
    process = None
    try:
        process, client, _ = start(args.newsloom, port, db)
        # Index: 201 when new.
        for name, (page, _, _) in pages.items():
            status = client.put(name, page, 30 * 86400)
            check(status == 201, "PUT %s: expected 201, got %d" % (name, status))
        # Replace: 204.
        for name in list(pages)[:5]:
            status = client.put(name, pages[name][0], 30 * 86400)
            check(status == 204, "PUT %s again: expected 204, got %d" % (name, status))
        # Hostile requests: 400, the server keeps serving.
        status, _ = client.request("PUT", "/x.html", b"<p>x</p>", {"Content-Type": "text/html"})
        check(status == 400, "PUT without Cache-Control: expected 400, got %d" % status)
        status, _ = client.request("GET", "/threads?period=x&lang_code=en&category=any")
        check(status == 400, "GET with a bad period: expected 400, got %d" % status)
        check(client.delete("never-put.html") == 404, "DELETE of an unknown page: expected 404")

        known = set(pages)
        before = all_answers(client, known, "after indexing")
        en_names = before[("en", "any")][1]
        ru_names = before[("ru", "any")][1]
        check(len(en_names) >= len(pages) // 2,
              "only %d English pages in threads" % len(en_names))
        check(ru_names and all(pages[n][1] == "ru" for n in ru_names),
              "Russian threads hold %r" % sorted(ru_names))
        for category in CATEGORIES:
            for lang in ("en", "ru"):
                names = before[(lang, category)][1]
                check(names <= before[(lang, "any")][1],
                      "%s/%s holds articles missing from any" % (lang, category))
        # The period counts back from the newest article.
        newest = max(p[2] for n, p in pages.items() if n in en_names)
        status, body = client.threads(3600, "en", "any")
        _, recent = check_threads(status, body, "any", known, "period=3600")
        check(recent and all(pages[n][2] >= newest - 3600 for n in recent),
              "period=3600 returned older articles")

        # SIGTERM, restart: 503 allowed while loading, then the same answers.
        stop(process)
        process, client, loading = start(args.newsloom, port, db)
        after = all_answers(client, known, "after restart")
        for key in before:
            check(before[key][1] == after[key][1],
                  "%s/%s differs after restart" % key)

        # Delete a random 10 to 90 percent.
        share = rng.uniform(0.1, 0.9)
        deleted = set(rng.sample(sorted(pages), int(len(pages) * share)))
        for name in sorted(deleted):
            status = client.delete(name)
            check(status == 204, "DELETE %s: expected 204, got %d" % (name, status))
            check(client.delete(name) == 404, "DELETE %s twice: expected 404" % name)
        live = known - deleted
        final = all_answers(client, live, "after deleting %.0f%%" % (share * 100))
        for key in before:
            check(final[key][1] == before[key][1] - deleted or final[key][1] <= live,
                  "%s/%s does not reflect the deletions" % key)
        check(final[("en", "any")][1] == before[("en", "any")][1] - deleted,
              "en/any is not the earlier answer minus the deleted pages")

        # max-age counts from the newest article: an old page with a short
        # max-age is gone once a newer page arrives.
        old_time = BASE_TIME - 86400
        status = client.put("old.html", contest_page(
            article_url("old.example.com", old_time, "Parliament passes the budget", 1), "Old", iso(old_time), "Parliament passes the budget",
            ["Parliament passed the national budget for next year on Thursday after a long "
             "debate about taxes, pensions and spending on schools and hospitals."] * 2), 3600)
        check(status == 201, "PUT old.html: expected 201, got %d" % status)
        status, body = client.threads(365 * 86400, "en", "any")
        _, names = check_threads(status, body, "any", live | {"old.html"}, "after old.html")
        check("old.html" not in names, "an article past its max-age is still answered")

        stop(process)
        process = None
        print("tgnews_client: ok: %d pages, %d deleted (%.0f%%), %d answers of 503 while "
              "loading, %d en and %d ru articles in threads" %
              (len(pages), len(deleted), share * 100, loading, len(en_names), len(ru_names)))
        return 0
    except Failure as failure:
        print("tgnews_client: FAILED: %s" % failure, file=sys.stderr)
        return 1
    finally:
        if process is not None:
            process.kill()
            process.wait()
        shutil.rmtree(db, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--newsloom", required=True)
    parser.add_argument("--sample", required=True, help="the repository's data/sample")
    parser.add_argument("--pages", type=int, default=120)
    parser.add_argument("--seed", type=int, default=7)
    sys.exit(run(parser.parse_args()))


if __name__ == "__main__":
    main()
