#!/usr/bin/env bash
# Removal checks at scale: 10,000 cases awaiting removal all come due at once while wrk posts
# reports at 64 connections. Prints intake with and without the checks, and how long the
# checks took. The "content" is nginx on loopback (HEAD only); DNS goes to a loopback port
# where nothing answers and RDAP has an empty bootstrap, so nothing leaves the machine.
#
#   bench/checks.sh            (SQLite)
#
# Environment: HOTLINE_BIN (default target/release/hotline; built if missing), CASES (10000),
# DURATION (wrk run, default 10s), HOTLINE_WORKERS (background workers, default 2).
set -euo pipefail
cd "$(dirname "$0")/.."

CASES=${CASES:-10000}
DURATION=${DURATION:-10s}
source bench/common.sh
needs wrk nginx curl python3

sql() { python3 - "$work/data/hotline.db" "$1" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], timeout=60)
cur = db.execute(sys.argv[2])
rows = cur.fetchall()
db.commit()
for r in rows:
    print(*r)
EOF
}
run_wrk() { # url tag
  wrk -t2 -c64 -d"$DURATION" --latency -s bench/report.lua "$1" -- "$2" 0 |
    awk '
      function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
      /Requests\/sec:/ { rate = $2 }
      /Non-2xx or 3xx responses:/ { bad = $5 }
      $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
      END { printf "%.0f %d %.2f %.2f\n", rate, bad, p50, p99 }'
}

# The content host.
nginx_port=$(free_port)
mkdir -p "$work/nginx" "$work/rdap"
sed -e "s#@DIR@#$work/nginx#g" -e "s#@PORT@#$nginx_port#g" bench/nginx.conf.in > "$work/nginx/nginx.conf"
nginx -c "$work/nginx/nginx.conf" -e "$work/nginx/nginx-error.log" &
pids+=($!)
wait_for "http://127.0.0.1:$nginx_port/"
for f in dns ipv4 ipv6 asn; do
  echo '{"version":"1.0","publication":"2025-01-01T00:00:00Z","services":[]}' > "$work/rdap/$f.json"
done

# CASES cases awaiting removal, their addresses on the content host, their checks not yet due.
"$BIN" dev seed --cases "$CASES" --data-dir "$work/data" >/dev/null 2>"$work/seed.log"
sql "UPDATE jobs SET state = 'done' WHERE kind = 'trace'" >/dev/null
sql "UPDATE cases SET state = 'awaiting_removal', canonical_url = 'http://127.0.0.1:$nginx_port/c/' || id, host = '127.0.0.1'" >/dev/null
sql "INSERT INTO jobs (kind, payload, case_id, state, priority, run_at, max_attempts, dedupe_key, created_at, updated_at)
     SELECT 'monitor', '{\"case_id\":' || id || '}', id, 'queued', 0, 9999999999999, 3, 'monitor:' || id, 0, 0 FROM cases" >/dev/null

port=$(free_port)
HOTLINE_NETWORK__ALLOW_LOOPBACK_TARGETS=true HOTLINE_NETWORK__NAMESERVERS='["127.0.0.1:9"]' \
HOTLINE_NETWORK__RDAP_BOOTSTRAP="$work/rdap" HOTLINE_INTAKE__RATE_LIMIT_PER_MINUTE=0 RUST_LOG=warn \
  "$BIN" serve --data-dir "$work/data" --listen "127.0.0.1:$port" 2>"$work/serve.log" &
server=$!
pids+=($server)
wait_for "http://127.0.0.1:$port/readyz"
sleep 1

echo "machine: $(nproc) cores; $CASES cases awaiting removal; wrk 64 connections for $DURATION; ${HOTLINE_WORKERS:-2} workers"
printf '%-34s %10s %7s %9s %9s\n' run "reports/s" non2xx "p50 ms" "p99 ms"
read -r rate bad p50 p99 < <(run_wrk "http://127.0.0.1:$port" alone)
printf '%-34s %10s %7s %9s %9s\n' "intake alone" "$rate" "$bad" "$p50" "$p99"

# All checks come due at once; intake runs beside them.
start=$(date +%s.%N)
sql "UPDATE jobs SET run_at = 0 WHERE kind = 'monitor'" >/dev/null
read -r rate bad p50 p99 < <(run_wrk "http://127.0.0.1:$port" with-checks)
during=$(sql "SELECT COUNT(*) FROM checks")
printf '%-34s %10s %7s %9s %9s\n' "intake with $CASES checks due" "$rate" "$bad" "$p50" "$p99"
echo "checks done during the wrk run: $during"
while :; do
  done_checks=$(sql "SELECT COUNT(DISTINCT case_id) FROM checks")
  [ "$done_checks" -ge "$CASES" ] && break
  sleep 0.5
done
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v n="$CASES" 'BEGIN { t = e - s; printf "all %d checks done %.1f s after they came due (%.0f checks/s overall, intake included)\n", n, t, n / t }'
sql "SELECT outcome, COUNT(*) FROM checks GROUP BY outcome" | sed 's/^/outcome: /'
start=$(date +%s.%N)
sql "UPDATE jobs SET run_at = 0 WHERE kind = 'monitor' AND state = 'queued'" >/dev/null
while :; do
  n=$(sql "SELECT COUNT(*) FROM checks")
  [ "$n" -ge $((2 * CASES)) ] && break
  sleep 0.5
done
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v n="$CASES" 'BEGIN { t = e - s; printf "a second round with no intake: %.1f s (%.0f checks/s)\n", t, n / t }'
