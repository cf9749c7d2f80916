#!/usr/bin/env bash
# Storage and chart reads of the host monitor's series after DAYS days of HOSTS hosts at the default interval (10 s),
# against the one-command run (its embedded MariaDB, its schema after every migration).
#
# The series are made behind the API's back, for speed: HOSTS hosts with 2 NICs, 2 disks and 3 mounted file systems
# each, and per host and tick the rows the monitor writes (cpu, mem, proc_io: one; net and disk: the total and one
# per device; storage: one per file system), inserted a day at a time in time order by INSERT … SELECT from
# MariaDB's sequence engine. Values follow a daily curve with noise (rates), or change slowly (memory, space), or
# not at all (totals), drawn from a fixed pseudo-random function, so every run stores the same rows. The hourly
# rollups of every host and completed hour, and the five-minute rollups of every host and five minutes but the last
# (left to raw samples, as a running monitor leaves the current five minutes), are then made with the monitor's own
# upsert statements (RollupWriter.upsertSql and fiveMinuteUpsertSql, printed by bench/RollupSql.java), one
# transaction per host and hour or five minutes as the monitor runs them.
#
# Bytes per value: pages InnoDB allocated to the table and its indexes (information_schema after ANALYZE TABLE:
# data_length + index_length), divided by rows × value columns; the key columns (host, time, seq, device) are not
# values, they are what a value costs on top. The tables' .ibd files are listed too. References, same run: the same
# rows in a plain layout (BIGINT AUTO_INCREMENT id, INT host, DATETIME time, INT seq and device, DOUBLE values, a
# secondary index on (host, time)), and the values as bare 8-byte doubles.
#
# Chart reads, warm, over one keep-alive connection: GET /api/v1/hosts/{id}/stats/{kind} for the last 24 h
# (five-minute rollups, every raw sample, hourly rollups) and the last 30 days (hourly rollups, step PT1H and P1D);
# median and p95 of RUNS calls (default 200). Warm means after WARMUP seconds (default 60) of calls to all of these
# charts in turn and 30 more of each before it is timed: the server's request path (HTTP, security, JAX-RS, EJB,
# JDBC, JSON-B) takes a few thousand requests before the JIT has compiled it; WARMUP=0 measures the server as
# 30 calls leave it. The bare SQL is what StatService runs, timed by the server (SHOW PROFILES), median of RUNS:
# for five-minute buckets the probe of the rollups in the range and the statement, summed.
# KEEP=1 keeps the filled database at exit (the directory is printed); REUSE=<it> measures the charts again on it
# without filling again (the sizes are those of the first run).
# Usage: bench/monitor-storage.sh [days, default 30] [hosts, default 10]
source "$(dirname "$0")/lib.sh"
days="${1:-30}"
hosts="${2:-10}"
runs="${RUNS:-200}"
warmup="${WARMUP:-60}"
interval=10
per_day=$((86400 / interval))
nics=2 disks=2 mounts=3

start_cloudweb
authorize
for _ in $(seq 1 150); do # this node's own host first, so that the simulated ones follow it
  [[ "$(curl -fsS "${auth[@]}" "$api/hosts" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" -gt 0 ]] \
    && break
  sleep 0.2
done
# the simulated month lies behind the retention of raw samples: keep it while the benchmark runs
curl -fsS -X PUT "${auth[@]}" -H 'Content-Type: application/json' -d '{"monitor.retention.raw":"P400D"}' \
  "$api/config" >/dev/null

lib="$repo/bundle/target/cloudweb/WEB-INF/lib"
monitor_cp="$(ls "$lib"/cloudweb-monitor-timer-*.jar "$lib"/cloudweb-ejb-*.jar | paste -sd:)"
java -cp "$monitor_cp" "$repo/bench/RollupSql.java" >"$work/kinds"
[[ "$(wc -l <"$work/kinds")" -eq 6 ]] || { echo "RollupSql did not list the six kinds" >&2; exit 1; }

if [[ -f "$work/filled" ]]; then # REUSE: the series of an earlier run with KEEP=1, filled and measured then
  source "$work/filled"
else
t_end=$(($(date +%s) / 3600 * 3600)) # the simulated days end with the last completed hour
t_start=$((t_end - days * 86400))

