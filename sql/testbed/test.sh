#!/usr/bin/env bash
# The project's test command: makes sure the servers the suite needs run (MariaDB 127.0.0.1:3306, PostgreSQL
# 127.0.0.1:5432, RabbitMQ 127.0.0.1:5672), installing what is missing, then runs the whole suite with Maven.
# Extra arguments go to Maven, e.g. 'bash sql/testbed/test.sh -Dtest=VerifyIT'. Safe to run any number of times.
# Unit tests alone, without any server: mvn -B -ntp test -Punit
set -euo pipefail
cd "$(dirname "$0")/../.."

missing=()
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
[[ -x /usr/sbin/mariadbd ]] || missing+=(mariadb-server)
command -v mariadb >/dev/null 2>&1 || missing+=(mariadb-client)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)   # ReportHtmlIT and ServeIT render pages headless
command -v openssl >/dev/null 2>&1 || missing+=(openssl)     # TlsIT and TlsPostgresIT make their certificates
command -v python3 >/dev/null 2>&1 || missing+=(python3)     # DistantSideIT puts the benchmark's delaying proxy in front
if ((${#missing[@]})); then
  echo "[test] installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

bash sql/testbed/mariadb-local.sh
bash sql/testbed/postgres-local.sh
bash sql/testbed/rabbitmq-local.sh

echo "[test] java: $(java -version 2>&1 | head -1)"
echo "[test] running: mvn -B -ntp test $*"
exec mvn -B -ntp test "$@"
