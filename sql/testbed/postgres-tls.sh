#!/usr/bin/env bash
# A throw-away PostgreSQL cluster on 127.0.0.1:PORT that accepts TLS connections only, for the TLS tests:
# ssl = on with the server certificate, key and CA from TLS_DIR (ca.pem, server-cert.pem, server-key.pem, copied
# into the cluster's directory), and only 'hostssl' lines in pg_hba.conf: a client must present a certificate signed
# by that CA (trust clientcert=verify-ca), and plain connections are refused. Never touches 5432/5433/5434.
# Data under ${PARITY_PG_TLS_DIR:-/tmp/parity-pg-tls}/PORT; run as root (the server runs as the postgres OS user).
#
#   postgres-tls.sh start PORT TLS_DIR   (re)initialise and start
#   postgres-tls.sh stop PORT            stop and delete the data directory
set -euo pipefail
cmd="${1:?usage: $0 start PORT TLS_DIR | stop PORT}"
port="${2:?usage: $0 start PORT TLS_DIR | stop PORT}"
base="${PARITY_PG_TLS_DIR:-/tmp/parity-pg-tls}/$port"
BIN="/usr/lib/postgresql/$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -1)/bin"
as_pg() { runuser -u postgres -- "$@"; }

stop() {
  if [[ -f "$base/data/postmaster.pid" ]]; then
    as_pg "$BIN/pg_ctl" -D "$base/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$base"
}

case "$cmd" in
  start)
    tls="${3:?usage: $0 start PORT TLS_DIR}"
    stop
    mkdir -p "$base/data"
    cp "$tls"/{ca.pem,server-cert.pem,server-key.pem} "$base/"
    chown -R postgres:postgres "$base"
    chmod 600 "$base/server-key.pem"
    as_pg "$BIN/initdb" -D "$base/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$base/initdb.log" 2>&1 \
      || { cat "$base/initdb.log" >&2; exit 1; }
    cat >>"$base/data/postgresql.conf" <<CONF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$base'
ssl = on
ssl_cert_file = '$base/server-cert.pem'
ssl_key_file = '$base/server-key.pem'
ssl_ca_file = '$base/ca.pem'
fsync = off
shared_buffers = 16MB
max_connections = 30
CONF
    cat >"$base/data/pg_hba.conf" <<HBA
local all all trust
hostssl all all 127.0.0.1/32 trust clientcert=verify-ca
HBA
    setsid runuser -u postgres -- "$BIN/pg_ctl" -D "$base/data" -l "$base/server.log" -w -t 60 start \
      </dev/null >/dev/null 2>&1 || { tail -20 "$base/server.log" >&2; exit 1; }
    echo "[pg-tls:$port] up"
    ;;
  stop)
    stop
    echo "[pg-tls:$port] stopped"
    ;;
  *) echo "usage: $0 start PORT TLS_DIR | stop PORT" >&2; exit 2 ;;
esac
