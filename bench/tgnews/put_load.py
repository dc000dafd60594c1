#!/usr/bin/env python3
"""PUTs every page of a directory to a running `newsloom tgnews server` over
CONNECTIONS keep-alive connections and prints the pages indexed per second,
overall and in the slowest stretch of WINDOW consecutive answers. With
--get-every S, one more connection asks GET /threads every S seconds
meanwhile (as the contest's checker queries while it indexes)."""
import argparse
import http.client
import os
import sys
import threading
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--window", type=int, default=1000)
    parser.add_argument("--get-every", type=float, default=0)
    args = parser.parse_args()
    names = sorted(os.listdir(args.dir))
    bodies = {}
    for name in names:
        with open(os.path.join(args.dir, name), "rb") as page:
            bodies[name] = page.read()
    lock = threading.Lock()
    queue = list(reversed(names))
    codes = {}
    done_times = []
    gets = []
    finished = threading.Event()

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=300)
        while True:
            with lock:
                if not queue:
                    break
                name = queue.pop()
            connection.request("PUT", "/" + name, bodies[name],
                               {"Content-Type": "text/html", "Cache-Control": "max-age=864000"})
            response = connection.getresponse()
            response.read()
            with lock:
                codes[response.status] = codes.get(response.status, 0) + 1
                done_times.append(time.monotonic())
        connection.close()

    def querier():
        connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=300)
        while not finished.wait(args.get_every):
            began = time.monotonic()
            connection.request("GET", "/threads?period=86400&lang_code=en&category=any")
            response = connection.getresponse()
            response.read()
            gets.append((response.status, time.monotonic() - began))
        connection.close()

    start = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(args.connections)]
    for thread in threads:
        thread.start()
    query = threading.Thread(target=querier) if args.get_every > 0 else None
    if query:
        query.start()
    for thread in threads:
        thread.join()
    seconds = time.monotonic() - start
    finished.set()
    if query:
        query.join()
    print("put: %d pages in %.1f s = %.0f pages/s over %d connections; status codes %s" %
          (len(names), seconds, len(names) / seconds, args.connections, codes))
    window = min(args.window, len(done_times) - 1)
    if window > 0:
        times = [start] + sorted(done_times)
        slowest = max(times[i + window] - times[i] for i in range(len(times) - window))
        print("put: slowest %d consecutive answers at %.0f pages/s" % (window, window / slowest))
    if gets:
        print("get: %d GET /threads meanwhile, longest %.0f ms, status codes %s" %
              (len(gets), 1000 * max(g[1] for g in gets), sorted(set(g[0] for g in gets))))
    ok = set(codes) <= {201, 204} and all(g[0] == 200 for g in gets)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
