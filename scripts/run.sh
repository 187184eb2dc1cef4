#!/usr/bin/env bash
# One command from a fresh Debian 12 machine (as root) to a running Probity with demo data:
# installs what is missing, builds, migrates a SQLite database, loads demo data, serves on
# http://127.0.0.1:8080 until Ctrl-C. Override with PROBITY_DB and PROBITY_LISTEN.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh release

mkdir -p var
db="${PROBITY_DB:-sqlite:var/probity.db}"
listen="${PROBITY_LISTEN:-127.0.0.1:8080}"
./build/release/probity migrate --db "$db"
./build/release/probity seed-demo --db "$db" ${PROBITY_DEMO_PASSWORD:+--demo-password "$PROBITY_DEMO_PASSWORD"}
exec ./build/release/probity serve --db "$db" --listen "$listen"
