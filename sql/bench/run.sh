#!/usr/bin/env bash
# Parity benchmark: builds a source/destination table pair on two MariaDB servers (127.0.0.1:3306 and a second
# mariadbd on 127.0.0.1:3310 started by sql/testbed/mariadb-instance.sh), then times, side by side:
#   L1         pt-table-checksum's row checksum over the whole table, one query per side, both sides at once
#   checksum   CHECKSUM TABLE on both sides at once (reference)
#   pt-sync    pt-table-sync --print between the servers (Percona Toolkit), when installed
#   parity     parity verify: engine time (from summary.json) and whole-process wall time, peak RSS
#   and, for L1, pt-table-sync and parity, the CPU seconds both servers spent (read from /proc: local servers only)
#   startup    parity --version
# With --pair postgres (PostgreSQL against PostgreSQL) or --pair mariadb-postgres (MariaDB source, PostgreSQL
# destination), the same rows are copied into PostgreSQL databases on 127.0.0.1:5432 and L1 becomes each engine's own
# one-query whole-table hash aggregate (PostgreSQL: the first 64 bits of md5 of the row text, summed), both sides at
# once; servers' CPU is not measured for PostgreSQL.
# Usage: sql/bench/run.sh [--rows N] [--drift RATE] [--runs K] [--skip-pt] [--build-only] [--java-opts "..."]
#                         [--chunk-rows N] [--parallelism N] [--hashing server|client] [--chunk-time 500ms]
#                         [--reconcile row-hashes|buckets] [--pair mariadb|postgres|mariadb-postgres]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=2000000; drift=0; runs=3; skip_pt=0; build_only=0; java_opts="${PARITY_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:CICompilerCount=1}"; chunk_rows=""; parallelism=2; hashing=server; chunk_time=""; reconcile=row-hashes; pair=mariadb
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

src_url="jdbc:mysql://127.0.0.1:3306/$db"; dst_url="jdbc:mysql://127.0.0.1:3310/$db"
[[ "$pair" == postgres ]] && src_url="jdbc:postgresql://127.0.0.1:5432/$pgsrc"
[[ "$pair" != mariadb ]] && dst_url="jdbc:postgresql://127.0.0.1:5432/$pgdst"
cat > "$work/bench.yml" <<YML
name: bench
source: { url: "$src_url", user: $( [[ "$pair" == postgres ]] && echo postgres || echo root ), password: "" }
destination: { url: "$dst_url", user: $( [[ "$pair" == mariadb ]] && echo root || echo postgres ), password: "" }
tables: [t]
options:
  parallelism: $parallelism
  recheck: { attempts: 0 }
  hashing: $hashing
  reconcile: $reconcile
${chunk_rows:+  chunk-rows: $chunk_rows}
${chunk_time:+  chunk-time: $chunk_time}
YML

cols="id, customer_id, status, amount, ratio, note, created_at, payload"
L1="SELECT COUNT(*), BIT_XOR(CRC32(CONCAT_WS('#', $cols, CONCAT(ISNULL(ratio), ISNULL(note), ISNULL(payload))))) FROM $db.t"
now() { date +%s.%N; }
PGL1="SELECT count(*), sum(('x' || substr(md5(concat_ws('#', $cols, concat((ratio IS NULL)::int, (note IS NULL)::int,
  (payload IS NULL)::int))), 1, 16))::bit(64)::bigint) FROM t"
# the floor query on each side: MariaDB's L1, or PostgreSQL's own when that side is PostgreSQL
on_src() { if [[ "$pair" == postgres ]]; then psql "${PG[@]}" -d "$pgsrc" -tAc "$PGL1"; else mariadb "${SRC[@]}" -N -e "$1"; fi; }
on_dst() { if [[ "$pair" != mariadb ]]; then psql "${PG[@]}" -d "$pgdst" -tAc "$PGL1"; else mariadb "${DST[@]}" -N -e "$1"; fi; }
both() {
  local s; s=$(now)
  if [[ "$1" == "$L1" ]]; then on_src "$1" >/dev/null & on_dst "$1" >/dev/null & wait
  else mariadb "${SRC[@]}" -N -e "$1" >/dev/null & mariadb "${DST[@]}" -N -e "$1" >/dev/null & wait; fi
  python3 -c "print(round($(now) - $s, 3))"
}
# CPU seconds both servers spent so far (user + system, from /proc): how long a tool keeps the databases busy.
pids=()
for side in SRC DST; do
  declare -n conn="$side"
  pids+=("$(cat "$(mariadb "${conn[@]}" -N -e 'SELECT @@pid_file')" 2>/dev/null || true)")
