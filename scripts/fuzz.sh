#!/bin/sh
# Runs every fuzz target for a time box, one after the other, at the lowest priority.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`); works on the stable toolchain through
# RUSTC_BOOTSTRAP=1. Corpora live in fuzz/corpus/<target>; crashes land in fuzz/artifacts.
# After a long run, shrink a corpus before committing it: cargo fuzz cmin <target>.
set -eu
cd "$(dirname "$0")/.."
secs="${1:-600}"
[ $# -gt 0 ] && shift
targets="${*:-canonicalise form_report json_report rdap_answer dns_answer partner_message}"
export RUSTC_BOOTSTRAP=1
cargo fuzz build --fuzz-dir fuzz --sanitizer none
for t in $targets; do
    mkdir -p "fuzz/corpus/$t"
    echo "== $t for ${secs}s"
    nice -n 19 cargo fuzz run --fuzz-dir fuzz --sanitizer none "$t" "fuzz/corpus/$t" -- \
        -max_total_time="$secs" -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1
done
