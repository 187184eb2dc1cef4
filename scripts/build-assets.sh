#!/usr/bin/env bash
# Builds the front-end assets (CSS, JavaScript, fonts, images, under content-hashed names, and
# their manifest.json) into OUTDIR: scripts/build-assets.sh [OUTDIR], default build/release/assets
# in the repository. Runs npm ci in frontend/ only when node_modules is missing or older than
# package.json or package-lock.json, and skips the build when OUTDIR/manifest.json is newer than
# every file in frontend/ (node_modules aside) and than this script.
set -euo pipefail
outdir="${1:-}"
[ -z "$outdir" ] || [[ "$outdir" == /* ]] || outdir="$PWD/$outdir"
cd "$(dirname "$0")/.."
outdir="${outdir:-build/release/assets}"

for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "build-assets: $tool not found (run scripts/install-deps.sh)" >&2; exit 1; }
done

installed=frontend/node_modules/.package-lock.json # npm rewrites it on every install
if [ ! -f "$installed" ] || [ frontend/package-lock.json -nt "$installed" ] || [ frontend/package.json -nt "$installed" ]; then
  echo "build-assets: npm ci in frontend/"
  (cd frontend && npm ci --no-audit --no-fund --loglevel=error)
fi

manifest="$outdir/manifest.json"
if [ -f "$manifest" ] && [ ! "$installed" -nt "$manifest" ] && [ ! scripts/build-assets.sh -nt "$manifest" ] &&
  [ -z "$(find frontend -path frontend/node_modules -prune -o -type f -newer "$manifest" -print -quit)" ]; then
  echo "build-assets: $outdir is up to date"
  exit 0
fi
node frontend/build.mjs "$outdir"