# The hosts, with their devices as the inventory would have written them.
sql "INSERT INTO host (identity_key, name, available, registered_at, last_seen)
       SELECT CONCAT('bench:', seq), CONCAT('sim-', seq), TRUE, FROM_UNIXTIME($t_start), NOW(3) FROM seq_1_to_$hosts"
read -r h0 h1 < <(sql "SELECT MIN(id), MAX(id) FROM host WHERE identity_key LIKE 'bench:%'")
[[ $((h1 - h0 + 1)) -eq "$hosts" ]] || { echo "host ids $h0..$h1 are not consecutive" >&2; exit 1; }
sql "INSERT INTO host_net (host_id, nic_no, name, link_up)
       SELECT h.seq, k.seq, CONCAT('eth', k.seq - 1), TRUE FROM seq_${h0}_to_${h1} h JOIN seq_1_to_$nics k;
     INSERT INTO host_disk (host_id, disk_no, name, size_bytes)
       SELECT h.seq, k.seq, CONCAT('/dev/sd', CHAR(96 + k.seq)), 512 << 30 FROM seq_${h0}_to_${h1} h JOIN seq_1_to_$disks k;
     INSERT INTO host_mount (host_id, mount_no, path)
       SELECT h.seq, k.seq, ELT(k.seq, '/', '/var', '/srv') FROM seq_${h0}_to_${h1} h JOIN seq_1_to_$mounts k"

# u K: a pseudo-random number in [0, 1) of the tick n, host h, device k and K
u() {
  echo "(CRC32(((n * 64 + h.seq) * 8 + k.seq) * 16 + $1) / 4294967296)"
}
# the daily curve of a host, 0 at its quietest, 1 at its busiest
curve="(0.5 + 0.5 * SIN(2 * PI() * (n MOD $per_day) / $per_day + h.seq))"
ticks() { # the ticks of day $1 with host and device (K devices): n, h.seq, k.seq
  echo "(SELECT $1 * $per_day + seq AS n FROM seq_0_to_$((per_day - 1))) t JOIN seq_${h0}_to_${h1} h JOIN seq_1_to_$2 k"
}
key="h.seq AS host_id, $t_start + n * $interval AS time, n + 1 AS seq"

