#!/usr/bin/env bash
# Parity benchmark: builds a source/destination table pair on two MariaDB servers (127.0.0.1:3306 and a second
# mariadbd on 127.0.0.1:3310 started by sql/testbed/mariadb-instance.sh), then times, side by side:
#   L1         pt-table-checksum's row checksum over the whole table, one query per side, both sides at once
#   checksum   CHECKSUM TABLE on both sides at once (reference)
#   pt-sync    pt-table-sync --print between the servers (Percona Toolkit), when installed
#   parity     parity verify with Parity's default options and the launcher's default JVM options
#   startup    parity --version
# For L1, pt-table-sync and parity it reports wall time, each side's server CPU seconds, the tool's own CPU seconds,
# peak resident memory and the bytes each side sent (sql/bench/meter.py; the tools connect as the account
# parity_bench so that other clients of a shared server do not count), and Parity's engine time (summary.json).
# With --pair postgres (PostgreSQL against PostgreSQL) or --pair mariadb-postgres (MariaDB source, PostgreSQL
# destination), the same rows are copied into PostgreSQL databases on 127.0.0.1:5432 and L1 becomes each engine's own
# one-query whole-table hash aggregate (PostgreSQL: the first 64 bits of md5 of the row text, summed), both sides at
# once.
# With --wan-destination RTT,RATE (e.g. 10ms,200mbit) every tool reaches the destination through
# sql/bench/wan-proxy.py, which delays each direction by RTT/2 and caps it at RATE.
# Usage: sql/bench/run.sh [--rows N] [--drift RATE] [--runs K] [--skip-pt] [--build-only] [--java-opts "..."]
#                         [--chunk-rows N] [--parallelism N] [--hashing auto|server|client] [--chunk-time 500ms]
#                         [--reconcile row-hashes|buckets] [--pair mariadb|postgres|mariadb-postgres]
#                         [--wan-destination 10ms,200mbit]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=2000000; drift=0; runs=3; skip_pt=0; build_only=0; java_opts="${PARITY_JAVA_OPTS:-}"; chunk_rows=""; parallelism=""; hashing=""; chunk_time=""; reconcile=""; pair=mariadb; wan=""
while (($#)); do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    --drift) drift="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --skip-pt) skip_pt=1; shift ;;
    --build-only) build_only=1; shift ;;
    --java-opts) java_opts="$2"; shift 2 ;;
    --chunk-rows) chunk_rows="$2"; shift 2 ;;
    --parallelism) parallelism="$2"; shift 2 ;;
    --hashing) hashing="$2"; shift 2 ;;
    --chunk-time) chunk_time="$2"; shift 2 ;;
    --reconcile) reconcile="$2"; shift 2 ;;
    --pair) pair="$2"; shift 2 ;;
    --wan-destination) wan="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
SRC=(-uroot -h127.0.0.1 -P3306); DST=(-uroot -h127.0.0.1 -P3310)
work="reports/bench"; mkdir -p "$work"
# Both servers keep the table in memory, so every tool measures CPU work, not the disk: 1 GiB, or about 400 bytes
# a row for larger tables (the 10M table takes 1.3 GB with its index).
pool=$(python3 -c "print(max(1 << 30, ($rows * 400 >> 27) + 1 << 27))")
PARITY_TESTBED_BUFFER_POOL=$pool bash sql/testbed/mariadb-instance.sh start 3310 >/dev/null
for side in SRC DST; do
  declare -n conn="$side"
  mariadb "${conn[@]}" -e "SET GLOBAL innodb_buffer_pool_size = $pool" 2>/dev/null || true
done

