#!/usr/bin/env python3
"""PUTs every page of a directory to a running `newsloom tgnews server` over
CONNECTIONS keep-alive connections and prints the pages indexed per second."""
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
    args = parser.parse_args()
    names = sorted(os.listdir(args.dir))
    bodies = {}
    for name in names:
        with open(os.path.join(args.dir, name), "rb") as page:
            bodies[name] = page.read()
    lock = threading.Lock()
    queue = list(reversed(names))
    codes = {}

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
        connection.close()

    start = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(args.connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.monotonic() - start
    print("put: %d pages in %.1f s = %.0f pages/s over %d connections; status codes %s" %
          (len(names), seconds, len(names) / seconds, args.connections, codes))
    sys.exit(0 if set(codes) <= {201, 204} else 1)


if __name__ == "__main__":
    main()
