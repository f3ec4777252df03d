#!/usr/bin/env bash
# A real replication pair for the cutover-gate tests and rehearsals: two extra mariadbd instances on loopback,
#   source      127.0.0.1:3307  server_id 7307, gtid_domain_id 1
#   destination 127.0.0.1:3308  server_id 7308, gtid_domain_id 2
# with binlog and GTID on, log_slave_updates, and native replication source -> destination (MASTER_USE_GTID).
# Distinct GTID domains keep writes made on the destination (canaries, reverse replication) from colliding with the
# source's sequence numbers. root is reachable over TCP on 127.0.0.1 with an empty password, like the test server.
# The server on 3306 is never touched: the instances run with --no-defaults and their own data directories.
#
#   mariadb-pair.sh start            start both (initialising on first use) and make sure replication runs; idempotent
#   mariadb-pair.sh stop             stop both (data is kept)
#   mariadb-pair.sh status           print whether each answers and the replica threads' state
#   mariadb-pair.sh reverse on|off   configure / remove reverse replication destination -> source
#   mariadb-pair.sh destroy          stop and delete the data directories
#
# Run as root (mariadbd runs with --user=mysql). PARITY_TESTBED_DIR moves the data (default /tmp/parity-testbed).
set -euo pipefail

BASE="${PARITY_TESTBED_DIR:-/tmp/parity-testbed}"
MARIADBD=/usr/sbin/mariadbd
REPL_USER=parity_repl
REPL_PASSWORD=parity_repl

# PARITY_PAIR_SOURCE_PORT / PARITY_PAIR_DESTINATION_PORT (default 3307 / 3308) start a second pair beside the first,
# with its own PARITY_TESTBED_DIR.
port_of() { [[ $1 == src ]] && echo "${PARITY_PAIR_SOURCE_PORT:-3307}" || echo "${PARITY_PAIR_DESTINATION_PORT:-3308}"; }
id_of() { [[ $1 == src ]] && echo 7307 || echo 7308; }
domain_of() { [[ $1 == src ]] && echo 1 || echo 2; }
log() { echo "[pair] $*"; }

# Socket client as the OS root (unix_socket authentication works before any TCP account exists).
sock() { mariadb --no-defaults -uroot -S "$BASE/$1.sock" --connect-timeout=2 -N "${@:2}"; }
tcp() { mariadb --no-defaults -uroot -h127.0.0.1 -P"$(port_of "$1")" --connect-timeout=2 -N "${@:2}"; }
up() { sock "$1" -e 'SELECT 1' >/dev/null 2>&1; }
# Vertical replica status with field names (-N would drop them).
replica_status() { mariadb --no-defaults -uroot -S "$BASE/$1.sock" --connect-timeout=2 -e 'SHOW SLAVE STATUS\G'; }

init_instance() {
  local name=$1 dir="$BASE/$1"
  if [[ -d "$dir/mysql" ]]; then return; fi
  log "initialising $dir"
  mkdir -p "$dir"
  chown -R mysql:mysql "$BASE"
  mariadb-install-db --no-defaults --user=mysql --datadir="$dir" --auth-root-authentication-method=socket \
    --skip-test-db >"$BASE/$name-install.log" 2>&1 || { cat "$BASE/$name-install.log" >&2; exit 1; }
}

