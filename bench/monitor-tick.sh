#!/usr/bin/env bash
# The cost of one host monitor tick (OSHI's poll, the rows of the tick, the container around it) at
# monitor.interval PT1S: wall time and CPU time of the timer thread per tick, p50/p95/max over TICKS ticks after
# a warm-up, read from the cloudweb_monitor_tick_* timers at /metrics (polled 5 times a second; a tick is taken
# when exactly one happened between two polls). Then, without polling: CPU of the whole Payara Micro process and of
# MariaDB, and statements, per tick: a window of WINDOW seconds at PT1S less one at PT1H (no tick) on the idle server.
# Reference, same run, after the server has stopped: the monitor's own Sampler polling OSHI as often, in a plain
# JVM without server and database (bench/MonitorPoll.java).
# Usage: bench/monitor-tick.sh [ticks, default 300]
source "$(dirname "$0")/lib.sh"
ticks="${1:-300}"
warmup=30
start_cloudweb
authorize

for _ in $(seq 1 150); do
  [[ "$(curl -fsS "${auth[@]}" "$api/hosts" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" -gt 0 ]] \
    && break
  sleep 0.2
done
curl -fsS -X PUT "${auth[@]}" -H 'Content-Type: application/json' -d '{"monitor.interval":"PT1S"}' "$api/config" \
  >/dev/null
micro="$(pgrep -f -- "payara-micro.jar.*--port $port" | head -1)"
mariadbd="$(pgrep -f -- "bin/mariadbd .*--socket=$data/db/mariadb.sock" | head -1)"

metrics="http://127.0.0.1:$port/metrics?scope=application"
# Prints one line per tick, "wall-seconds cpu-seconds", for $1 ticks after $2 ticks of warm-up.
poll() {
  python3 - "$metrics" "$1" "$2" <<'PYTHON'
import http.client, re, sys, time, urllib.parse
url, wanted, warmup = urllib.parse.urlsplit(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
conn = http.client.HTTPConnection(url.hostname, url.port)
line = re.compile(r'^(cloudweb_monitor_tick_(?:duration|cpu)_seconds_(?:count|sum))(?:\{[^}]*\})? (\S+)$', re.M)
def scrape():
    conn.request("GET", url.path + "?" + url.query)
    values = {k: float(v) for k, v in line.findall(conn.getresponse().read().decode())}
    return tuple((values.get(f"cloudweb_monitor_tick_{t}_seconds_count", 0),
                  values.get(f"cloudweb_monitor_tick_{t}_seconds_sum", 0)) for t in ("duration", "cpu"))
previous, seen, taken = None, 0, []
while len(taken) < wanted:
    wall, cpu = scrape()
    if wall[0] == cpu[0]:  # not between the two updates of one tick
        if previous and wall[0] > previous[0][0]:
            seen += int(wall[0] - previous[0][0])
            if seen > warmup and wall[0] - previous[0][0] == 1:
                taken.append((wall[1] - previous[0][1], cpu[1] - previous[1][1]))
        previous = (wall, cpu)
    time.sleep(0.2)
for wall, cpu in taken:
    print(f"{wall:.6f} {cpu:.6f}")
PYTHON
}
poll "$ticks" "$warmup" >"$work/ticks"

jiffies() { awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; } # utime + stime
tick_count() { curl -fsS "$metrics" | awk '/^cloudweb_monitor_tick_duration_seconds_count[{ ]/ { printf "%d", $NF }'; }
questions() { sql "SHOW GLOBAL STATUS LIKE 'Questions'" | awk '{ print $2 }'; }
# window SECONDS: ticks, Payara Micro jiffies, MariaDB jiffies and statements in that many seconds
window() {
  local t0 m0 d0 q0
  t0="$(tick_count)" m0="$(jiffies "$micro")" d0="$(jiffies "$mariadbd")" q0="$(questions)"
  sleep "$1"
  echo "$(($(tick_count) - t0)) $(($(jiffies "$micro") - m0)) $(($(jiffies "$mariadbd") - d0)) \
    $(($(questions) - q0 - 1))"
}
window_s="${WINDOW:-100}"
read -r busy_ticks busy_micro busy_db busy_q < <(window "$window_s")
curl -fsS -X PUT "${auth[@]}" -H 'Content-Type: application/json' -d '{"monitor.interval":"PT1H"}' "$api/config" \
  >/dev/null
sleep 3 # the tick already scheduled
read -r idle_ticks idle_micro idle_db idle_q < <(window "$window_s")
kill -TERM "$pid"
wait "$pid" 2>/dev/null || true

lib="$repo/bundle/target/cloudweb/WEB-INF/lib"
classpath="$(ls "$lib"/cloudweb-monitor-timer-*.jar "$lib"/oshi-core-*.jar "$lib"/jna-*.jar "$lib"/slf4j-*.jar \
  | paste -sd:)"
java -cp "$classpath" "$repo/bench/MonitorPoll.java" $((ticks + warmup)) 1000 2>"$work/first" \
  | tail -n "$ticks" | awk '{ printf "%.6f %.6f\n", $1 / 1e9, $2 / 1e9 }' >"$work/reference"

# stats FILE COLUMN: p50, p95 and max in ms
stats() {
  awk -v c="$2" '{ print $c * 1000 }' "$1" | sort -n | awk '{ v[NR] = $1 } END {
    printf "%8.2f %8.2f %8.2f", v[int((NR + 1) / 2)], v[int(NR * 0.95 + 0.5)], v[NR] }'
}
printf '%-56s %8s %8s %8s\n' "per tick at PT1S, ms ($(wc -l <"$work/ticks") ticks after $warmup)" p50 p95 max
printf '%-56s %s\n' "reference: Sampler alone, plain JVM, wall" "$(stats "$work/reference" 1)"
printf '%-56s %s\n' "reference: Sampler alone, plain JVM, thread CPU" "$(stats "$work/reference" 2)"
printf '%-56s %s\n' "tick in CloudWeb, wall (target p95 <= 50)" "$(stats "$work/ticks" 1)"
printf '%-56s %s\n' "tick in CloudWeb, timer thread CPU (target <= 5)" "$(stats "$work/ticks" 2)"
awk -v n="$busy_ticks" -v m=$((busy_micro - idle_micro)) -v d=$((busy_db - idle_db)) -v q=$((busy_q - idle_q)) \
    -v idle="$idle_ticks" -v s="$window_s" -v hz="$(getconf CLK_TCK)" 'BEGIN {
  printf "per tick, %d ticks in %d s less the same time at PT1H (%d ticks), mean:\n", n, s, idle
  printf "  Payara Micro process CPU %.2f ms, MariaDB CPU %.2f ms, statements %.1f\n",
    m * 1000 / hz / n, d * 1000 / hz / n, q / n }'
sed 's/^/reference: /' "$work/first"