done
srvcpu() { python3 -c "
import os, sys
t = 0.0
for p in sys.argv[1:]:
    try: t += sum(map(int, open(f'/proc/{p}/stat').read().rsplit(')', 1)[1].split()[11:13])) / os.sysconf('SC_CLK_TCK')
    except (OSError, ValueError): pass
print(round(t, 2))" "${pids[@]}"; }
spent() { python3 -c "print(round($(srvcpu) - $1, 2))"; }
median() { python3 -c "import statistics,sys; print(round(statistics.median([float(x) for x in sys.argv[1:]]), 3))" "$@"; }

./parity --version >/dev/null   # builds the jar if needed
both "$L1" >/dev/null             # untimed: loads the table into both buffer pools
declare -a l1=() ck=() pt=() pe=() pw=() rss=() st=() l1c=() ptc=() pc=()
for ((i = 0; i < runs; i++)); do
  c=$(srvcpu); l1+=("$(both "$L1")"); l1c+=("$(spent "$c")")
  ck+=("$(both "CHECKSUM TABLE $db.t")")
  s=$(now); ./parity --version >/dev/null; st+=("$(python3 -c "print(round($(now) - $s, 3))")")
  s=$(now); c=$(srvcpu)
  PARITY_JAVA_OPTS="$java_opts" /usr/bin/time -f "%M" -o "$work/rss.txt" ./parity verify --job "$work/bench.yml" \
    --report-dir "$work/runs" --repository-url "jdbc:h2:file:$PWD/$work/repo" -q > "$work/parity.out" || true
  pw+=("$(python3 -c "print(round($(now) - $s, 3))")"); pc+=("$(spent "$c")")
  rss+=("$(python3 -c "print(round($(tail -1 "$work/rss.txt") / 1024))")")
  summary="$(ls -td "$work"/runs/bench/*/ | head -1)summary.json"
  pe+=("$(python3 -c "
import json, datetime
s = json.load(open('$summary'))
f = lambda t: datetime.datetime.fromisoformat(t.replace('Z', '+00:00'))
print(round((f(s['ended']) - f(s['started'])).total_seconds(), 3))")")
  found=$(python3 -c "import json; s=json.load(open('$summary')); t=s['tables'][0]; print(t['missing'], t['extra'], t['changed'])")
  if ((skip_pt == 0)) && [[ "$pair" == mariadb ]] && command -v pt-table-sync >/dev/null; then
    s=$(now); c=$(srvcpu)
    pt-table-sync --print --no-check-triggers h=127.0.0.1,P=3306,u=root,D=$db,t=t h=127.0.0.1,P=3310,u=root \
      > "$work/pt.sql" 2>"$work/pt.err" || true
    pt+=("$(python3 -c "print(round($(now) - $s, 3))")"); ptc+=("$(spent "$c")")
  fi
done

L1m=$(median "${l1[@]}")
ratio() { python3 -c "print(f'{$1 / $L1m:.2f}x')"; }
{
  echo "## Parity benchmark: $rows rows, drift $drift, $runs runs (medians), pair: $pair, hashing: $hashing, reconcile: $reconcile${chunk_time:+, chunk-time: $chunk_time}"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(mariadb "${SRC[@]}" -N -e 'SELECT VERSION()'); both servers on this machine."
  echo "Parity reported (missing extra changed): $found; destination rows: $differing."
  echo
  echo "| measurement | median s | vs L1 | servers' CPU s (both) |"
  echo "|---|--:|--:|--:|"
  case "$pair" in
    mariadb) echo "| L1: pt-table-checksum row checksum, both sides at once | $L1m | 1.00x | $(median "${l1c[@]}") |" ;;
    postgres) echo "| L1: PostgreSQL md5 row hash summed, one query per side, both at once | $L1m | 1.00x | |" ;;
    *) echo "| L1: pt-table-checksum's checksum on MariaDB and PostgreSQL's md5 sum, both at once | $L1m | 1.00x | |" ;;
  esac
  echo "| CHECKSUM TABLE (MariaDB pair), both sides at once | $(median "${ck[@]}") | $(ratio "$(median "${ck[@]}")") | |"
  if ((${#pt[@]})); then echo "| pt-table-sync --print | $(median "${pt[@]}") | $(ratio "$(median "${pt[@]}")") | $(median "${ptc[@]}") |"; fi
  echo "| parity verify, engine time | $(median "${pe[@]}") | $(ratio "$(median "${pe[@]}")") | |"
  echo "| parity verify, whole process | $(median "${pw[@]}") | $(ratio "$(median "${pw[@]}")") | $(median "${pc[@]}") |"
  echo "| parity --version (start-up) | $(median "${st[@]}") | |"
  echo "| parity peak RSS | $(median "${rss[@]}") MiB | |"
  if ((${#pt[@]})); then
    echo
    echo "pt-table-sync statements printed: $(grep -c -E '^(INSERT|DELETE|UPDATE|REPLACE)' "$work/pt.sql" || true)"
  fi
} | tee "$work/result-$rows-$drift-$pair.md"
