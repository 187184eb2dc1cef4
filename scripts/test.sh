#!/usr/bin/env bash
# One command from a fresh Debian 12 machine (as root) to every test on both backends:
# installs what is missing, builds, starts a local PostgreSQL, runs the suite on SQLite and
# PostgreSQL in the release build, the browser tests in Chromium, and the suite again under
# AddressSanitizer and UndefinedBehaviorSanitizer (every test on SQLite, the storage suites on
# PostgreSQL).
# Set PROBITY_SKIP_SANITIZERS=1 to skip the sanitizer pass when iterating locally.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh

export PROBITY_TEST_PG="${PROBITY_TEST_PG:-$(bash scripts/start-postgres.sh probity_test | tail -1)}"
export PROBITY_REQUIRE_PG=1
jobs=$(nproc)

echo "== release build"
bash scripts/build.sh release
echo "== release tests (SQLite and PostgreSQL)"
ctest --preset release -j "$jobs"
echo "== browser tests (Debian's Chromium, axe at WCAG 2.2 AA)"
bash scripts/browser-tests.sh build/release

if [ "${PROBITY_SKIP_SANITIZERS:-0}" != 1 ]; then
  echo "== debug build (ASan + UBSan)"
  bash scripts/build.sh debug
  # Every test runs on both backends in the release pass above. Under the sanitizers, which look
  # for memory and undefined-behaviour faults in our code rather than in the backends, every test
  # runs on SQLite and the suites that drive the PostgreSQL-only code (the store, the event
  # chain, bulk copy, row locks) run on PostgreSQL too: the whole suite twice over under ASan
  # would put CI past its budget on two cores.
  echo "== debug tests (ASan + UBSan: every test on SQLite)"
  ctest --preset debug -j "$jobs" -E '/Postgres'
  echo "== debug tests (ASan + UBSan: the storage suites on PostgreSQL)"
  ctest --preset debug -j "$jobs" \
    -R '^Backends/(StorageTest|EventLogTest|RowsTest|GenDataTest|GenBulkInsertTest|RoomsTest|CliDbTest|ReportsTest|ReportReadsTest)\..*/Postgres'
fi
