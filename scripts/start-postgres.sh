#!/usr/bin/env bash
# Starts Debian's PostgreSQL 15 cluster without systemd and makes a database for the tests.
# Prints the URL to use. Idempotent. Needs root (it switches to the postgres user).
set -euo pipefail
db="${1:-probity_test}"
version=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1)
if [ -z "$version" ]; then
  echo "start-postgres: no PostgreSQL cluster found; install the postgresql package" >&2
  exit 1
fi
if ! pg_lsclusters -h | awk '$1=="'"$version"'" && $2=="main" {print $4}' | grep -q online; then
  pg_ctlcluster "$version" main start
fi
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q" && break
  sleep 1
done
me=$(id -un)
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='$me'\"" | grep -q 1 ||
  su postgres -c "psql -qc 'CREATE ROLE \"$me\" SUPERUSER LOGIN'"
psql -qtAc "SELECT 1 FROM pg_database WHERE datname='$db'" postgres | grep -q 1 || createdb "$db"
echo "postgresql:///$db"