start_instance() {
  local name=$1
  if up "$name"; then return; fi
  init_instance "$name"
  log "starting $name on 127.0.0.1:$(port_of "$name")"
  # setsid + closed descriptors: the server outlives this script and never holds a caller's pipes open.
  setsid "$MARIADBD" --no-defaults --user=mysql --datadir="$BASE/$name" --port="$(port_of "$name")" \
    --bind-address=127.0.0.1 --socket="$BASE/$name.sock" --pid-file="$BASE/$name.pid" \
    --log-error="$BASE/$name.err" --skip-name-resolve --server-id="$(id_of "$name")" \
    --gtid-domain-id="$(domain_of "$name")" --log-bin="$BASE/$name/binlog" --binlog-format=ROW \
    --log-slave-updates --innodb-buffer-pool-size=64M --innodb-log-file-size=48M --performance-schema=OFF \
    --max-connections=60 </dev/null >/dev/null 2>&1 &
  for _ in $(seq 1 60); do
    up "$name" && break
    sleep 0.5
  done
  up "$name" || { log "$name did not start; see $BASE/$name.err" >&2; tail -20 "$BASE/$name.err" >&2; exit 1; }
  # Accounts are local to each server (sql_log_bin = 0), so replication never replays them.
  sock "$name" <<SQL
SET SESSION sql_log_bin = 0;
CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '';
GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
CREATE USER IF NOT EXISTS '$REPL_USER'@'127.0.0.1' IDENTIFIED BY '$REPL_PASSWORD';
GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '$REPL_USER'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL
}

# Points $1 at $2 unless it already replicates from it; starts both threads.
replicate() {
  local replica=$1 primary=$2 connection=""
  local current
  current=$(replica_status "$replica" 2>/dev/null | awk '/Master_Port:/ {print $2}' || true)
  if [[ "$current" != "$(port_of "$primary")" ]]; then
    log "replication $primary -> $replica"
    sock "$replica" <<SQL
STOP SLAVE $connection;
RESET SLAVE $connection ALL;
CHANGE MASTER $connection TO MASTER_HOST='127.0.0.1', MASTER_PORT=$(port_of "$primary"),
  MASTER_USER='$REPL_USER', MASTER_PASSWORD='$REPL_PASSWORD', MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1;
SQL
  fi
  sock "$replica" -e "START SLAVE $connection"
}

wait_running() {
  local name=$1
  for _ in $(seq 1 40); do
    if [[ $(replica_status "$name" | grep -cE 'Slave_(IO|SQL)_Running: Yes') == 2 ]]; then return; fi
    sleep 0.25
  done
  log "replica threads on $name are not both running:" >&2
  replica_status "$name" | grep -E 'Running|Last_.*Error' >&2
  exit 1
}

stop_instance() {
  local name=$1
  [[ -f "$BASE/$name.pid" ]] || return 0
  local pid
  pid=$(cat "$BASE/$name.pid" 2>/dev/null || true)
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    log "stopping $name (pid $pid)"
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
}

status() {
  for name in src dst; do
    if up "$name"; then
      echo "$name 127.0.0.1:$(port_of "$name") up $(sock "$name" -e 'SELECT @@gtid_binlog_pos, @@read_only')"
      replica_status "$name" | { grep -E 'Master_Port|Slave_(IO|SQL)_Running:|Seconds_Behind' || true; } | sed 's/^ */  /'
    else
      echo "$name 127.0.0.1:$(port_of "$name") down"
    fi
  done
}

case "${1:-}" in
  start)
    [[ $EUID -eq 0 ]] || { echo "run as root: mariadbd is started with --user=mysql" >&2; exit 1; }
    [[ -x $MARIADBD ]] || { echo "$MARIADBD is missing; apt-get install mariadb-server" >&2; exit 1; }
    mkdir -p "$BASE"
    start_instance src
    start_instance dst
    replicate dst src
    wait_running dst
    log "up: source 127.0.0.1:$(port_of src) -> destination 127.0.0.1:$(port_of dst)"
    ;;
  stop)
    stop_instance dst
    stop_instance src
    ;;
  status)
    status
    ;;
  reverse)
    case "${2:-}" in
      on) replicate src dst; wait_running src; log "reverse replication $(port_of dst) -> $(port_of src) running" ;;
      off) sock src -e 'STOP SLAVE; RESET SLAVE ALL'; log "reverse replication removed" ;;
      *) echo "usage: $0 reverse on|off" >&2; exit 2 ;;
    esac
    ;;
  destroy)
    stop_instance dst
    stop_instance src
    rm -rf "$BASE"
    ;;
  *)
    echo "usage: $0 start|stop|status|reverse on|off|destroy" >&2
    exit 2
    ;;
esac
