#!/usr/bin/env bash
# Builds the release preset and runs the benchmarks on SQLite and a local PostgreSQL, printing
# each figure beside its baseline. Extra arguments go to Google Benchmark (e.g.
# --benchmark_filter=EventAppend).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh release
export PROBITY_BENCH_PG="${PROBITY_BENCH_PG:-$(bash scripts/start-postgres.sh probity_bench | tail -1)}"
./build/release/probity_bench "$@"
