#!/usr/bin/env bash
# Regenerates src/main/resources/META-INF/parity/cds-preload.txt: the classes a verify against MariaDB (MySQL
# protocol) and PostgreSQL loads that the demo (H2) does not. The launcher's one training run loads them, so the
# class-data archive it records (see ./parity) holds them and such verifies start faster.
# Needs the test servers (bash sql/testbed/test.sh starts them): MariaDB at 127.0.0.1:3306 (root, no password) and
# PostgreSQL at 127.0.0.1:5432 (postgres, trust). Creates and drops the databases parity_cds_*.
set -euo pipefail
cd "$(dirname "$0")/../.."
./parity --version >/dev/null   # builds the jar and target/app when needed
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
opts="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
run() { java $opts -Xlog:class+load=info:file="$work/$1.txt" -jar target/app/parity.jar "${@:2}" >/dev/null 2>&1 || true; }

mysql -h127.0.0.1 -uroot <<'SQL'
DROP DATABASE IF EXISTS parity_cds_a; DROP DATABASE IF EXISTS parity_cds_b;
CREATE DATABASE parity_cds_a; CREATE DATABASE parity_cds_b;
USE parity_cds_a;
CREATE TABLE parity_cds_a.t (id INT PRIMARY KEY, v VARCHAR(20), d DOUBLE, ts DATETIME(3), n DECIMAL(10,2));
INSERT INTO parity_cds_a.t SELECT seq, CONCAT('v', seq), seq / 3, NOW(3), seq / 7 FROM seq_1_to_3000;
CREATE TABLE parity_cds_b.t LIKE parity_cds_a.t;
INSERT INTO parity_cds_b.t SELECT * FROM parity_cds_a.t;
UPDATE parity_cds_b.t SET v = 'x' WHERE id IN (5, 77, 2500); DELETE FROM parity_cds_b.t WHERE id = 9;
SQL
psql -qX -h127.0.0.1 -Upostgres -c 'DROP DATABASE IF EXISTS parity_cds' -c 'CREATE DATABASE parity_cds' >/dev/null
psql -qX -h127.0.0.1 -Upostgres parity_cds >/dev/null <<'SQL'
CREATE SCHEMA a; CREATE SCHEMA b;
CREATE TABLE a.t (id INT PRIMARY KEY, v VARCHAR(20), d DOUBLE PRECISION, ts TIMESTAMP, n NUMERIC(10,2));
INSERT INTO a.t SELECT g, 'v' || g, g / 3.0, now(), g / 7.0 FROM generate_series(1, 3000) g;
CREATE TABLE b.t (LIKE a.t INCLUDING ALL); INSERT INTO b.t SELECT * FROM a.t;
UPDATE b.t SET v = 'x' WHERE id IN (5, 77, 2500); DELETE FROM b.t WHERE id = 9;
SQL
cat > "$work/mariadb.yml" <<'YML'
name: cds
source: { url: "jdbc:mysql://127.0.0.1:3306/parity_cds_a", user: root, password: "" }
destination: { url: "jdbc:mysql://127.0.0.1:3306/parity_cds_b", user: root, password: "" }
tables: [t]
YML
cat > "$work/postgres.yml" <<'YML'
name: cds
source: { url: "jdbc:postgresql://127.0.0.1:5432/parity_cds", user: postgres, password: "" }
destination: { url: "jdbc:postgresql://127.0.0.1:5432/parity_cds", user: postgres, password: "" }
tables: [{ name: a.t, target: b.t }]
YML
repo="jdbc:h2:file:$work/repository"
run demo demo --dir "$work/demo" --report-dir "$work/reports" --repository-url "jdbc:h2:file:$work/demo-repository" -q
run mariadb verify --job "$work/mariadb.yml" --report-dir "$work/reports" --repository-url "$repo" -q
run postgres verify --job "$work/postgres.yml" --report-dir "$work/reports" --repository-url "$repo" -q
names() { awk '{print $2}' "$@" | grep -v -e '\$\$Lambda' -e '^jdk\.proxy' -e 'Generated.*Accessor' -e 'CGLIB' -e '0x' -e '^com\.sun\.proxy' -e 'handlers\.EventHandler' | sort -u; }
out=src/main/resources/META-INF/parity/cds-preload.txt
{
  echo "# Classes a verify against MySQL/MariaDB or PostgreSQL loads that the demo (H2) does not: the launcher's one training"
  echo "# run (parity demo) loads them too, so the class-data archive it records holds them (see ParityApplication)."
  echo "# Regenerate with: bash sql/testbed/cds-preload.sh"
  comm -23 <(names "$work/mariadb.txt" "$work/postgres.txt") <(names "$work/demo.txt")
} > "$out"
mysql -h127.0.0.1 -uroot -e 'DROP DATABASE parity_cds_a; DROP DATABASE parity_cds_b'
psql -qX -h127.0.0.1 -Upostgres -c 'DROP DATABASE parity_cds' >/dev/null
echo "$(grep -vc '^#' "$out") classes in $out"
