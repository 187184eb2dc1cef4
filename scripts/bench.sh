#!/usr/bin/env bash
# Builds the release preset and runs the benchmarks on SQLite and a local PostgreSQL, printing
# each figure beside its baseline. Extra arguments go to Google Benchmark (e.g.
# --benchmark_filter=EventAppend).
#
# The person page and caseload benchmarks (bench/case_page_bench.cc) generate
# PROBITY_BENCH_PEOPLE people (default 20000) once and reuse them. At national scale:
#   bash scripts/bench.sh --national [people]   # default 250000; see docs/benchmarks.md
# generates that many people with `probity gen-data` into a SQLite file and a PostgreSQL
# database (each once: kept for later runs), then runs only the person page and caseload reads.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh release
export PROBITY_BENCH_PG="${PROBITY_BENCH_PG:-$(bash scripts/start-postgres.sh probity_bench | tail -1)}"

if [ "${1:-}" != "--national" ]; then
  ./build/release/probity_bench "$@"
  exit
fi
shift
people="${1:-250000}"
[ $# -gt 0 ] && shift
dir="${PROBITY_BENCH_DIR:-/var/tmp}"
sqlite_db="sqlite:$dir/probity_national_$people.db"
pg_db="$(bash scripts/start-postgres.sh "probity_national_$people" | tail -1)"

# gen-data refuses a database that already holds people: that is a finished earlier load, reused.
# National loads run with big batches (docs/benchmarks.md: about 1.5 times faster on SQLite).
generate() {
  local url="$1" log
  log="$(mktemp)"
  set +e
  ./build/release/probity gen-data --db "$url" --people "$people" --batch 5000 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  set -e
  if [ "$status" -ne 0 ]; then
    if grep -q "already holds people" "$log"; then
      echo "bench: $url already holds generated people; reusing them" >&2
    else
      rm -f "$log"
      exit "$status"
    fi
  fi
  rm -f "$log"
}
generate "$sqlite_db"
generate "$pg_db"
for url in "$sqlite_db" "$pg_db"; do
  PROBITY_BENCH_DB="$url" ./build/release/probity_bench \
    --benchmark_filter='PersonPage|Caseload' "$@"
done
