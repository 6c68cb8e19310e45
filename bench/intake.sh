#!/usr/bin/env bash
# Intake throughput and latency: `hotline serve` against nginx answering 201 from memory, with
# wrk, on 127.0.0.1, at 1, 4 and 64 connections; each figure is the median of 3 bounded runs.
# Then the p99 latency at half of the 64-connection peak (the median of 3 runs, by p99). Prints
# a table; nothing else leaves the machine (the service runs with network.offline, addresses
# are under example.test).
#
#   bench/intake.sh [sqlite|postgres|all]     (default: all)
#
# Environment: HOTLINE_BIN (default target/release/hotline; built if missing),
# DURATION (per run, default 10s), CONNECTIONS (default "1 4 64"), RUNS (default 3),
# SEED_CASES (synthetic cases, each with a queued trace job, put in before the runs; default 0),
# BENCH_POSTGRES_URL (server for the postgres run, default postgres://postgres@127.0.0.1:5432).
set -euo pipefail
cd "$(dirname "$0")/.."

engines=${1:-all}
[ "$engines" = all ] && engines="sqlite postgres"
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-1 4 64}
RUNS=${RUNS:-3}
PG=${BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432}
source bench/common.sh
needs wrk nginx curl python3

# One wrk run: prints "rate non2xx p50 p99" (latencies in ms).
run_wrk() { # url connections tag pause_ms
  local threads=$(( $2 < 2 ? 1 : 2 ))
  wrk -t"$threads" -c"$2" -d"$DURATION" --latency -s bench/report.lua "$1" -- "$3" "${4:-0}" |
    awk '
      function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
      /Requests\/sec:/ { rate = $2 }
      /Non-2xx or 3xx responses:/ { bad = $5 }
      /Socket errors:/ { bad += 0 }
      $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
      END { printf "%.0f %d %.2f %.2f\n", rate, bad, p50, p99 }'
}
# The median of RUNS runs, by rate (or by p99 latency with `p99` as the fourth argument); its
# non-2xx count is the largest of all the runs, so one bad run is never hidden.
median_of_runs() { # url connections tag [p99] [pause_ms]
  local key=1
  [ "${4:-}" = p99 ] && key=4
  for r in $(seq 1 "$RUNS"); do run_wrk "$1" "$2" "$3-$r" "${5:-0}"; done |
    sort -n -k"$key" |
    awk '{ line[NR] = $0; if ($2 > bad) bad = $2 }
         END { split(line[int((NR + 1) / 2)], f, " "); printf "%s %d %s %s\n", f[1], bad, f[3], f[4] }'
}

nginx_port=$(free_port)
mkdir -p "$work/nginx"
sed -e "s#@DIR@#$work/nginx#g" -e "s#@PORT@#$nginx_port#g" bench/nginx.conf.in > "$work/nginx/nginx.conf"
nginx -c "$work/nginx/nginx.conf" -e "$work/nginx/nginx-error.log" &
pids+=($!)
wait_for "http://127.0.0.1:$nginx_port/"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); wrk runs of $DURATION, median of $RUNS"
printf '%-9s %5s %12s %12s %7s %7s %9s %9s\n' engine conns "hotline/s" "nginx/s" ratio non2xx "p50 ms" "p99 ms"
for engine in $engines; do
  data="$work/data-$engine"
  port=$(free_port)
  db_args=()
  if [ "$engine" = postgres ]; then
    name="hotline_bench_$$"
    psql "$PG/postgres" -qc "CREATE DATABASE $name" >/dev/null
    db_args=(--database "$PG/$name")
  fi
  if [ "${SEED_CASES:-0}" -gt 0 ]; then
    started=$(date +%s)
    HOTLINE_NETWORK__OFFLINE=true RUST_LOG=warn "$BIN" dev seed --cases "$SEED_CASES" --data-dir "$data" "${db_args[@]}" >/dev/null
    echo "$engine: seeded $SEED_CASES cases in $(( $(date +%s) - started )) s"
  fi
  HOTLINE_NETWORK__OFFLINE=true HOTLINE_INTAKE__RATE_LIMIT_PER_MINUTE=0 RUST_LOG=warn \
    "$BIN" serve --data-dir "$data" --listen "127.0.0.1:$port" "${db_args[@]}" 2>"$work/serve-$engine.log" &
  server=$!
  pids+=($server)
  wait_for "http://127.0.0.1:$port/readyz"
  sleep 1
  idle_rss=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$server/status")
  peak=0
  for c in $CONNECTIONS; do
    read -r rate bad p50 p99 < <(median_of_runs "http://127.0.0.1:$port" "$c" "$engine-c$c")
    read -r nrate _ _ _ < <(median_of_runs "http://127.0.0.1:$nginx_port" "$c" "nginx-c$c")
    ratio=$(awk -v a="$rate" -v b="$nrate" 'BEGIN { printf "%.1f%%", (b > 0 ? 100 * a / b : 0) }')
    printf '%-9s %5s %12s %12s %7s %7s %9s %9s\n' "$engine" "$c" "$rate" "$nrate" "$ratio" "$bad" "$p50" "$p99"
    peak=$rate peak_p50=$p50
  done
  # Half of the peak (the last, largest connection count), held by pausing each connection:
  # a connection's cycle (pause + latency) must last twice as long as at the peak, and the
  # latency at the peak is what the pause need not add.
  c=${CONNECTIONS##* }
  pause=$(awk -v c="$c" -v r="$peak" -v l="$peak_p50" 'BEGIN { p = (r > 0 ? 2000 * c / r - l : 0); printf "%d", (p > 0 ? p : 0) }')
  read -r rate bad p50 p99 < <(median_of_runs "http://127.0.0.1:$port" "$c" "$engine-half" p99 "$pause")
  printf '%-9s %5s %12s %12s %7s %7s %9s %9s   (half of peak: %s ms pause per connection)\n' "$engine" "$c" "$rate" "-" "-" "$bad" "$p50" "$p99" "$pause"
  rss=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$server/status")
  echo "$engine: serve RSS idle (IP database loaded) ${idle_rss} MB, after the runs ${rss} MB"
  kill "$server"; wait "$server" 2>/dev/null || true
  [ "$engine" = postgres ] && psql "$PG/postgres" -qc "DROP DATABASE $name" >/dev/null
done
