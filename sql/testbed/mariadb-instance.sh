#!/usr/bin/env bash
# Starts or stops an extra, throw-away MariaDB server on 127.0.0.1:PORT (root, empty password) with its own data
# directory under ${PARITY_INSTANCE_DIR:-/tmp/parity-instances}/PORT (apart from mariadb-pair.sh's testbed). Used by tests that need to stop a server mid-run.
# With PARITY_INSTANCE_TLS_DIR set to a directory holding ca.pem, server-cert.pem and server-key.pem, the server
# offers TLS with them (copied into the instance's directory, readable by the mysql user only).
# Usage: mariadb-instance.sh start|stop|status PORT
set -euo pipefail
cmd="${1:?usage: $0 start|stop|status PORT}"
port="${2:?usage: $0 start|stop|status PORT}"
base="${PARITY_INSTANCE_DIR:-/tmp/parity-instances}/$port"
sock="$base/mysqld.sock"
pidfile="$base/mysqld.pid"

up() { mariadb -uroot -h127.0.0.1 -P"$port" --connect-timeout=2 -N -e 'SELECT 1' >/dev/null 2>&1; }

case "$cmd" in
  start)
    if up; then echo "[mariadb:$port] up"; exit 0; fi
    mkdir -p "$base"
    chown -R mysql:mysql "$base" 2>/dev/null || true
    tls_args=()
    if [[ -n "${PARITY_INSTANCE_TLS_DIR:-}" ]]; then
      mkdir -p "$base/tls"
      cp "$PARITY_INSTANCE_TLS_DIR"/{ca.pem,server-cert.pem,server-key.pem} "$base/tls/"
      chown -R mysql:mysql "$base/tls" 2>/dev/null || true
      chmod 600 "$base/tls/server-key.pem"
      tls_args=(--ssl-ca="$base/tls/ca.pem" --ssl-cert="$base/tls/server-cert.pem" --ssl-key="$base/tls/server-key.pem")
    fi
    if [[ ! -d "$base/data/mysql" ]]; then
      mariadb-install-db --user=mysql --datadir="$base/data" --auth-root-authentication-method=normal >/dev/null
    fi
    /usr/sbin/mariadbd --no-defaults --user=mysql --datadir="$base/data" --port="$port" --bind-address=127.0.0.1 \
      --socket="$sock" --pid-file="$pidfile" --skip-name-resolve --innodb-buffer-pool-size=${PARITY_TESTBED_BUFFER_POOL:-64M} \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
      "${tls_args[@]}" --log-error="$base/error.log" >/dev/null 2>&1 &
    for _ in $(seq 1 60); do
      if mariadb -uroot --socket="$sock" -N -e 'SELECT 1' >/dev/null 2>&1; then break; fi
      sleep 0.5
    done
    mariadb -uroot --socket="$sock" -e "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '';
      GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION; FLUSH PRIVILEGES;" 2>/dev/null || true
    up || { echo "[mariadb:$port] did not start; see $base/error.log" >&2; exit 1; }
    echo "[mariadb:$port] up"
    ;;
  stop)
    if [[ -f "$pidfile" ]]; then
      pid="$(cat "$pidfile")"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    fi
    echo "[mariadb:$port] stopped"
    ;;
  status)
    if up; then echo "[mariadb:$port] up"; else echo "[mariadb:$port] down"; exit 1; fi
    ;;
  *) echo "usage: $0 start|stop|status PORT" >&2; exit 2 ;;
esac
