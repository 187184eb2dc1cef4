#!/usr/bin/env bash
# One command from a fresh Debian 12 machine (as root) to every test on both backends:
# installs what is missing, builds, starts a local PostgreSQL, runs the suite on SQLite and
# PostgreSQL in the release build, the browser tests in Chromium, and the suite again under
# AddressSanitizer and UndefinedBehaviorSanitizer.
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
  echo "== debug tests (ASan + UBSan, SQLite and PostgreSQL)"
  ctest --preset debug -j "$jobs"
fi