db="parity_bench_${rows}_${drift//./_}"   # one database per shape, so repeated runs reuse the build
built() { mariadb "$@" -N -e "SELECT CONCAT(rows_, '/', drift) FROM $db.meta" 2>/dev/null || true; }
if [[ "$(built "${SRC[@]}")" != "$rows/$drift" || "$(built "${DST[@]}")" != "$rows/$drift" ]]; then
  echo "building $rows rows with drift $drift on both servers ..." >&2
  for side in SRC DST; do
    declare -n conn="$side"
    sed "s/@ROWS@/$rows/; s/parity_bench/$db/g" sql/bench/build.sql | mariadb "${conn[@]}" &
  done
  wait
  each=$(python3 -c "print(int($rows * $drift / 3))")
  if ((each > 0)); then
    step=$(python3 -c "print(max(4, $rows // $each))")
    limit=$((rows * 2))
    sed "s/@STEP@/$step/g; s/@LIMIT@/$limit/g; s/parity_bench/$db/g" sql/bench/drift.sql | mariadb "${DST[@]}"
  fi
  for side in SRC DST; do
    declare -n conn="$side"
    mariadb "${conn[@]}" -e "ANALYZE TABLE $db.t; CREATE TABLE $db.meta (rows_ BIGINT, drift VARCHAR(20));
      INSERT INTO $db.meta VALUES ($rows, '$drift')" >/dev/null
  done
fi
PG=(-h127.0.0.1 -p5432 -Upostgres -v ON_ERROR_STOP=1 -q)
pg_built() { psql "${PG[@]}" -d "$1" -tAc "SELECT rows_ || '/' || drift FROM meta" 2>/dev/null || true; }
# copies the MariaDB table on port $1 into PostgreSQL database $2 (values through MariaDB's text, bytes as hex)
pg_copy() {
  psql "${PG[@]}" -d postgres -c "DROP DATABASE IF EXISTS $2" -c "CREATE DATABASE $2" >/dev/null
  psql "${PG[@]}" -d "$2" -c "CREATE TABLE t (id bigint PRIMARY KEY, customer_id int, status varchar(16),
    amount numeric(12,2), ratio double precision, note varchar(200), created_at timestamp(6), payload bytea)"
  mariadb -uroot -h127.0.0.1 -P"$1" -N -B --raw -e "SELECT id, customer_id, status, amount,
      COALESCE(CAST(ratio AS CHAR), '\\\\N'), COALESCE(note, '\\\\N'), CAST(created_at AS CHAR),
      COALESCE(CONCAT('\\\\\\\\x', HEX(payload)), '\\\\N') FROM $db.t" \
    | psql "${PG[@]}" -d "$2" -c "COPY t FROM STDIN"
  psql "${PG[@]}" -d "$2" -c "CREATE INDEX idx_customer ON t (customer_id)" -c "VACUUM ANALYZE t" \
    -c "CREATE TABLE meta (rows_ bigint, drift text)" -c "INSERT INTO meta VALUES ($rows, '$drift')"
}
pgsrc="${db}_src"; pgdst="${db}_dst"
if [[ "$pair" == postgres && "$(pg_built "$pgsrc")" != "$rows/$drift" ]]; then
  echo "copying the source table into PostgreSQL $pgsrc ..." >&2; pg_copy 3306 "$pgsrc"
fi
if [[ "$pair" != mariadb && "$(pg_built "$pgdst")" != "$rows/$drift" ]]; then
  echo "copying the destination table into PostgreSQL $pgdst ..." >&2; pg_copy 3310 "$pgdst"
fi
if ((build_only)); then echo "built $db for the $pair pair"; exit 0; fi
differing=$(python3 - <<PY
import subprocess
def q(args, sql):
    return subprocess.run(["mariadb", *args, "-N", "-e", sql], capture_output=True, text=True).stdout.strip()
print(q("-uroot -h127.0.0.1 -P3310".split(), "SELECT COUNT(*) FROM $db.t"))
PY
)

# The account every tool connects with, so that the servers' per-account counters (userstat) isolate what they sent
# to the tools from other clients of a shared server.
for port in 3306 3310; do
  mariadb -uroot -h127.0.0.1 -P$port -e "SET GLOBAL userstat = 1; CREATE USER IF NOT EXISTS 'parity_bench'@'127.0.0.1';
    GRANT SELECT, PROCESS, BINLOG MONITOR, SLAVE MONITOR ON *.* TO 'parity_bench'@'127.0.0.1'"
