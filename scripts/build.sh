#!/usr/bin/env bash
# Configures and builds one CMake preset (release by default): scripts/build.sh [release|debug],
# then the front-end assets into build/<preset>/assets, where the server looks for them (beside
# its executable).
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-release}"
[ -f "build/$preset/build.ninja" ] || cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
bash scripts/build-assets.sh "build/$preset/assets"
