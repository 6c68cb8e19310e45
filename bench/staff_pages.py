#!/usr/bin/env python3
"""Times the analysts' workbench pages through HTTP, one request at a time on one kept-alive
connection, against a server signed in by bench/staff.sh on a database filled with
`hotline dev seed --shape workbench`. Each page is asked RUNS times with varied arguments
(drawn with a fixed seed from the names the seed uses), after a few untimed warm-up requests;
every answer must be 200 and show what the page should (a result table, the related cases).
Prints p50/p95/p99/max in milliseconds per page, as a Markdown table.

    python3 bench/staff_pages.py --base http://127.0.0.1:PORT --cookie hotline_session=… \
        --cases 1000000 [--runs 300] [--engine sqlite]
"""

import argparse
import http.client
import random
import statistics
import time
import urllib.parse


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def pages(cases, rnd):
    """Page name -> a function giving (path, what the body must contain)."""

    def q(**kw):
        return urllib.parse.urlencode(kw)

    def domain():
        roll = rnd.random()
        if roll < 0.1:
            d = "example.net"  # one host that is its own domain: 5% of all cases
        elif roll < 0.2:
            d = "example.com"  # the 20 big galleries: 10% of all cases
        elif roll < 0.6:
            d = f"host-{rnd.randrange(400)}.test"  # image hosts: about 900 cases each
        else:
            d = f"site-{rnd.randrange(60000)}.test"  # the long tail: a few cases each
        return f"/staff/search?{q(q=d, by='domain')}", ("<caption>", "No case found")

    def fragment():
        roll = rnd.random()
        if roll < 0.25:
            f = f"gallery-{rnd.randrange(20)}."  # thousands of cases
        elif roll < 0.5:
            f = f"img-{rnd.randrange(2000)}.host"  # hundreds
        elif roll < 0.75:
            f = f"site-{rnd.randrange(60000)}.test/"  # a few, or none
        else:
            f = f"photo-{rnd.randrange(50)}.html"  # everywhere
        return f"/staff/search?{q(q=f, by='address')}", ("<caption>", "No case found")

    def by_host():
        return "/staff/groups/host", ("gallery-", "img-", "site-")

    def case_page():
        return f"/staff/cases/{rnd.randrange(1, cases + 1)}", ('id="related"',)

    return {
        "search by domain": domain,
        "search by address fragment": fragment,
        "by-host view": by_host,
        "case page with related cases": case_page,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--cookie", required=True)
    ap.add_argument("--cases", type=int, required=True)
    ap.add_argument("--runs", type=int, default=300)
    ap.add_argument("--warmup", type=int, default=20)
    ap.add_argument("--engine", default="")
    a = ap.parse_args()
    url = urllib.parse.urlparse(a.base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    headers = {"Cookie": a.cookie, "Accept-Language": "en"}
    rnd = random.Random(19)
    print(f"| engine | page | p50 ms | p95 ms | p99 ms | max ms | requests |")
    print(f"| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for name, make in pages(a.cases, rnd).items():
        times = []
        for i in range(a.warmup + a.runs):
            path, expect = make()
            t = time.perf_counter()
            conn.request("GET", path, headers=headers)
            res = conn.getresponse()
            body = res.read().decode("utf-8", "replace")
            ms = (time.perf_counter() - t) * 1000
            if res.status != 200 or not any(e in body for e in expect):
                raise SystemExit(f"{name}: GET {path} answered {res.status} without {expect!r}")
            if i >= a.warmup:
                times.append(ms)
        print(
            f"| {a.engine} | {name} | {statistics.median(times):.2f} | {pct(times, 0.95):.2f} "
            f"| {pct(times, 0.99):.2f} | {max(times):.2f} | {len(times)} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
