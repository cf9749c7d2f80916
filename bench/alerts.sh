#!/usr/bin/env bash
# What alert rules cost the monitor's tick, how soon an alert's e-mail arrives, and that a stalled SMTP server
# does not hold the tick up. With monitor.interval PT1S and a local SMTP sink (bench/smtp_sink.py):
# 1. CPU time of the Payara Micro process and database statements per tick, for SECONDS without rules
#    (reference) and again with RULES enabled rules that never fire;
# 2. seconds from creating a rule that fires at once (for PT0S) until its e-mail is at the sink;
# 3. ticks stored while the sink stalls every message for 20 s (the sender gives up after 10 s and tries again
#    at the next tick), and how soon the e-mail arrives once the sink answers again.
# Usage: bench/alerts.sh [rules, default 200] [seconds per measurement, default 60]
source "$(dirname "$0")/lib.sh"
rules="${1:-200}"
seconds="${2:-60}"
smtp_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("", 0)); print(s.getsockname()[1])')"
mails="$work/mails"
stall="$work/stall"
touch "$mails"
python3 "$repo/bench/smtp_sink.py" "$smtp_port" "$mails" "$stall" &
sink=$!
start_cloudweb
trap 'kill $sink 2>/dev/null; kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
authorize
json=(-H 'Content-Type: application/json')
curl -fsS -X PUT "${auth[@]}" "${json[@]}" "$api/config" \
    -d '{"smtp.host": "127.0.0.1", "smtp.port": '"$smtp_port"', "monitor.interval": "PT1S"}' >/dev/null
sleep 12 # the next tick still comes on the old 10 s schedule

micro="$(pgrep -f -- "payara-micro.jar.*--port $port" | head -1)"
hz="$(getconf CLK_TCK)"
cpu_ms() { awk -v hz="$hz" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$micro/stat"; }
statements() { sql "SELECT SUM(IF(variable_name = 'COM_SELECT', variable_value, 0)),
    SUM(IF(variable_name IN ('COM_INSERT', 'COM_UPDATE', 'COM_DELETE'), variable_value, 0))
    FROM information_schema.global_status"; }
last_seq() { sql "SELECT COALESCE(MAX(seq), 0) FROM stat_cpu"; }

# measure LABEL: one row of the first table
measure() {
  local c0 c1 s0 s1 q0 q1 ticks
  c0="$(cpu_ms)"; s0="$(statements)"; q0="$(last_seq)"
  sleep "$seconds"
  c1="$(cpu_ms)"; s1="$(statements)"; q1="$(last_seq)"
  ticks=$((q1 - q0))
  read -r sel0 wr0 <<<"$s0"
  read -r sel1 wr1 <<<"$s1"
  per_tick() { awk -v a="$1" -v b="$2" -v t="$ticks" 'BEGIN { print (a - b) / t }'; }
  printf '%-40s %6d %14.2f %14.2f %14.2f\n' "$1" "$ticks" "$(per_tick "$c1" "$c0")" "$(per_tick "$sel1" "$sel0")" \
      "$(per_tick "$wr1" "$wr0")"
}

printf '%-40s %6s %14s %14s %14s\n' "ticks of PT1S" "ticks" "CPU ms/tick" "SELECTs/tick" "writes/tick"
measure "reference: no alert rules"
metrics=(cpu.busy mem.used swap.used storage.used proc.cpu)
for i in $(seq 1 "$rules"); do
  curl -fsS "${auth[@]}" "${json[@]}" "$api/alerts/rules" -d '{"name": "quiet '"$i"'", "comparison": ">",
      "metric": "'"${metrics[i % 5]}"'", "threshold": 101, "for": "PT1M"}' >/dev/null
done
measure "$rules rules, none firing"

now() { date +%s.%N; }
start="$(now)"
curl -fsS "${auth[@]}" "${json[@]}" "$api/alerts/rules" \
    -d '{"name": "bench-fires", "metric": "mem.used", "comparison": ">", "threshold": 0}' >/dev/null
until grep -q 'bench-fires' "$mails"; do sleep 0.05; done
arrived="$(awk '/bench-fires/ { print $1; exit }' "$mails")"
printf '\n%-60s %8.2f s\n' "rule created (for PT0S) until its e-mail is at the sink" \
    "$(awk -v a="$arrived" -v b="$start" 'BEGIN { print a - b }')"

touch "$stall"
q0="$(last_seq)"
from="$(date +%s)"
curl -fsS "${auth[@]}" "${json[@]}" "$api/alerts/rules" \
    -d '{"name": "bench-stalled", "metric": "mem.used", "comparison": ">", "threshold": 0}' >/dev/null
sleep 30
q1="$(last_seq)"
gap="$(sql "SELECT MAX(gap) FROM (SELECT time - LAG(time) OVER (ORDER BY seq) AS gap FROM stat_cpu
    WHERE time >= $from) g")"
failed="$(grep -c 'not sent, to be tried again' "$work/cloudweb.log" || true)"
rm "$stall"
resumed="$(now)"
until grep -q 'bench-stalled' "$mails"; do sleep 0.05; done
arrived="$(awk '/bench-stalled/ { print $1; exit }' "$mails")"
printf '%-60s %8d\n' "ticks stored in 30 s of a stalled SMTP server (reference: 30)" "$((q1 - q0))"
printf '%-60s %8d s\n' "longest gap between two stored ticks meanwhile" "$gap"
printf '%-60s %8d\n' "e-mails given up (10 s timeout) and tried again" "$failed"
printf '%-60s %8.2f s\n' "server answers again until the e-mail is at the sink" \
    "$(awk -v a="$arrived" -v b="$resumed" 'BEGIN { print a - b }')"
