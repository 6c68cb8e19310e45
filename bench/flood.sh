#!/usr/bin/env bash
# Does a report flood delay staff pages? A signed-in supervisor loads the queue page
# (`GET /staff/`) with wrk at one connection, first alone, then while a second wrk posts new
# anonymous reports at 64 connections. Prints the staff page's p50/p99 both ways and the
# flood's rate. Figures, not a test; nothing leaves the machine (network.offline, addresses
# under example.test).
#
#   bench/flood.sh [sqlite|postgres|all]     (default: sqlite)
#
# Environment: HOTLINE_BIN (default $CARGO_TARGET_DIR/release/hotline, else
# target/release/hotline), DURATION (each measurement, default 10s), SEED_CASES (cases in the
# database before the runs, default 10000), STAFF_CONNECTIONS (default 1), FLOOD_CONNECTIONS
# (default 64), BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432).
set -euo pipefail
cd "$(dirname "$0")/.."

engines=${1:-sqlite}
[ "$engines" = all ] && engines="sqlite postgres"
DURATION=${DURATION:-10s}
SEED_CASES=${SEED_CASES:-10000}
STAFF_CONNECTIONS=${STAFF_CONNECTIONS:-1}
FLOOD_CONNECTIONS=${FLOOD_CONNECTIONS:-64}
PG=${BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432}
source bench/common.sh
needs wrk curl python3

secs() { case "$1" in *m) echo $(( ${1%m} * 60 ));; *s) echo "${1%s}";; *) echo "$1";; esac; }

# One wrk run's figures: "rate non2xx p50 p99" (latencies in ms).
figures() {
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec:/ { rate = $2 }
    /Non-2xx or 3xx responses:/ { bad = $5 }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
    END { printf "%.0f %d %.2f %.2f\n", rate, bad, p50, p99 }'
}
staff_run() { # base cookie
  wrk -t1 -c"$STAFF_CONNECTIONS" -d"$DURATION" --latency -H "Cookie: $2" -H "Accept-Language: en" "$1/staff/" | figures
}

password="flood benchmark password"
echo "machine: $(nproc) cores; staff: $STAFF_CONNECTIONS connection(s) on GET /staff/; flood: $FLOOD_CONNECTIONS connections posting reports; runs of $DURATION; $SEED_CASES cases seeded"
printf '%-9s %-12s %10s %7s %9s %9s %12s %7s\n' engine staff "staff/s" non2xx "p50 ms" "p99 ms" "reports/s" non2xx
for engine in $engines; do
  data="$work/data-$engine"
  mkdir -p "$data"
  chmod 700 "$data"
  db_args=()
  if [ "$engine" = postgres ]; then
    name="hotline_flood_$$"
    psql "$PG/postgres" -qc "CREATE DATABASE $name" >/dev/null
    db_args=(--database "$PG/$name")
  fi
  export HOTLINE_NETWORK__OFFLINE=true HOTLINE_INTAKE__RATE_LIMIT_PER_MINUTE=0 RUST_LOG=warn
  "$BIN" migrate --data-dir "$data" "${db_args[@]}" >/dev/null
  "$BIN" dev seed --cases "$SEED_CASES" --data-dir "$data" "${db_args[@]}" >/dev/null
  otpauth=$(printf '%s\n' "$password" | "$BIN" user add flood --role supervisor --data-dir "$data" "${db_args[@]}" 2>/dev/null | grep '^otpauth://')
  port=$(free_port)
  base="http://127.0.0.1:$port"
  "$BIN" serve --data-dir "$data" --listen "127.0.0.1:$port" "${db_args[@]}" 2>"$work/serve-$engine.log" &
  server=$!
  pids+=($server)
  wait_for "$base/readyz"

  # Sign in as a person would: the form's CSRF token, password and a TOTP code.
  jar="$work/cookies-$engine"
  csrf=$(curl -fsS -c "$jar" -b "$jar" "$base/staff/login" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -n1)
  code=$(totp "$otpauth")
  status=$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
    --data-urlencode "username=flood" --data-urlencode "password=$password" \
    --data-urlencode "totp=$code" --data-urlencode "csrf_token=$csrf" "$base/staff/login")
  [ "$status" = 303 ] || { echo "$engine: sign-in failed ($status)" >&2; exit 1; }
  session=$(awk '$6 == "hotline_session" { print $7 }' "$jar")
  cookie="hotline_session=$session"
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base/staff/")" = 200 ] ||
    { echo "$engine: the queue page does not open with the session" >&2; exit 1; }

  read -r rate bad p50 p99 < <(staff_run "$base" "$cookie")
  printf '%-9s %-12s %10s %7s %9s %9s %12s %7s\n' "$engine" alone "$rate" "$bad" "$p50" "$p99" - -

  # The flood runs a little longer than the staff run on both sides, so the staff run sees
  # the flood all the way through.
  flood_secs=$(( $(secs "$DURATION") + 4 ))
  wrk -t2 -c"$FLOOD_CONNECTIONS" -d"${flood_secs}s" --latency -s bench/report.lua "$base" -- "flood-$engine" 0 >"$work/flood-$engine.txt" &
  flood=$!
  pids+=($flood)
  sleep 2
  read -r rate bad p50 p99 < <(staff_run "$base" "$cookie")
  wait "$flood"
  read -r frate fbad _ _ < <(figures <"$work/flood-$engine.txt")
  printf '%-9s %-12s %10s %7s %9s %9s %12s %7s\n' "$engine" "under flood" "$rate" "$bad" "$p50" "$p99" "$frate" "$fbad"

  kill "$server"; wait "$server" 2>/dev/null || true
  [ "$engine" = postgres ] && psql "$PG/postgres" -qc "DROP DATABASE $name" >/dev/null
done
