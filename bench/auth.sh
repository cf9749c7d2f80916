#!/usr/bin/env bash
# Login and token-validation throughput with 4 concurrent clients against the one-command run:
#   login       POST /api/v1/tokens (PBKDF2-HMAC-SHA256, 210,000 iterations, per login)
#   validation  GET /api/v1/users/me with a bearer token (one indexed lookup of the token's SHA-256)
# Reference, measured in the same run: GET /api/v1, which needs neither authentication nor the database.
# Usage: bench/auth.sh [seconds per measurement, default 15]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-15}"
clients=4
launcher="$repo/launcher/target/cloudweb.jar"
[[ -f "$launcher" ]] || (cd "$repo" && ./mvnw -q -DskipTests package)

work="$(mktemp -d /tmp/cloudweb-auth.XXXXXX)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("", 0)); print(s.getsockname()[1])')"
password="bench-admin-$RANDOM$RANDOM"
(cd "$work" && exec java -Dcloudweb.http.port="$port" -Dcloudweb.admin.password="$password" \
    -jar "$launcher" >"$work/cloudweb.log" 2>&1) &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
api="http://127.0.0.1:$port/api/v1"
for _ in $(seq 1 300); do
  curl -fsS "http://127.0.0.1:$port/health" 2>/dev/null | grep -q '"status":"UP"' && break
  sleep 0.2
done

login='{"email":"admin@localhost","password":"'"$password"'"}'
token="$(curl -fsS -H 'Content-Type: application/json' -d "$login" "$api/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"
load() { java "$repo/bench/AuthLoad.java" "$@" "$clients" "$seconds"; }

# warm-up, so that the JIT has seen every path once
load "$api/users/me" GET - "$token" >/dev/null
read -r reference ref_failed < <(load "$api" GET - -)
read -r validation val_failed < <(load "$api/users/me" GET - "$token")
read -r logins login_failed < <(load "$api/tokens" POST "$login" -)

printf '%-58s %12s %8s\n' "request ($clients clients, ${seconds} s each)" "requests/s" "failed"
printf '%-58s %12s %8s\n' "reference: GET /api/v1 (no auth, no database)" "$reference" "$ref_failed"
printf '%-58s %12s %8s\n' "token validation: GET /api/v1/users/me with a bearer token" "$validation" "$val_failed"
printf '%-58s %12s %8s\n' "login: POST /api/v1/tokens" "$logins" "$login_failed"
