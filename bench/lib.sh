# Shared by the benchmark scripts: start CloudWeb (the one-command run) in a scratch directory, sign in as the
# administrator, and stop everything on exit. Source it; it sets work, port, api, token, data and pid.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
launcher="$repo/launcher/target/cloudweb.jar"
[[ -f "$launcher" ]] || (cd "$repo" && ./mvnw -q -DskipTests package)

# KEEP=1 keeps the scratch directory (data and database) at exit; REUSE=<that directory> starts on it again.
if [[ -n "${REUSE:-}" ]]; then
  work="$REUSE"
  password="$(cat "$work/admin-password")"
else
  work="$(mktemp -d "${BENCH_DIR:-/tmp}/cloudweb-bench.XXXXXX")"
  password="bench-admin-$RANDOM$RANDOM"
  echo "$password" >"$work/admin-password"
fi
data="$work/data"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("", 0)); print(s.getsockname()[1])')"
api="http://127.0.0.1:$port/api/v1"

# start_cloudweb [JVM options for Payara Micro]
start_cloudweb() {
  (cd "$work" && CLOUDWEB_JAVA_OPTIONS="${1:-}" exec java -Dcloudweb.http.port="$port" \
      -Dcloudweb.admin.password="$password" -jar "$launcher" >"$work/cloudweb.log" 2>&1) &
  pid=$!
  # without '|| true' errexit would end the trap before the clean-up: kill fails where the script has already
  # stopped the server (bench/import.sh), and Java exits 143 on SIGTERM
  trap 'kill -TERM $pid 2>/dev/null || true; wait $pid 2>/dev/null || true
        if [[ -z "${KEEP:-}${REUSE:-}" ]]; then rm -rf "$work"; else echo "kept: $work" >&2; fi' EXIT
  for _ in $(seq 1 300); do
    curl -fsS "http://127.0.0.1:$port/health" 2>/dev/null | grep -q '"status":"UP"' && break
    sleep 0.2
  done
  token="$(curl -fsS -H 'Content-Type: application/json' \
      -d '{"email":"admin@localhost","password":"'"$password"'"}' "$api/tokens" \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"
}

# The resident memory (MiB) of the Payara Micro process.
micro_rss() {
  local micro
  micro="$(pgrep -f -- "payara-micro.jar.*--port $port" | head -1)"
  echo $(($(ps -o rss= -p "$micro") / 1024))
}

# SQL against the embedded database, as its local superuser over the Unix socket.
sql() {
  "$HOME/.cache/cloudweb/mariadb-$(sed -n 's/^version=//p' "$repo/launcher/target/classes/org/cloudweb/launcher/db/mariadb.properties")/bin/mariadb" \
      --no-defaults --socket="$data/db/mariadb.sock" -uroot cloudweb --batch --skip-column-names -e "$1"
}

# seconds COMMAND...: runs it and prints how long it took, in seconds with 3 decimals.
seconds() {
  local start end
  start="$(date +%s.%N)"
  "$@" >/dev/null
  end="$(date +%s.%N)"
  awk -v end="$end" -v start="$start" 'BEGIN { printf "%.3f", end - start }'
}

auth=(-H "Authorization: Bearer placeholder")
authorize() { auth=(-H "Authorization: Bearer $token"); }
