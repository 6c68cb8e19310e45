#!/usr/bin/env python3
"""The staff workbench's reads at scale: the SQL behind search by domain, the by-host view, a
host's group page and the case page's related cases (crates/hotline-store/src/search.rs), run
RUNS times each against a seeded database, with p50 and p99 in milliseconds.

    python3 bench/staff_queries.py --sqlite DATA_DIR/hotline.db [--runs 200]
    python3 bench/staff_queries.py --postgres postgres://… [--runs 200]   (needs psql)

Seed first with `hotline dev seed --cases N` (bench/staff.sh does both engines). The SQL
text is the store's own, copied here: keep the two in step.
"""

import argparse
import re
import statistics
import subprocess
import time

FOUND = (
    "c.id, c.canonical_url, c.host, c.registrable_domain, c.state, c.priority, c.created_at, "
    "c.closed_reason, (SELECT a.classification FROM assessments a WHERE a.case_id = c.id ORDER BY a.id DESC LIMIT 1), "
    "(SELECT t.countries FROM traces t WHERE t.case_id = c.id ORDER BY t.traced_at DESC, t.id DESC LIMIT 1)"
)

QUERIES = {
    "search by domain (first page)": (
        f"SELECT {FOUND} FROM cases c WHERE c.registrable_domain = $1 ORDER BY c.id DESC LIMIT $2",
        lambda p: [p["domain"], 51],
    ),
    "search by domain (a later page)": (
        f"SELECT {FOUND} FROM cases c WHERE c.registrable_domain = $1 AND c.id < $2 ORDER BY c.id DESC LIMIT $3",
        lambda p: [p["domain"], p["middle_id"], 51],
    ),
    "search by host": (
        f"SELECT {FOUND} FROM cases c WHERE c.host = $1 ORDER BY c.id DESC LIMIT $2",
        lambda p: [p["host"], 51],
    ),
    "by-host view": (
        "SELECT key, open_cases, oldest_at FROM case_groups WHERE kind = $1 AND open_cases > 0 "
        "AND oldest_at IS NOT NULL ORDER BY oldest_at, key LIMIT $2",
        lambda p: ["host", 51],
    ),
    "a host's open cases (group page)": (
        f"SELECT {FOUND} FROM cases c WHERE c.host = $1 AND c.state <> 'closed' ORDER BY c.created_at, c.id LIMIT $2",
        lambda p: [p["host"], 500],
    ),
    "related: same host": (
        f"SELECT {FOUND} FROM cases c WHERE c.host = $1 AND c.id <> $2 ORDER BY c.id DESC LIMIT $3",
        lambda p: [p["host"], p["case_id"], 10],
    ),
    "related: same domain, other hosts": (
        f"SELECT {FOUND} FROM cases c WHERE c.registrable_domain = $1 AND c.host <> $2 ORDER BY c.id DESC LIMIT $3",
        lambda p: [p["domain"], p["host"], 10],
    ),
    "related: the domain's history": (
        "SELECT (SELECT open_cases FROM case_groups WHERE kind = 'domain' AND key = $1), "
        "(SELECT created_at FROM cases WHERE registrable_domain = $1 ORDER BY id LIMIT 1)",
        lambda p: [p["domain"]],
    ),
    "related: IP addresses of the case": (
        "SELECT ip FROM case_hosting WHERE case_id = $1 ORDER BY ip LIMIT 8",
        lambda p: [p["case_id"]],
    ),
}


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def sqlite_runs(path, runs):
    import sqlite3

    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    one = lambda sql: db.execute(sql).fetchone()
    (n,) = one("SELECT COUNT(*) FROM cases")
    case_id, host, domain = one(
        "SELECT id, host, registrable_domain FROM cases WHERE registrable_domain IS NOT NULL ORDER BY id DESC LIMIT 1"
    )
    params = {"case_id": case_id, "host": host, "domain": domain, "middle_id": case_id // 2}
    out = {}
    for name, (sql, args) in QUERIES.items():
        sql = re.sub(r"\$(\d+)", r"?\1", sql)
        values = args(params)
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            db.execute(sql, values).fetchall()
            times.append((time.perf_counter() - t) * 1000)
        out[name] = times
    return n, out


def literal(v):
    return str(v) if isinstance(v, int) else "'" + str(v).replace("'", "''") + "'"


def postgres_runs(url, runs):
    def psql(sql):
        return subprocess.run(
            ["psql", url, "-XAtq", "-c", sql], check=True, capture_output=True, text=True
        ).stdout.strip()

    n = int(psql("SELECT COUNT(*) FROM cases"))
    case_id, host, domain = psql(
        "SELECT id, host, registrable_domain FROM cases WHERE registrable_domain IS NOT NULL ORDER BY id DESC LIMIT 1"
    ).split("|")
    params = {"case_id": int(case_id), "host": host, "domain": domain, "middle_id": int(case_id) // 2}
    out = {}
    for name, (sql, args) in QUERIES.items():
        values = args(params)
        # A prepared statement, as sqlx runs it; \timing reports each execution.
        args_sql = ", ".join(literal(v) for v in values)
        script = ["\\timing on", f"PREPARE q AS {sql};"] + [f"EXECUTE q({args_sql});"] * runs
        res = subprocess.run(
            ["psql", url, "-Xq", "-o", "/dev/null"], input="\n".join(script), check=True,
            capture_output=True, text=True,
        )
        times = [float(m) for m in re.findall(r"Time: ([0-9.]+) ms", res.stdout + res.stderr)]
        out[name] = times[-runs:]
    return n, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sqlite")
    ap.add_argument("--postgres")
    ap.add_argument("--runs", type=int, default=200)
    a = ap.parse_args()
    if a.sqlite:
        engine, (n, out) = "sqlite", sqlite_runs(a.sqlite, a.runs)
    else:
        engine, (n, out) = "postgres", postgres_runs(a.postgres, a.runs)
    print(f"{engine}: {n} cases, {a.runs} runs per query (ms)")
    print(f"| query | p50 | p99 |")
    print(f"| --- | ---: | ---: |")
    for name, times in out.items():
        print(f"| {name} | {statistics.median(times):.2f} | {pct(times, 0.99):.2f} |")


if __name__ == "__main__":
    main()
