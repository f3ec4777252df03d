#!/usr/bin/env bash
# A real PostgreSQL replication pair for the cutover-gate and LSN-fence tests: two extra clusters on loopback,
#   primary  127.0.0.1:5433  wal_level logical (physical standbys and logical subscriptions both work)
#   standby  127.0.0.1:5434  a streaming standby of the primary (pg_basebackup -R), hot standby
# postgres is reachable over TCP on 127.0.0.1 without a password (trust), replication connections included.
# The cluster on 5432 is never touched: the pair has its own data directories, configuration and sockets, so other
# users of 5432 can neither move its WAL position nor see its sessions.
#
#   postgres-pair.sh start     start both (initialising on first use), standby replaying; idempotent
#   postgres-pair.sh stop      stop both (data is kept)
#   postgres-pair.sh status    print whether each answers, and the standby's replay position
#   postgres-pair.sh destroy   stop both and delete the data directories
#
# Run as root (the servers run as the postgres OS user). PARITY_PG_TESTBED_DIR moves the data
# (default /tmp/parity-pg-testbed).
set -euo pipefail

BASE="${PARITY_PG_TESTBED_DIR:-/tmp/parity-pg-testbed}"
BIN="/usr/lib/postgresql/$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -1)/bin"

port_of() { [[ $1 == primary ]] && echo 5433 || echo 5434; }
log() { echo "[pg-pair] $*"; }
as_pg() { runuser -u postgres -- "$@"; }
sql() { "$BIN/psql" -h127.0.0.1 -p"$(port_of "$1")" -Upostgres -d postgres -tAq -v ON_ERROR_STOP=1 "${@:2}"; }
up() { "$BIN/pg_isready" -q -h127.0.0.1 -p"$(port_of "$1")" -t 1 >/dev/null 2>&1 && sql "$1" -c 'SELECT 1' >/dev/null 2>&1; }

start_cluster() {
  local name=$1
  if up "$name"; then return; fi
  log "starting $name on 127.0.0.1:$(port_of "$name")"
  # setsid + closed descriptors: the server outlives this script and never holds a caller's pipes open.
  setsid runuser -u postgres -- "$BIN/pg_ctl" -D "$BASE/$name" -l "$BASE/$name.log" -w -t 60 start \
    </dev/null >/dev/null 2>&1 || true
  for _ in $(seq 1 60); do
    up "$name" && return
    sleep 0.5
  done
  log "$name did not start; see $BASE/$name.log" >&2
  tail -20 "$BASE/$name.log" >&2
  exit 1
}

init_primary() {
  local dir="$BASE/primary"
  if [[ -f "$dir/PG_VERSION" ]]; then return; fi
  log "initialising $dir"
  mkdir -p "$dir"
  chown postgres:postgres "$BASE" "$dir"
  as_pg "$BIN/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$BASE/primary-initdb.log" 2>&1 \
    || { cat "$BASE/primary-initdb.log" >&2; exit 1; }
  cat >>"$dir/postgresql.conf" <<CONF
port = 5433
listen_addresses = '127.0.0.1'
unix_socket_directories = '$BASE'
wal_level = logical
max_wal_senders = 10
max_replication_slots = 10
wal_keep_size = 256MB
fsync = off
shared_buffers = 32MB
max_connections = 60
CONF
  cat >"$dir/pg_hba.conf" <<HBA
local all all trust
host all all 127.0.0.1/32 trust
host replication all 127.0.0.1/32 trust
HBA
}

# A fresh base backup of the primary, written with -R so the copy starts as its streaming standby.
init_standby() {
  local dir="$BASE/standby"
  if [[ -f "$dir/PG_VERSION" ]]; then return; fi
  log "base backup of the primary into $dir"
  rm -rf "$dir"
  as_pg "$BIN/pg_basebackup" -h 127.0.0.1 -p 5433 -U postgres -D "$dir" -R -X stream -c fast \
    >"$BASE/standby-basebackup.log" 2>&1 || { cat "$BASE/standby-basebackup.log" >&2; exit 1; }
  echo "port = 5434" >>"$dir/postgresql.auto.conf"
}

# The standby replays again if a test left replay paused.
resume_replay() {
  if [[ "$(sql standby -c 'SELECT pg_is_wal_replay_paused()')" == t ]]; then
    log "resuming replay on the standby"
    sql standby -c 'SELECT pg_wal_replay_resume()' >/dev/null
  fi
}

wait_streaming() {
  for _ in $(seq 1 60); do
    if [[ "$(sql primary -c "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")" -ge 1 ]]; then
      return
    fi
    sleep 0.5
  done
  log "the standby does not stream from the primary; see $BASE/standby.log" >&2
  tail -20 "$BASE/standby.log" >&2
  exit 1
}

stop_cluster() {
  local name=$1
  [[ -f "$BASE/$name/postmaster.pid" ]] || return 0
  log "stopping $name"
  runuser -u postgres -- "$BIN/pg_ctl" -D "$BASE/$name" -m fast -w stop >/dev/null 2>&1 || true
}

status() {
  for name in primary standby; do
    if up "$name"; then
      echo "$name 127.0.0.1:$(port_of "$name") up, in recovery $(sql "$name" -c 'SELECT pg_is_in_recovery()')"
    else
      echo "$name 127.0.0.1:$(port_of "$name") down"
    fi
  done
  if up primary; then
    sql primary -c "SELECT 'streaming to ' || application_name || ' ' || state || ', replay_lsn ' || replay_lsn
      FROM pg_stat_replication"
  fi
}

case "${1:-}" in
  start)
    [[ $EUID -eq 0 ]] || { echo "run as root: the clusters run as the postgres OS user" >&2; exit 1; }
    [[ -x "$BIN/initdb" ]] || { echo "PostgreSQL server binaries missing; apt-get install postgresql" >&2; exit 1; }
    mkdir -p "$BASE"
    chown postgres:postgres "$BASE"
    init_primary
    start_cluster primary
    init_standby
    start_cluster standby
    resume_replay
    wait_streaming
    log "up: primary 127.0.0.1:5433 -> standby 127.0.0.1:5434"
    ;;
  stop)
    stop_cluster standby
    stop_cluster primary
    ;;
  status)
    status
    ;;
  destroy)
    stop_cluster standby
    stop_cluster primary
    rm -rf "$BASE"
    ;;
  *)
    echo "usage: $0 start|stop|status|destroy" >&2
    exit 2
    ;;
esac