simulate_day() {
  local d="$1"
  sql "SET SESSION unique_checks = 0;
    INSERT INTO stat_cpu (host_id, time, seq, busy_pm, user_pm, system_pm, iowait_pm, load1_centi)
      SELECT host_id, time, seq, busy, FLOOR(busy * 0.65), FLOOR(busy * 0.25), iowait, FLOOR(busy * 0.4 + 20 * r)
      FROM (SELECT $key, LEAST(1000, FLOOR(30 + 500 * $curve + 120 * $(u 1))) AS busy,
                   FLOOR(15 * POW($(u 2), 3)) AS iowait, $(u 3) AS r FROM $(ticks "$d" 1)) s
      ORDER BY time, host_id;
    INSERT INTO stat_mem (host_id, time, seq, total_kib, available_kib, swap_total_kib, swap_used_kib)
      SELECT $key, 16318412 + h.seq * 4, FLOOR(16318412 * (0.7 - 0.3 * $curve) - 400000 * $(u 1)), 2097148,
             (h.seq * 1024 + FLOOR(n / 360) * 4) MOD 2097148
      FROM $(ticks "$d" 1) ORDER BY time, host_id;
    INSERT INTO stat_net (host_id, time, seq, nic, rx_bytes_ps, tx_bytes_ps, rx_packets_ps, tx_packets_ps)
      WITH g AS (SELECT $key, k.seq AS nic,
                        FLOOR((4000 + 3000000 * $curve) * POW($(u 1), 2) / k.seq) AS rx,
                        FLOOR((2000 + 800000 * $curve) * POW($(u 2), 2) / k.seq) AS tx
                 FROM $(ticks "$d" $nics))
      SELECT host_id, time, seq, nic, rx, tx, FLOOR(rx / 1100) + 3, FLOOR(tx / 700) + 2 FROM g
      UNION ALL
      SELECT host_id, time, seq, 0, SUM(rx), SUM(tx), SUM(FLOOR(rx / 1100) + 3), SUM(FLOOR(tx / 700) + 2)
      FROM g GROUP BY host_id, time, seq
      ORDER BY time, host_id, nic;
    INSERT INTO stat_disk (host_id, time, seq, disk, read_bytes_ps, write_bytes_ps, reads_ps, writes_ps)
      WITH g AS (SELECT $key, k.seq AS disk,
                        FLOOR(8000000 * POW($(u 1), 4) / k.seq) AS rb,
                        FLOOR((20000 + 900000 * $curve) * $(u 2) / k.seq) AS wb
                 FROM $(ticks "$d" $disks))
      SELECT host_id, time, seq, disk, rb, wb, FLOOR(rb / 20000), FLOOR(wb / 9000) FROM g
      UNION ALL
      SELECT host_id, time, seq, 0, SUM(rb), SUM(wb), SUM(FLOOR(rb / 20000)), SUM(FLOOR(wb / 9000))
      FROM g GROUP BY host_id, time, seq
      ORDER BY time, host_id, disk;
    INSERT INTO stat_storage (host_id, time, seq, mount, total_mib, used_mib, free_mib, available_mib)
      SELECT host_id, time, seq, mount, total, used, total - used, GREATEST(0, total - used - FLOOR(total / 20))
      FROM (SELECT $key, k.seq AS mount, ELT(k.seq, 102400, 51200, 1907729) AS total,
                   ELT(k.seq, 30000, 12000, 600000) + h.seq * 100 + FLOOR(n / 36) MOD 20000
                     + FLOOR(40 * $(u 1)) AS used
            FROM $(ticks "$d" $mounts)) s
      ORDER BY time, host_id, mount;
    INSERT INTO stat_proc_io (host_id, time, seq, read_bytes_ps, write_bytes_ps, cpu_pm, rss_kib)
      SELECT $key, FLOOR(2000000 * POW($(u 1), 3)), FLOOR(600000 * POW($(u 2), 3)),
             FLOOR(5 + 60 * $curve + 20 * $(u 3)), 480000 + FLOOR(60000 * $curve) + FLOOR(2000 * $(u 4))
      FROM $(ticks "$d" 1) ORDER BY time, host_id"
}
insert_all() {
  for d in $(seq 0 $((days - 1))); do
    simulate_day "$d"
  done
}
# Loaded as V5 made the raw tables (uncompressed: a day of 10 hosts goes in within seconds, where compressing every
# page as it fills takes a minute), then rebuilt with the options the migrations give them now, as V11 rebuilds the
# tables of an installation that already holds data.
raw_tables="stat_cpu stat_mem stat_net stat_disk stat_storage stat_proc_io"
sql "SELECT table_name, create_options FROM information_schema.tables WHERE table_schema = DATABASE()
     AND table_name IN ('$(sed "s/ /', '/g" <<<"$raw_tables")')" >"$work/options"
for table in $raw_tables; do
  sql "ALTER TABLE $table ROW_FORMAT = DYNAMIC KEY_BLOCK_SIZE = 0"
done
insert_s="$(seconds insert_all)"
rebuild() {
  while read -r table options; do
    sql "ALTER TABLE $table $options"
  done <"$work/options"
}
rebuild_s="$(seconds rebuild)"

# The rollups: every completed hour of every simulated host, each hour in a transaction of its own.
rollup_all() {
  local prepare="" execute=""
  while IFS='|' read -r api table hourly device columns upsert fivemin fiveupsert; do
    prepare+="PREPARE up_${table} FROM '$upsert'; "
    execute+="EXECUTE up_${table} USING @hour, @host, @hour, @to; "
  done <"$work/kinds"
  sql "$prepare
DELIMITER //
    BEGIN NOT ATOMIC
      DECLARE h INT DEFAULT $h0;
      DECLARE hr INT UNSIGNED;
      WHILE h <= $h1 DO
        SET hr = $t_start;
        WHILE hr < $t_end DO
          SET @host = h, @hour = hr, @to = hr + 3600;
          START TRANSACTION;
          $execute
          COMMIT;
          SET hr = hr + 3600;
        END WHILE;
        SET h = h + 1;
      END WHILE;
    END //
DELIMITER ;"
}
rollup_s="$(seconds rollup_all)"

