#!/usr/bin/env bash
# Startup of the one-command run: seconds from `java -jar launcher/target/cloudweb.jar` until GET /health
# answers UP, for a first run on a fresh machine (MariaDB binaries unpacked, database created), a first run
# with the binaries already unpacked, and a restart on existing data. Reference, measured in the same run:
# bare Payara Micro (no application) until it answers HTTP. Also shows the resident memory of both processes.
# Usage: bench/startup.sh   (builds the launcher first if needed)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
launcher="$repo/launcher/target/cloudweb.jar"
[[ -f "$launcher" ]] || (cd "$repo" && ./mvnw -q -DskipTests package)

work="$(mktemp -d /tmp/cloudweb-startup.XXXXXX)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("", 0)); print(s.getsockname()[1])')"

now() { date +%s.%N; }

# Waits until $1 answers (any status, or 200 with "UP" when $2 is "up"); prints the seconds since $3.
wait_for() {
  local url=$1 want=$2 start=$3 deadline=$((SECONDS + 300))
  while ((SECONDS < deadline)); do
    if [[ $want == up ]]; then
      curl -fsS "$url" 2>/dev/null | grep -q '"status":"UP"' && break
    else
      [[ $(curl -s -o /dev/null -w '%{http_code}' "$url" || true) != 000 ]] && break
    fi
    sleep 0.2
  done
  ((SECONDS < deadline)) || { echo "timed out waiting for $url" >&2; exit 1; }
  awk -v end="$(now)" -v start="$start" 'BEGIN { printf "%.1f", end - start }'
}

# Resident memory (MiB) of the Payara Micro process listening on the port.
micro_rss() {
  local pid
  pid="$(pgrep -f -- "payara-micro.jar.*--port $port" | head -1)"
  echo $(($(ps -o rss= -p "$pid") / 1024))
}

stop() { # SIGTERM, like Ctrl-C: the launcher stops Payara Micro, then MariaDB
  kill -TERM "$1"; wait "$1" || true
}

run_cloudweb() { # label, extra JVM options
  local label=$1; shift
  local start pid seconds rss
  start="$(now)"
  (cd "$work" && exec java "$@" -Dcloudweb.http.port="$port" -jar "$launcher" >>"$work/cloudweb.log" 2>&1) &
  pid=$!
  seconds="$(wait_for "http://127.0.0.1:$port/health" up "$start")"
  rss="$(micro_rss)"
  stop "$pid"
  printf '%-52s %8.1f %10s\n' "$label" "$seconds" "$rss"
}

printf '%-52s %8s %10s\n' "scenario" "seconds" "RSS (MiB)"

start="$(now)"
java -jar "$repo/launcher/target/payara-micro.jar" --nocluster --port "$port" >"$work/micro.log" 2>&1 &
pid=$!
seconds="$(wait_for "http://127.0.0.1:$port/" any "$start")"
rss="$(micro_rss)"
stop "$pid"
printf '%-52s %8.1f %10s\n' "reference: bare Payara Micro answers HTTP" "$seconds" "$rss"

run_cloudweb "CloudWeb, fresh machine (unpack MariaDB, create db)" -Dcloudweb.db.binaries="$work/mariadb"
rm -rf "$work/data"
run_cloudweb "CloudWeb, first run (binaries cached, create db)" -Dcloudweb.db.binaries="$work/mariadb"
run_cloudweb "CloudWeb, restart on existing data" -Dcloudweb.db.binaries="$work/mariadb"

creations="$(grep -c 'Creating the embedded MariaDB' "$work/cloudweb.log" || true)"
echo "database created $creations times in 3 CloudWeb runs (2 expected: the restart kept the data)"