done
U=parity_bench
# the port each tool reaches the destination on: the server's own, or the delaying proxy's in front of it
dst_port=3310; [[ "$pair" != mariadb ]] && dst_port=5432
proxy_pid=""
if [[ -n "$wan" ]]; then
  rtt=$(python3 -c "import re; print(float(re.match(r'([0-9.]+)ms', '${wan%%,*}').group(1)))")
  mbit=$(python3 -c "import re; print(float(re.match(r'([0-9.]+)mbit', '${wan#*,}').group(1)))")
  real_port=$dst_port; dst_port=$((real_port == 5432 ? 5490 : 3390))
  python3 sql/bench/wan-proxy.py $dst_port $real_port --rtt-ms "$rtt" --mbit "$mbit" --stats "$work/proxy.json" &
  proxy_pid=$!
  trap 'kill $proxy_pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do (echo > /dev/tcp/127.0.0.1/$dst_port) 2>/dev/null && break; sleep 0.1; done
fi
SRC=(-u$U -h127.0.0.1 -P3306); DST=(-u$U -h127.0.0.1 -P$dst_port)
MDST=("${DST[@]}"); [[ "$pair" != mariadb ]] && MDST=(-u$U -h127.0.0.1 -P3310)   # the MariaDB destination table

src_url="jdbc:mysql://127.0.0.1:3306/$db"; dst_url="jdbc:mysql://127.0.0.1:$dst_port/$db"
[[ "$pair" == postgres ]] && src_url="jdbc:postgresql://127.0.0.1:5432/$pgsrc"
[[ "$pair" != mariadb ]] && dst_url="jdbc:postgresql://127.0.0.1:$dst_port/$pgdst"
# Parity's defaults except re-checks (off, so that every run does the same work), unless a flag sets an option.
{
  echo "name: bench"
  echo "source: { url: \"$src_url\", user: $( [[ "$pair" == postgres ]] && echo postgres || echo $U ), password: \"\" }"
  echo "destination: { url: \"$dst_url\", user: $( [[ "$pair" == mariadb ]] && echo $U || echo postgres ), password: \"\" }"
  echo "tables: [t]"
  echo "options:"
  echo "  recheck: { attempts: 0 }"
  [[ -n "$parallelism" ]] && echo "  parallelism: $parallelism"
  [[ -n "$hashing" ]] && echo "  hashing: $hashing"
  [[ -n "$reconcile" ]] && echo "  reconcile: $reconcile"
  [[ -n "$chunk_rows" ]] && echo "  chunk-rows: $chunk_rows"
  [[ -n "$chunk_time" ]] && echo "  chunk-time: $chunk_time"
  true
} > "$work/bench.yml"

cols="id, customer_id, status, amount, ratio, note, created_at, payload"
L1="SELECT COUNT(*), BIT_XOR(CRC32(CONCAT_WS('#', $cols, CONCAT(ISNULL(ratio), ISNULL(note), ISNULL(payload))))) FROM $db.t"
now() { date +%s.%N; }
PGL1="SELECT count(*), sum(('x' || substr(md5(concat_ws('#', $cols, concat((ratio IS NULL)::int, (note IS NULL)::int,
  (payload IS NULL)::int))), 1, 16))::bit(64)::bigint) FROM t"
