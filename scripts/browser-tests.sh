#!/usr/bin/env bash
# The browser tests: a server on a fresh SQLite database with the demo organisation and a small
# caseload, then tests/browser/*.test.mjs in Debian's Chromium (playwright-core, never a
# downloaded browser). scripts/browser-tests.sh [build folder, default build/release].
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/release}"
[ -d frontend/node_modules ] || (cd frontend && npm ci --no-audit --no-fund)
[ -x /usr/bin/chromium ] || { echo "browser-tests: /usr/bin/chromium is missing (apt-get install chromium)" >&2; exit 1; }

work="$(mktemp -d)"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

export PROBITY_DEMO_PASSWORD="browser tests $(date +%s) pass phrase"
db="sqlite:$work/probity.db"
"$build/probity" seed-demo --db "$db" --people 40 --demo-password "$PROBITY_DEMO_PASSWORD" >"$work/seed.log"
"$build/probity" serve --db "$db" --listen 127.0.0.1:0 --assets "$build/assets" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do
  port="$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/server.log" | head -1)"
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "${port:-}" ] || { cat "$work/server.log" >&2; echo "browser-tests: the server did not start" >&2; exit 1; }
export PROBITY_URL="http://127.0.0.1:$port"
echo "browser-tests: server on $PROBITY_URL"
set +e
(cd frontend && node --test --test-concurrency=1 ../tests/browser/)
status=$?
set -e
if [ "$status" -ne 0 ]; then
  echo "browser-tests: failed; the server's log follows" >&2
  tail -50 "$work/server.log" >&2
fi
exit "$status"
