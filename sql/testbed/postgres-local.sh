#!/usr/bin/env bash
# Makes sure PostgreSQL answers at 127.0.0.1:5432 as postgres without a password (trust), with a database "test":
# installs postgresql when missing, starts the Debian cluster when nothing listens. Safe to run any number of times.
set -euo pipefail

ping_pg() { psql -h127.0.0.1 -p5432 -Upostgres -d postgres -tAc 'SELECT 1' >/dev/null 2>&1; }

if ! ping_pg; then
  if ! command -v pg_ctlcluster >/dev/null 2>&1 || [[ -z "$(ls /etc/postgresql 2>/dev/null)" ]]; then
    echo "[postgres] installing postgresql"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql postgresql-client >/dev/null
  fi
  version="$(ls /etc/postgresql | sort -V | tail -1)"
  conf="/etc/postgresql/$version/main"
  # The tests connect over TCP as postgres without a password: trust on loopback, as on CI's machine.
  if ! grep -qE '^host\s+all\s+all\s+127\.0\.0\.1/32\s+trust' "$conf/pg_hba.conf"; then
    sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$conf/pg_hba.conf"
  fi
  echo "[postgres] starting cluster $version/main"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 60); do
    ping_pg && break
    sleep 1
  done
fi
ping_pg || { echo "[postgres] not reachable at 127.0.0.1:5432" >&2; exit 1; }
if [[ "$(psql -h127.0.0.1 -Upostgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'test'")" != 1 ]]; then
  psql -h127.0.0.1 -Upostgres -d postgres -qc 'CREATE DATABASE test' >/dev/null
fi
echo "[postgres] up at 127.0.0.1:5432"