timed() { /usr/bin/time -a -o "$work/l1cpu.txt" -f "%U %S %M" "$@"; }
# the floor query on each side: MariaDB's L1, or PostgreSQL's own when that side is PostgreSQL
on_src() { if [[ "$pair" == postgres ]]; then timed psql "${PG[@]}" -d "$pgsrc" -tAc "$PGL1"; else timed mariadb "${SRC[@]}" -N -e "$1"; fi; }
on_dst() { if [[ "$pair" != mariadb ]]; then timed psql "${PG[@]}" -p $dst_port -d "$pgdst" -tAc "$PGL1"; else timed mariadb "${DST[@]}" -N -e "$1"; fi; }
both() {
  local s; s=$(now); : > "$work/l1cpu.txt"
  # waits for these two only: the proxy and the meter run in the background too
  if [[ "$1" == "$L1" ]]; then on_src "$1" >/dev/null & a=$!; on_dst "$1" >/dev/null & b=$!
  else mariadb "${SRC[@]}" -N -e "$1" >/dev/null & a=$!; mariadb "${MDST[@]}" -N -e "$1" >/dev/null & b=$!; fi
  wait $a $b
  python3 -c "print(round($(now) - $s, 3))"
}
# What each side's server spent and sent while one tool ran (see sql/bench/meter.py).
sides=(src=mariadb:3306 dst=mariadb:3310)
[[ "$pair" == postgres ]] && sides[0]="src=postgres:$pgsrc"
[[ "$pair" != mariadb ]] && sides[1]="dst=postgres:$pgdst"
meter_pid=""
meter_start() {
  rm -f "$work/meter.json" "$work/meter.json.ready"
  python3 sql/bench/meter.py "$work/meter.json" "${sides[@]}" & meter_pid=$!
  while [[ ! -f "$work/meter.json.ready" ]]; do sleep 0.05; done
}
# prints: source CPU, destination CPU, source bytes, destination bytes
meter_stop() {
  # called as $(meter_stop), in a subshell that cannot wait for the meter: wait for its file instead
  kill -TERM $meter_pid
  while [[ ! -f "$work/meter.json" ]]; do sleep 0.05; done
  python3 -c "
import json; m = json.load(open('$work/meter.json'))
print(m['src']['cpu'], m['dst']['cpu'], m['src']['bytes'], m['dst']['bytes'])"
}
# the tool's own CPU seconds and peak RSS (MiB) from /usr/bin/time lines \"user sys maxrss\" (largest process)
tool() { python3 -c "
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip() and l.split()[0][0].isdigit()]
print(round(sum(float(r[0]) + float(r[1]) for r in rows), 2), round(max(int(r[2]) for r in rows) / 1024))" "$1"; }
median() { python3 -c "import statistics,sys; print(round(statistics.median([float(x) for x in sys.argv[1:]]), 3))" "$@"; }

