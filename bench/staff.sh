#!/usr/bin/env bash
# The analysts' workbench at a million cases, through HTTP (issue 19): fills a database with
# CASES synthetic cases shaped like a hotline's work (`hotline dev seed --shape workbench`:
# reports of 1-50 addresses, 20 hosts with thousands of cases, 2,000 image hosts under 400
# domains, 60,000 small sites, hosting on documentation IP addresses), starts the real
# `hotline serve` on loopback, signs in as a supervisor (password, TOTP, CSRF) and times, one
# request at a time, search by domain, search by address fragment, the by-host view and the
# case page with its related cases: p50/p95/p99 per page. Figures, not a test; nothing leaves
# the machine (network.offline, reserved names only).
#
#   bench/staff.sh [sqlite|postgres|all]     (default: all)
#
# Environment: HOTLINE_BIN (default $CARGO_TARGET_DIR/release/hotline, else
# target/release/hotline), CASES (default 1000000), RUNS (requests per page, default 300),
# BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432), STAFF_BENCH_DIR (keep the
# databases there and reuse them on the next run instead of seeding again; default: a scratch
# directory and database removed at the end).
set -euo pipefail
cd "$(dirname "$0")/.."

engines=${1:-all}
[ "$engines" = all ] && engines="sqlite postgres"
CASES=${CASES:-1000000}
RUNS=${RUNS:-300}
PG=${BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432}
source bench/common.sh
needs curl python3
keep=${STAFF_BENCH_DIR:-}

export HOTLINE_NETWORK__OFFLINE=true RUST_LOG=warn
password="staff benchmark password"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); $CASES cases; $RUNS requests per page; $(date -u '+%Y-%m-%d %H:%M UTC'); $("$BIN" --version 2>/dev/null || echo hotline)"
for engine in $engines; do
  base_dir=${keep:-$work}
  data="$base_dir/data-$engine"
  mkdir -p "$data"
  chmod 700 "$data"
  db_args=()
  name="hotline_staff_bench"
  [ -z "$keep" ] && name="hotline_staff_bench_$$"
  if [ "$engine" = postgres ]; then
    db_args=(--database "$PG/$name")
    if [ ! -f "$data/seeded" ]; then
      psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $name" >/dev/null
      psql "$PG/postgres" -qc "CREATE DATABASE $name" >/dev/null
    fi
  fi
  "$BIN" migrate --data-dir "$data" "${db_args[@]}" >/dev/null
  if [ ! -f "$data/seeded" ]; then
    started=$(date +%s)
    "$BIN" dev seed --cases "$CASES" --shape workbench --data-dir "$data" "${db_args[@]}" 2>/dev/null
    if [ "$engine" = postgres ]; then psql "$PG/$name" -qc "VACUUM ANALYZE" >/dev/null; fi
    echo "$engine: filled in $(( $(date +%s) - started )) s"
    otpauth=$(printf '%s\n' "$password" | "$BIN" user add bench --role supervisor --data-dir "$data" "${db_args[@]}" 2>/dev/null | grep '^otpauth://')
    printf '%s\n' "$otpauth" >"$data/otpauth"
    touch "$data/seeded"
  fi
  otpauth=$(cat "$data/otpauth")
  if [ "$engine" = sqlite ]; then
    echo "$engine: database $(du -sh "$data" | cut -f1)"
  else
    echo "$engine: database $(psql "$PG/$name" -XAtqc "SELECT pg_size_pretty(pg_database_size('$name'))")"
  fi

  port=$(free_port)
  base="http://127.0.0.1:$port"
  # No background workers: the seed's million trace jobs would run during the timing (and, in
  # offline mode, replace the seeded hosting with none).
  "$BIN" serve --workers 0 --data-dir "$data" --listen "127.0.0.1:$port" "${db_args[@]}" 2>"$work/serve-$engine.log" &
  server=$!
  pids+=($server)
  # Up to two minutes: the start-up integrity check reads the whole SQLite file (15 s at a
  # million cases on the 2-core machine).
  for _ in $(seq 1 240); do curl -fs -o /dev/null "$base/readyz" && break; sleep 0.5; done
  curl -fs -o /dev/null "$base/readyz" || { echo "$engine: nothing answers at $base/readyz" >&2; exit 1; }

  jar="$work/cookies-$engine"
  csrf=$(curl -fsS -c "$jar" -b "$jar" "$base/staff/login" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -n1)
  status=$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
    --data-urlencode "username=bench" --data-urlencode "password=$password" \
    --data-urlencode "totp=$(totp "$otpauth")" --data-urlencode "csrf_token=$csrf" "$base/staff/login")
  [ "$status" = 303 ] || { echo "$engine: sign-in failed ($status)" >&2; exit 1; }
  session=$(awk '$6 == "hotline_session" { print $7 }' "$jar")

  python3 bench/staff_pages.py --base "$base" --cookie "hotline_session=$session" --cases "$CASES" --runs "$RUNS" --engine "$engine"

  kill "$server"; wait "$server" 2>/dev/null || true
  if [ -z "$keep" ] && [ "$engine" = postgres ]; then psql "$PG/postgres" -qc "DROP DATABASE $name" >/dev/null; fi
done
