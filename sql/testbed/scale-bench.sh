#!/usr/bin/env bash
# Scale-out measurement: the same verify of one table (issue 6's benchmark shape) run locally and through 1 and 2
# workers on this machine. Usage: sql/testbed/scale-bench.sh [ROWS] [ROUNDS]   (default 1000000 rows, 2 rounds)
# Needs MariaDB at 127.0.0.1:3306 (root, no password) and RabbitMQ at 127.0.0.1:5672 (guest). Uses pit_scale_bench_*.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rows="${1:-1000000}"; rounds="${2:-2}"
jar="$here/target/parity.jar"; [[ -f "$jar" ]] || (cd "$here" && mvn -q -B -DskipTests package)
work="$(mktemp -d)"; broker="amqp://guest:guest@127.0.0.1:5672"; queue="parity.bench.$$"
repo="jdbc:mysql://127.0.0.1:3306/pit_scale_bench_repo"
db() { mariadb -uroot -h127.0.0.1 "$@"; }

db <<SQL
DROP DATABASE IF EXISTS pit_scale_bench_src; DROP DATABASE IF EXISTS pit_scale_bench_dst; DROP DATABASE IF EXISTS pit_scale_bench_repo;
CREATE DATABASE pit_scale_bench_src; CREATE DATABASE pit_scale_bench_dst; CREATE DATABASE pit_scale_bench_repo;
USE pit_scale_bench_src;
CREATE TABLE bench (id BIGINT PRIMARY KEY, customer_id INT NOT NULL, status VARCHAR(16) NOT NULL, amount DECIMAL(12,2) NOT NULL,
  ratio DOUBLE NULL, note VARCHAR(200) NULL, created_at DATETIME(6) NOT NULL, payload VARBINARY(64) NULL, KEY (customer_id));
INSERT INTO bench SELECT seq, seq % 10007, ELT(1 + seq % 4, 'new', 'paid', 'shipped', 'returned'), (seq % 100000) / 7,
  IF(seq % 11 = 0, NULL, seq / 13), IF(seq % 7 = 0, NULL, CONCAT('note ', seq)), TIMESTAMP('2024-01-01') + INTERVAL seq SECOND,
  IF(seq % 5 = 0, NULL, UNHEX(MD5(seq))) FROM seq_1_to_${rows};
CREATE TABLE pit_scale_bench_dst.bench LIKE bench;
INSERT INTO pit_scale_bench_dst.bench SELECT * FROM bench;
USE pit_scale_bench_dst;
UPDATE bench SET amount = amount + 1 WHERE id % 30011 = 0;
DELETE FROM bench WHERE id % 30013 = 1;
INSERT INTO bench SELECT 2000000000 + seq, 1, 'new', 1, NULL, NULL, '2024-01-01', NULL FROM seq_1_to_33;
ANALYZE TABLE pit_scale_bench_src.bench, pit_scale_bench_dst.bench;
SQL
cat > "$work/bench.yml" <<YML
name: bench
source: { url: "jdbc:mysql://127.0.0.1:3306/pit_scale_bench_src", user: root, password: "" }
destination: { url: "jdbc:mysql://127.0.0.1:3306/pit_scale_bench_dst", user: root, password: "" }
tables: [bench]
options: { chunk-rows: 10000, parallelism: 2 }
YML

pids=()
start_worker() { java -jar "$jar" worker --broker "$broker" --repository-url "$repo" --queue "$queue" > "$work/w$1.log" 2>&1 &
  pids+=($!); until grep -q "taking partitions" "$work/w$1.log"; do sleep 0.2; done; }
stop_workers() { for p in "${pids[@]}"; do kill "$p"; wait "$p" 2>/dev/null || true; done; pids=(); }
trap 'stop_workers; rabbitmqctl delete_queue "$queue" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

# CPU seconds a process has used so far (user + system), from /proc
cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$1/stat"; }
server="$(ss -ltnpH 'sport = :3306' | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)"   # the server on 3306

# engine time = the run's own start and end (summary.json), wall = the whole manager process,
# server cpu = CPU seconds mariadbd spent meanwhile (both sides live on this one server)
measure() {
  local label="$1"; shift
  local t0 t1 c0 c1; t0=$(date +%s.%N); c0=$(cpu "$server")
  java -jar "$jar" verify --job "$work/bench.yml" --report-dir "$work/r" --repository-url "$repo" -q "$@" > "$work/out" || true
  t1=$(date +%s.%N); c1=$(cpu "$server")
  local summary; summary="$(dirname "$(cut -d' ' -f2 "$work/out")")/summary.json"
  python3 - "$label" "$t0" "$t1" "$summary" "$c0" "$c1" "$(cut -d' ' -f1 /proc/loadavg)" <<'PY'
import json, sys, datetime as d
label, t0, t1, path = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
server_cpu, load = float(sys.argv[6]) - float(sys.argv[5]), sys.argv[7]
s = json.load(open(path)); p = lambda x: d.datetime.fromisoformat(x.replace('Z', '+00:00'))
diffs = sum(t['missing'] + t['extra'] + t['changed'] for t in s['tables'])
print(f"{label:<22} engine {(p(s['ended']) - p(s['started'])).total_seconds():6.1f} s   wall {t1 - t0:6.1f} s   server cpu {server_cpu:5.1f} s   load {load}   {s['verdict']} {diffs} rows")
PY
}

echo "rows $rows, chunk-rows 10000, parallelism 2 (4 partitions); load: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$rounds"); do
  measure "local (2 threads)"
  start_worker 1; measure "1 worker"  --workers "$broker" --queue "$queue"
  start_worker 2; measure "2 workers" --workers "$broker" --queue "$queue"
  stop_workers
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