./parity --version >/dev/null   # builds the jar if needed
both "$L1" >/dev/null             # untimed: loads the table into both buffer pools
# per tool: one line per run, "wall srccpu dstcpu toolcpu rss srcbytes dstbytes [engine]"
: > "$work/m.l1"; : > "$work/m.pt"; : > "$work/m.parity"
declare -a ck=() st=()
[[ -n "$java_opts" ]] && export PARITY_JAVA_OPTS="$java_opts"
for ((i = 0; i < runs; i++)); do
  meter_start; w=$(both "$L1"); m=$(meter_stop); echo "$w $(cut -d' ' -f1,2 <<<"$m") $(tool "$work/l1cpu.txt") $(cut -d' ' -f3,4 <<<"$m")" >> "$work/m.l1"
  ck+=("$(both "CHECKSUM TABLE $db.t")")
  s=$(now); ./parity --version >/dev/null; st+=("$(python3 -c "print(round($(now) - $s, 3))")")
  meter_start; s=$(now)
  /usr/bin/time -f "%U %S %M" -o "$work/time.txt" ./parity verify --job "$work/bench.yml" \
    --report-dir "$work/runs" --repository-url "jdbc:h2:file:$PWD/$work/repo" -q > "$work/parity.out" || true
  w=$(python3 -c "print(round($(now) - $s, 3))"); m=$(meter_stop)
  summary="$(ls -td "$work"/runs/bench/*/ | head -1)summary.json"
  engine=$(python3 -c "
import json, datetime
s = json.load(open('$summary'))
f = lambda t: datetime.datetime.fromisoformat(t.replace('Z', '+00:00'))
print(round((f(s['ended']) - f(s['started'])).total_seconds(), 3))")
  echo "$w $(cut -d' ' -f1,2 <<<"$m") $(tool "$work/time.txt") $(cut -d' ' -f3,4 <<<"$m") $engine" >> "$work/m.parity"
  found=$(python3 -c "import json; s=json.load(open('$summary')); t=s['tables'][0]; print(t['missing'], t['extra'], t['changed'])")
  if ((skip_pt == 0)) && [[ "$pair" == mariadb ]] && command -v pt-table-sync >/dev/null; then
    meter_start; s=$(now)
    /usr/bin/time -f "%U %S %M" -o "$work/time.txt" pt-table-sync --print --no-check-triggers \
      h=127.0.0.1,P=3306,u=$U,D=$db,t=t h=127.0.0.1,P=$dst_port,u=$U > "$work/pt.sql" 2>"$work/pt.err" || true
    w=$(python3 -c "print(round($(now) - $s, 3))"); m=$(meter_stop)
    echo "$w $(cut -d' ' -f1,2 <<<"$m") $(tool "$work/time.txt") $(cut -d' ' -f3,4 <<<"$m")" >> "$work/m.pt"
  fi
done

# one table row from a tool's measurement lines: medians of each column
row() { python3 - "$1" "$2" "$(median $(cut -d' ' -f1 "$work/m.l1"))" <<'PY'
import statistics, sys
name, path, l1 = sys.argv[1], sys.argv[2], float(sys.argv[3])
rows = [[float(x) for x in l.split()] for l in open(path) if l.strip()]
if not rows:
    sys.exit()
med = lambda i: statistics.median(r[i] for r in rows) if all(len(r) > i for r in rows) else None
mb = lambda b: f"{b / 1e6:,.1f} MB" if b >= 1e5 else f"{b / 1e3:,.1f} kB"
engine = med(7)
print(f"| {name} | {med(0):.2f} s | {med(0) / l1:.2f}x | " + (f"{engine:.2f} s ({engine / l1:.2f}x)" if engine else "")
      + f" | {med(1):.2f} | {med(2):.2f} | {med(3):.2f} | {med(4):.0f} MiB | {mb(med(5))} | {mb(med(6))} |")
PY
}
{
  echo "## Parity benchmark: $rows rows, drift $drift, $runs runs (medians), pair: $pair, options: $( { grep -v -e '^name\|^source\|^destination\|^tables\|^options' "$work/bench.yml" | sed 's/^ *//' | paste -sd, -; } ), JVM: ${java_opts:-launcher defaults}${wan:+, destination behind $wan}"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(mariadb "${SRC[@]}" -N -e 'SELECT VERSION()'); servers on this machine."
  echo "Parity reported (missing extra changed): $found; destination rows: $differing."
  echo
  echo "| tool | wall | vs L1 | engine (vs L1) | source server CPU s | destination server CPU s | tool CPU s | peak RSS | source sent | destination sent |"
  echo "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
  case "$pair" in
    mariadb) row "L1: pt-table-checksum row checksum, both sides at once" "$work/m.l1" ;;
    postgres) row "L1: PostgreSQL md5 row hash summed, one query per side, both at once" "$work/m.l1" ;;
    *) row "L1: pt-table-checksum's checksum on MariaDB and PostgreSQL's md5 sum, both at once" "$work/m.l1" ;;
  esac
  row "parity verify (whole process; engine from summary.json)" "$work/m.parity"
  row "pt-table-sync --print" "$work/m.pt"
  echo
  # medians hide a noisy machine: the spread of each tool's runs, so a ratio can be read with its noise
  echo "Spread over the runs (min–max): $(python3 - "$work/m.l1" "$work/m.parity" "$work/m.pt" <<'PY'
import sys
out = []
for name, path in zip(["L1", "parity", "pt-table-sync"], sys.argv[1:]):
    try:
        rows = [[float(x) for x in l.split()] for l in open(path) if l.strip()]
    except OSError:
        continue
    if not rows:
        continue
    span = lambda i: f"{min(r[i] for r in rows):.2f}–{max(r[i] for r in rows):.2f} s"
    text = f"{name} wall {span(0)}, servers' CPU {min(min(r[1], r[2]) for r in rows):.2f}–{max(max(r[1], r[2]) for r in rows):.2f} s"
    if all(len(r) > 7 for r in rows):
        text += f", engine {span(7)}"
    out.append(text)
print("; ".join(out) + ".")
PY
)"
  echo "CHECKSUM TABLE (MariaDB pair), both sides at once: $(median "${ck[@]}") s; parity --version (start-up): $(median "${st[@]}") s."
  if [[ -s "$work/m.pt" ]]; then
    echo "pt-table-sync statements printed: $(grep -c -E '^(INSERT|DELETE|UPDATE|REPLACE)' "$work/pt.sql" || true)"
  fi
} | tee "$work/result-$rows-$drift-$pair${wan:+-wan}.md"