# The five-minute rollups: every five minutes of every simulated host but the last, each in a transaction of its own.
rollup_five_all() {
  local prepare="" execute=""
  while IFS='|' read -r api table hourly device columns upsert fivemin fiveupsert; do
    prepare+="PREPARE five_${table} FROM '$fiveupsert'; "
    execute+="EXECUTE five_${table} USING @start, @host, @start, @to; "
  done <"$work/kinds"
  sql "$prepare
DELIMITER //
    BEGIN NOT ATOMIC
      DECLARE h INT DEFAULT $h0;
      DECLARE m INT UNSIGNED;
      WHILE h <= $h1 DO
        SET m = $t_start;
        WHILE m < $t_end - 300 DO
          SET @host = h, @start = m, @to = m + 300;
          START TRANSACTION;
          $execute
          COMMIT;
          SET m = m + 300;
        END WHILE;
        SET h = h + 1;
      END WHILE;
    END //
DELIMITER ;"
}
five_s="$(seconds rollup_five_all)"

sql "ANALYZE TABLE $(sed 's/ /, /g' <<<"$raw_tables"), $(sed 's/ /_hourly, /g' <<<"$raw_tables")_hourly,
     $(sed 's/ /_5min, /g' <<<"$raw_tables")_5min" >/dev/null

# The references, filled from the same rows of the first simulated host (a tenth of them with the default 10
# hosts): the plain layout, and the tables as V5 created them (ROW_FORMAT=DYNAMIC, before V11 compressed them).
reference() {
  while IFS='|' read -r api table hourly device columns upsert fivemin fiveupsert; do
    local defs="" device_def="" device_col="" order="time, seq"
    [[ "$device" == - ]] || { device_def="$device INT NOT NULL,"; device_col="$device,"; order+=", $device"; }
    for c in ${columns//,/ }; do defs+="$c DOUBLE NOT NULL, "; done
    sql "CREATE TABLE ref_$table (id BIGINT NOT NULL AUTO_INCREMENT, host_id INT NOT NULL, time DATETIME NOT NULL,
           seq INT NOT NULL, $device_def $defs PRIMARY KEY (id), KEY ix_ref_${table} (host_id, time)) ENGINE = InnoDB;
         INSERT INTO ref_$table (host_id, time, seq, $device_col $columns)
           SELECT host_id, FROM_UNIXTIME(time), seq, $device_col $columns FROM $table WHERE host_id = $h0
           ORDER BY $order;
         CREATE TABLE v5_$table LIKE $table;
         ALTER TABLE v5_$table ROW_FORMAT = DYNAMIC KEY_BLOCK_SIZE = 0;
         INSERT INTO v5_$table SELECT * FROM $table WHERE host_id = $h0 ORDER BY $order;
         ANALYZE TABLE ref_$table, v5_$table" >/dev/null
    for kbs in ${KEY_BLOCK_SIZES:-}; do # trials of other compressed page sizes
      sql "CREATE TABLE kb${kbs}_$table LIKE $table;
           ALTER TABLE kb${kbs}_$table ROW_FORMAT = COMPRESSED KEY_BLOCK_SIZE = $kbs;
           INSERT INTO kb${kbs}_$table SELECT * FROM $table WHERE host_id = $h0 ORDER BY $order;
           ANALYZE TABLE kb${kbs}_$table" >/dev/null
    done
  done <"$work/kinds"
}
reference_s="$(seconds reference)"

# size TABLE VALUE-COLUMNS: rows, bytes (data + index), .ibd bytes
size() {
  local rows bytes file
  rows="$(sql "SELECT COUNT(*) FROM $1")"
  bytes="$(sql "SELECT data_length + index_length FROM information_schema.tables
                WHERE table_schema = DATABASE() AND table_name = '$1'")"
  file="$(stat -c %s "$data/db/data/cloudweb/$1.ibd")"
  echo "$1 $rows $2 $bytes $file"
}
{
  while IFS='|' read -r api table hourly device columns upsert fivemin fiveupsert; do
    n="$(tr , '\n' <<<"$columns" | wc -l)"
    echo "raw $(size "$table" "$n")"
    echo "hourly $(size "$hourly" $((n * 3)))"
    echo "fivemin $(size "$fivemin" $((n * 3)))"
    echo "ref $(size "ref_$table" "$n")"
    echo "v5 $(size "v5_$table" "$n")"
    for kbs in ${KEY_BLOCK_SIZES:-}; do echo "kb$kbs $(size "kb${kbs}_$table" "$n")"; done
  done <"$work/kinds"
} >"$work/sizes"

declare -p days hosts h0 h1 t_start t_end insert_s rebuild_s rollup_s five_s reference_s >"$work/filled"
fi

iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }
# chart KIND FROM TO [STEP]: "median p95 rows bytes" of GET .../stats/KIND, in ms
chart() {
  python3 - "http://127.0.0.1:$port/api/v1/hosts/$h0/stats/$1?from=$(iso "$2")&to=$(iso "$3")${4:+&step=$4}" \
      "$token" "$runs" <<'PYTHON'
import http.client, json, sys, time, urllib.parse
url, token, runs = urllib.parse.urlsplit(sys.argv[1]), sys.argv[2], int(sys.argv[3])
conn = http.client.HTTPConnection(url.hostname, url.port)
def get():
    conn.request("GET", url.path + "?" + url.query, headers={"Authorization": "Bearer " + token})
    response = conn.getresponse()
    body = response.read()
    if response.status != 200:
        sys.exit(f"{response.status} {body[:300]!r}")
    return body
for _ in range(30):
    get()
times = []
for _ in range(runs):
    t = time.perf_counter()
    body = get()
    times.append((time.perf_counter() - t) * 1000)
times.sort()
answer = json.loads(body)
rows = sum(len(s["points"]) for s in answer["series"])
print(f"{times[(len(times) - 1) // 2]:.2f} {times[min(len(times) - 1, round(len(times) * 0.95) - 1)]:.2f} "
      f"{rows}{' truncated' if answer.get('truncated') else ''} {len(body)}")
PYTHON
}
# bare KIND FROM TO STEP-SECONDS [raw|5min|grouped] (0: every raw sample; raw: buckets of raw samples; 5min:
# buckets of five-minute rollups and the raw samples around them; grouped: hourly rollups grouped into buckets, as
# before buckets of an hour were read as they are; else hourly rollups): median server time in ms of StatService's
# statements, RUNS times
bare() {
  local table columns device fivemin select probe="" dev
  IFS='|' read -r _ table _ device columns _ fivemin _ < <(grep "^$1|" "$work/kinds")
  dev="$([[ "$device" == - ]] && echo 0 || echo "$device")"
  if [[ "${5:-}" == 5min ]]; then # the application's statement, its parameters as StatService sets them
    local start=$(($2 - $2 % $4)) first until
    probe="SELECT MIN(minute), MAX(minute) FROM $fivemin WHERE host_id = $h0 AND minute >= $start
           AND minute <= $(($3 - 300))"
    read -r first until < <(sql "SELECT MIN(minute), MAX(minute) + 300 FROM $fivemin WHERE host_id = $h0
                                 AND minute >= $start AND minute <= $(($3 - 300))")
    [[ "$first" != NULL ]] || { first=$start; until=$start; }
    select="$(java -cp "$monitor_cp" "$repo/bench/RollupSql.java" buckets "$1" "$4" \
      | awk -v values="$h0 $first $until $h0 $start $3 $first $until" \
          '{ split(values, v, " "); n = split($0, p, "?"); out = p[1]; for (i = 2; i <= n; i++) out = out v[i - 1] p[i]; print out }')"
  elif [[ "${5:-}" == raw ]]; then
    local values=""
    for c in ${columns//,/ }; do values+=", MIN($c), ROUND(AVG($c)), MAX($c)"; done
    select="SELECT time - time % $4 AS bucket, COUNT(*), $dev
            $values FROM $table WHERE host_id = $h0 AND time >= $(($2 - $2 % $4)) AND time < $3
            GROUP BY bucket$([[ "$device" == - ]] || echo ", $device")
            ORDER BY bucket$([[ "$device" == - ]] || echo ", $device") LIMIT 10001"
  elif [[ "$4" -eq 0 ]]; then
    select="SELECT time, seq, $dev, $columns FROM $table
            WHERE host_id = $h0 AND time >= $2 AND time < $3
            ORDER BY time, seq$([[ "$device" == - ]] || echo ", $device") LIMIT 10001"
  elif [[ "${5:-}" == grouped ]]; then # hours grouped into buckets of an hour again, as before
    local values=""
    for c in ${columns//,/ }; do values+=", MIN(${c}_min), ROUND(SUM(${c}_avg * samples) / SUM(samples)), MAX(${c}_max)"; done
    select="SELECT hour - hour % $4 AS bucket, SUM(samples), $dev
            $values FROM ${table}_hourly WHERE host_id = $h0 AND hour >= $2 AND hour < $3
            GROUP BY bucket$([[ "$device" == - ]] || echo ", $device")
            ORDER BY bucket$([[ "$device" == - ]] || echo ", $device") LIMIT 10001"
  else # the application's statement
    select="$(java -cp "$monitor_cp" "$repo/bench/RollupSql.java" buckets "$1" "$4" \
      | awk -v values="$h0 $(($2 - $2 % $4)) $3" \
          '{ split(values, v, " "); n = split($0, p, "?"); out = p[1]; for (i = 2; i <= n; i++) out = out v[i - 1] p[i]; print out }')"
  fi
  select="$(tr '\n' ' ' <<<"$select" | tr -s ' ')"
  [[ -z "$probe" ]] || probe="$(tr '\n' ' ' <<<"$probe" | tr -s ' ');"
  local per=$([[ -z "$probe" ]] && echo 1 || echo 2)
  {
    echo "SET profiling_history_size = 100; SET profiling = 1;"
    for _ in $(seq 1 10); do echo "$probe $select;"; done
    echo "SET profiling = 0; SET profiling = 1;"
    # SHOW PROFILES keeps the last 100 statements: rounds of 48 statements, well within them
    for _ in $(seq 1 $(( (runs * per + 47) / 48 ))); do
      for _ in $(seq 1 $((48 / per))); do echo "$probe $select;"; done
      echo "SHOW PROFILES; SET profiling = 0; SET profiling = 1;"
    done
  } >"$work/bare.sql"
  sql "source $work/bare.sql" | awk -F '\t' '$3 ~ /^SELECT/ { print $2 * 1000 }' \
    | awk -v per="$per" '{ t += $1 } NR % per == 0 { print t; t = 0 }' | tail -n "$runs" | sort -n \
    | awk '{ v[NR] = $1 } END { printf "%.2f", v[int((NR + 1) / 2)] }'
}

# ---- report
awk -v days="$days" -v hosts="$hosts" -v insert_s="$insert_s" -v rebuild_s="$rebuild_s" -v rollup_s="$rollup_s" \
    -v five_s="${five_s:-0}" -v reference_s="$reference_s" -v options="$(awk '{ $1 = ""; print }' "$work/options" | sort -u | paste -sd,)" '
  { kind[NR] = $1; table[NR] = $2; rows[NR] = $3; cols[NR] = $4; bytes[NR] = $5; file[NR] = $6 }
  END {
    printf "%d days x %d hosts at 10 s: inserted in %.0f s, rebuilt with%s in %.0f s, rolled up in %.0f s (hours)", days,
      hosts, insert_s, options, rebuild_s, rollup_s
    printf " and %.0f s (five minutes), references filled in %.0f s\n\n", five_s, reference_s
    printf "%-22s %11s %7s %13s %9s %9s\n", "table", "rows", "values", "data+index", "B/value", ".ibd B/v"
    for (i = 1; i <= NR; i++) if (kind[i] == "raw" || kind[i] == "hourly" || kind[i] == "fivemin") {
      v = rows[i] * cols[i]
      printf "%-22s %11d %7d %10.1f MiB %9.2f %9.2f\n", table[i], rows[i], cols[i], bytes[i] / 1048576, bytes[i] / v, file[i] / v
      s[kind[i]] += bytes[i]; f[kind[i]] += file[i]; n[kind[i]] += v
    }
    for (i = 1; i <= NR; i++) if (kind[i] != "raw" && kind[i] != "hourly" && kind[i] != "fivemin") {
      v = rows[i] * cols[i]; s[kind[i]] += bytes[i]; f[kind[i]] += file[i]; n[kind[i]] += v
    }
    printf "\n%-58s %9s %9s\n", "bytes per value", "data+idx", ".ibd"
    printf "%-58s %9.2f %9.2f\n", "raw samples, all six tables (target <= 12)", s["raw"] / n["raw"], f["raw"] / n["raw"]
    printf "%-58s %9.2f %9.2f\n", "hourly rollups, per rolled-up number (min, avg, max each)", s["hourly"] / n["hourly"], f["hourly"] / n["hourly"]
    printf "%-58s %9.2f %9.2f\n", "five-minute rollups, per rolled-up number (min, sum, max each)", s["fivemin"] / n["fivemin"], f["fivemin"] / n["fivemin"]
    printf "%-58s %9.2f %9.2f\n", "raw and both rollups together, per raw value", (s["raw"] + s["hourly"] + s["fivemin"]) / n["raw"], (f["raw"] + f["hourly"] + f["fivemin"]) / n["raw"]
    printf "%-58s %9.2f %9.2f\n", "reference: as V5 made the tables (uncompressed), first host", s["v5"] / n["v5"], f["v5"] / n["v5"]
    printf "%-58s %9.2f %9.2f\n", "reference: plain layout (BIGINT id, DATETIME, DOUBLE), first host", s["ref"] / n["ref"], f["ref"] / n["ref"]
    for (k in s) if (k ~ /^kb/) printf "%-58s %9.2f %9.2f\n", "trial: ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=" substr(k, 3) ", first host", s[k] / n[k], f[k] / n[k]
    printf "%-58s %9.2f %9s\n", "reference: the values as bare 8-byte doubles", 8, "-"
  }' "$work/sizes"

# The charts: label|kind|from|to|step|step seconds|source for bare()
charts=(
  "24 h of cpu, default: 5-minute rollups (target <= 5)|cpu|$((t_end - 86400))|$t_end||300|5min"
  "24 h of mem, default: 5-minute rollups|mem|$((t_end - 86400))|$t_end||300|5min"
  "24 h of net, default: 5-minute rollups (3 series)|net|$((t_end - 86400))|$t_end||300|5min"
  "24 h of cpu, step=PT15M (5-minute rollups)|cpu|$((t_end - 86400))|$t_end|PT15M|900|5min"
  "24 h of cpu, every sample (step=PT10S)|cpu|$((t_end - 86400))|$t_end|PT10S|0|"
  "24 h of net, every sample (step=PT10S, 3 series)|net|$((t_end - 86400))|$t_end|PT10S|0|"
  "24 h of cpu, hourly|cpu|$((t_end - 86400))|$t_end|PT1H|3600|"
  "30 d of cpu, hourly (target <= 10)|cpu|$t_start|$t_end||3600|"
  "30 d of net, hourly (3 series)|net|$t_start|$t_end||3600|"
  "30 d of cpu, daily|cpu|$t_start|$t_end|P1D|86400|"
)
# warm SECONDS: calls every chart in turn over one keep-alive connection for that long; prints how many calls
warm() {
  local urls=() label kind from to step
  for spec in "${charts[@]}"; do
    IFS='|' read -r label kind from to step _ <<<"$spec"
    urls+=("/api/v1/hosts/$h0/stats/$kind?from=$(iso "$from")&to=$(iso "$to")${step:+&step=$step}")
  done
  python3 - "$port" "$token" "$1" "${urls[@]}" <<'PYTHON'
import http.client, sys, time
port, token, seconds, urls = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]), sys.argv[4:]
conn = http.client.HTTPConnection("127.0.0.1", port)
calls, end = 0, time.monotonic() + seconds
while time.monotonic() < end:
    conn.request("GET", urls[calls % len(urls)], headers={"Authorization": "Bearer " + token})
    response = conn.getresponse()
    response.read()
    if response.status != 200:
        sys.exit(f"{response.status} on {urls[calls % len(urls)]}")
    calls += 1
print(calls)
PYTHON
}
warm_calls="$(warm "$warmup")"

printf '\n%-52s %8s %8s %10s %16s %9s\n' "chart of host $h0, ms (runs: $runs, warm-up: ${warmup} s, $warm_calls calls)" \
  median p95 "bare SQL" rows bytes
for spec in "${charts[@]}"; do
  IFS='|' read -r label kind from to step step_seconds source <<<"$spec"
  read -r median p95 rows bytes < <(chart "$kind" "$from" "$to" "$step")
  printf '%-52s %8s %8s %10s %16s %9s\n' "$label" "$median" "$p95" \
    "$(bare "$kind" "$from" "$to" "$step_seconds" "$source")" "$rows" "$bytes"
done
printf '%-52s %8s %8s %10s\n' "reference: 24 h of cpu, 5 min of raw, bare SQL" - - \
  "$(bare cpu $((t_end - 86400)) "$t_end" 300 raw)"
printf '%-52s %8s %8s %10s\n' "reference: 30 d of cpu, hours grouped again, bare SQL" - - \
  "$(bare cpu "$t_start" "$t_end" 3600 grouped)"
