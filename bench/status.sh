#!/usr/bin/env bash
# Host status and the load ranking: what a check round takes, and what the feature adds to the monitor's tick
# and to every request.
# 1. Check rounds: durationMillis of GET /hosts/{id}/status over 10 rounds without service checks and 10 with
#    process:java,process:mariadbd and two TCP checks (the HTTP port, a closed port). Changing monitor.checks
#    starts a round within 5 s, so the script alternates two spellings of the same list. Reference, same run:
#    `ps -e` and `pgrep -x mariadbd` (median of 10), the usual ways to scan the process list.
# 2. Idle cost with monitor.interval=PT1S: CPU of the Payara Micro and MariaDB processes per second (so per tick,
#    check rounds included), and GET /api/v1 requests/s with 4 clients for 10 s (each passes the in-flight filter).
#    With BASELINE_JAR=<a cloudweb.jar built without this feature> the same is measured for it in the same run.
# Usage: [BASELINE_JAR=path/to/cloudweb.jar] bench/status.sh [seconds of idle measurement, default 60]
source "$(dirname "$0")/lib.sh"
idle_seconds="${1:-60}"
root_work="$work"

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
config() { curl -fsS -X PUT "${auth[@]}" -H 'Content-Type: application/json' -d "$1" "$api/config" >/dev/null; }
host_id() { curl -fsS "${auth[@]}" "$api/hosts" | json 'd[0]["id"]'; }
micro_pid() { pgrep -f -- "payara-micro.jar.*--port $port" | head -1; }
db_pid() { pgrep -f -- "mariadbd.*$data/db" | head -1; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; } # utime + stime, in clock ticks

# wall milliseconds of a command, median of 10
reference_ms() {
  for _ in $(seq 1 10); do
    local start end
    start="$(date +%s%N)"
    "$@" >/dev/null || true
    end="$(date +%s%N)"
    echo $(((end - start) / 1000))
  done | median | awk '{ printf "%.1f", $1 / 1000 }'
}

# the durationMillis of the next rounds with the checks in $1 (comma-separated), median: 10 rounds started by
# changes of the setting, or without checks (nothing to change) the next 3 rounds of the 30 s period
round_ms() {
  local checks=$1 host previous status reversed rounds=10
  host="$(host_id)"
  reversed="$(tr ',' '\n' <<<"$checks" | tac | paste -sd, -)"
  [[ -n "$checks" ]] || rounds=3
  config '{"monitor.checks": null}'
  previous="$(curl -fsS "${auth[@]}" "$api/hosts/$host/status" | json 'd.get("checkedAt")')"
  for i in $(seq 1 "$rounds"); do
    if [[ -n "$checks" ]]; then
      ((i % 2)) && config "{\"monitor.checks\": \"$checks\"}" || config "{\"monitor.checks\": \"$reversed\"}"
    fi
    for _ in $(seq 1 200); do
      status="$(curl -fsS "${auth[@]}" "$api/hosts/$host/status")"
      [[ "$(json 'd.get("checkedAt")' <<<"$status")" != "$previous" ]] && break
      sleep 0.2
    done
    previous="$(json 'd.get("checkedAt")' <<<"$status")"
    json 'd["durationMillis"]' <<<"$status"
  done | median
}

# label: CPU ms per second of Payara Micro and MariaDB while idle, then GET /api/v1 requests/s
idle_cost() {
  local label=$1 micro db micro0 db0 micro_ms db_ms rate
  config '{"monitor.interval": "PT1S", "monitor.checks": "process:java,tcp:127.0.0.1:'"$port"'"}'
  sleep 15 # ticks on the new interval, a check round, the JIT settled
  micro="$(micro_pid)"
  db="$(db_pid)"
  micro0="$(cpu_ticks "$micro")"
  db0="$(cpu_ticks "$db")"
  sleep "$idle_seconds"
  micro_ms="$(awk -v t="$(($(cpu_ticks "$micro") - micro0))" -v s="$idle_seconds" 'BEGIN { print t * 10 / s }')"
  db_ms="$(awk -v t="$(($(cpu_ticks "$db") - db0))" -v s="$idle_seconds" 'BEGIN { print t * 10 / s }')"
  java "$repo/bench/AuthLoad.java" "$api" GET - - 4 10 >/dev/null # warm-up
  rate="$(java "$repo/bench/AuthLoad.java" "$api" GET - - 4 10)"
  printf '%-58s %12.1f %12.1f %12s\n' "$label" "$micro_ms" "$db_ms" "${rate%% *}"
}

start_cloudweb
authorize
until curl -fsS "${auth[@]}" "$api/hosts" | grep -q '"id"'; do sleep 0.5; done
closed="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
checks="process:java,process:mariadbd,tcp:127.0.0.1:$port,tcp:127.0.0.1:$closed"
none="$(round_ms "")"
with="$(round_ms "$checks")"
ps_ms="$(reference_ms ps -e)"
pgrep_ms="$(reference_ms pgrep -x mariadbd)"

printf '%-58s %12s\n' "check round ($(nproc) cores, $(ls /proc | grep -c '^[0-9]') processes)" "ms (median)"
printf '%-58s %12s\n' "reference: ps -e" "$ps_ms"
printf '%-58s %12s\n' "reference: pgrep -x mariadbd" "$pgrep_ms"
printf '%-58s %12s\n' "round without service checks (data dir, clock, db skew)" "$none"
printf '%-58s %12s\n' "round with 2 process and 2 TCP checks" "$with"
echo
printf '%-58s %12s %12s %12s\n' "idle, monitor.interval=PT1S, ${idle_seconds} s" "Micro ms/s" "MariaDB ms/s" "GET req/s"
idle_cost "this build"

if [[ -n "${BASELINE_JAR:-}" ]]; then
  kill -TERM "$pid"
  wait "$pid" 2>/dev/null || true
  launcher="$BASELINE_JAR"
  work="$root_work/baseline"
  data="$work/data"
  mkdir -p "$work"
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("", 0)); print(s.getsockname()[1])')"
  api="http://127.0.0.1:$port/api/v1"
  start_cloudweb
  trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$root_work"' EXIT
  authorize
  # the baseline knows no monitor.checks: set the interval alone
  config() { curl -fsS -X PUT "${auth[@]}" -H 'Content-Type: application/json' -d '{"monitor.interval": "PT1S"}' \
      "$api/config" >/dev/null; }
  idle_cost "reference: baseline build"
fi
