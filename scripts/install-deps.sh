#!/usr/bin/env bash
# Installs what Probity needs to build, run and test on Debian 12, as root. Does nothing (and
# needs no network) when everything is already there. Shared by scripts/run.sh and scripts/test.sh.
set -euo pipefail

# Boost 1.81 only: libboost-dev is 1.74 and conflicts with these packages. nodejs builds the
# front-end assets (frontend/); chromium (/usr/bin/chromium) runs the browser tests;
# python3-icalendar reads the calendar feeds back in tests (tests/ical_check.py).
packages=(
  build-essential cmake ninja-build ccache pkg-config git clang-format
  libboost1.81-dev libboost-url1.81-dev libsoci-dev libsodium-dev libical-dev libpq-dev
  libsqlite3-dev nlohmann-json3-dev libcli11-dev libspdlog-dev libkainjow-mustache-dev libcsv-dev
  libhowardhinnant-date-dev libgtest-dev libgmock-dev libbenchmark-dev
  postgresql postgresql-client sqlite3 curl tzdata
  python3 python3-icalendar
  nodejs chromium
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing packages: ${missing[*]}; run as root (or apt-get install them)" >&2
    exit 1
  fi
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# npm: part of a nodejs package from NodeSource (which Debian's npm package conflicts with), a
# separate package with Debian's own nodejs.
if ! command -v npm >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: npm is missing; run as root (or apt-get install npm)" >&2
    exit 1
  fi
  echo "install-deps: installing npm"
  export DEBIAN_FRONTEND=noninteractive
  ((${#missing[@]})) || apt-get update -q
  apt-get install -y -q --no-install-recommends npm
fi
