#!/usr/bin/env bash
# Does a login flood slow intake? wrk posts anonymous reports at a few connections and
# reports their p50/p99: first alone, then while a second wrk floods `POST /staff/login` with
# unknown names at 48 connections, first reusing one CSRF pair (the security review's flood),
# then fetching a fresh form before each attempt. Run once with the default
# `http.login_attempts_per_minute` (every attempt comes from loopback, one client) and once
# with that limit off, as a flood spread over many addresses would see it (then only the cap
# on concurrent password checks stands between the flood and intake). Figures, not a test;
# nothing leaves the machine (network.offline, addresses under example.test).
#
#   bench/login-flood.sh [sqlite|postgres|all]     (default: sqlite)
#
# Environment: HOTLINE_BIN, DURATION (each measurement, default 10s), INTAKE_CONNECTIONS
# (default 4), FLOOD_CONNECTIONS (default 48), BENCH_POSTGRES_URL.
set -euo pipefail
cd "$(dirname "$0")/.."

engines=${1:-sqlite}
[ "$engines" = all ] && engines="sqlite postgres"
DURATION=${DURATION:-10s}
INTAKE_CONNECTIONS=${INTAKE_CONNECTIONS:-4}
FLOOD_CONNECTIONS=${FLOOD_CONNECTIONS:-48}
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
intake_run() { # base tag
  wrk -t1 -c"$INTAKE_CONNECTIONS" -d"$DURATION" --latency -s bench/report.lua "$1" -- "$2" 0 | figures
}

echo "machine: $(nproc) cores; intake: $INTAKE_CONNECTIONS connections posting reports; flood: $FLOOD_CONNECTIONS connections posting logins; runs of $DURATION"
printf '%-9s %-11s %-18s %10s %9s %9s %10s  %s\n' engine "login limit" flood "reports/s" "p50 ms" "p99 ms" "logins/s" "answers (401 = a password was checked)"
run=0
for engine in $engines; do
  for limit in 10 0; do
    run=$((run + 1))
    label=$([ "$limit" = 0 ] && echo off || echo "$limit/min")
    data="$work/data-$engine-$limit"
    mkdir -p "$data"
    chmod 700 "$data"
    db_args=()
    if [ "$engine" = postgres ]; then
      name="hotline_login_flood_$$_$limit"
      psql "$PG/postgres" -qc "CREATE DATABASE $name" >/dev/null
      db_args=(--database "$PG/$name")
    fi
    export HOTLINE_NETWORK__OFFLINE=true HOTLINE_INTAKE__RATE_LIMIT_PER_MINUTE=0 RUST_LOG=warn
    export HOTLINE_HTTP__LOGIN_ATTEMPTS_PER_MINUTE=$limit
    "$BIN" migrate --data-dir "$data" "${db_args[@]}" >/dev/null
    port=$(free_port)
    base="http://127.0.0.1:$port"
    "$BIN" serve --data-dir "$data" --listen "127.0.0.1:$port" "${db_args[@]}" 2>"$work/serve-$engine-$limit.log" &
    server=$!
    pids+=($server)
    wait_for "$base/readyz"

    read -r rate _ p50 p99 < <(intake_run "$base" "alone-$run")
    printf '%-9s %-11s %-18s %10s %9s %9s %10s  %s\n' "$engine" "$label" none "$rate" "$p50" "$p99" - -

    # The pair the review's flood reused.
    jar="$work/jar-$engine-$limit"
    export LOGIN_CSRF=$(curl -fsS -c "$jar" "$base/staff/login" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -n1)
    export LOGIN_COOKIE="hotline_login=$(awk '$6 == "hotline_login" { print $7 }' "$jar")"
    for mode in reuse fresh; do
      flood_secs=$(( $(secs "$DURATION") + 4 ))
      wrk -t2 -c"$FLOOD_CONNECTIONS" -d"${flood_secs}s" -s bench/login.lua "$base" -- "$mode" >"$work/flood-$engine-$limit-$mode.txt" &
      flood=$!
      pids+=($flood)
      sleep 2
      read -r rate _ p50 p99 < <(intake_run "$base" "$mode-$run")
      wait "$flood"
      read -r lrate _ _ _ < <(figures <"$work/flood-$engine-$limit-$mode.txt")
      answers=$(sed -n 's/^LOGINS //p' "$work/flood-$engine-$limit-$mode.txt" | sed 's/checked=/401: /; s/limited=/429: /; s/spent=/403: /; s/busy=/503: /')
      printf '%-9s %-11s %-18s %10s %9s %9s %10s  %s\n' "$engine" "$label" "logins, $mode form" "$rate" "$p50" "$p99" "$lrate" "$answers"
    done

    kill "$server"; wait "$server" 2>/dev/null || true
    [ "$engine" = postgres ] && psql "$PG/postgres" -qc "DROP DATABASE $name" >/dev/null
  done
done
