#!/usr/bin/env bash
# Makes sure MariaDB answers at 127.0.0.1:3306 as root with an empty password (the test database), starting and, on a
# fresh install, initialising it. Safe to run any number of times.
set -euo pipefail

ping_db() { mariadb -uroot -h127.0.0.1 -P3306 --connect-timeout=2 -N -e 'SELECT 1' >/dev/null 2>&1; }

if ping_db; then
  echo "[mariadb] up at 127.0.0.1:3306"
  exit 0
fi

mkdir -p /run/mysqld
chown mysql:mysql /run/mysqld 2>/dev/null || true
if [[ ! -d /var/lib/mysql/mysql ]]; then
  echo "[mariadb] initialising /var/lib/mysql"
  mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/dev/null
fi
echo "[mariadb] starting"
# A pid file of its own: matching by executable would mistake the project's other test servers for this one.
start-stop-daemon --start --oknodo --background --make-pidfile --pidfile /run/mysqld/parity-local.pid \
  --exec /usr/sbin/mariadbd -- --user=mysql
for _ in $(seq 1 60); do
  if mariadb -uroot --connect-timeout=2 -N -e 'SELECT 1' >/dev/null 2>&1 || ping_db; then break; fi
  sleep 1
done

if ! ping_db; then
  # Fresh Debian installs authenticate root by unix socket only; tests connect over TCP without a password.
  mariadb -uroot <<'SQL'
CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '';
GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('');
FLUSH PRIVILEGES;
SQL
fi
ping_db || { echo "[mariadb] not reachable at 127.0.0.1:3306" >&2; exit 1; }
echo "[mariadb] up at 127.0.0.1:3306"
