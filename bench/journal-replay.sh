#!/usr/bin/env bash
# Replay of the journal: the embedded MariaDB is stopped under the one-command run, ENTRIES files of 1 KiB are
# uploaded (bench/PutLoad.java, 4 clients) and journaled, then MariaDB is started again. Measured:
# from MariaDB's "ready for connections" until readiness says mode "normal" (journal replayed into index, quota
# and records), polled every 50 ms. Reference, same run and server: the same uploads with the database up, each
# indexed by its own commit, i.e. what the index would have cost had there been no outage.
# Usage: bench/journal-replay.sh [entries, default 10000]
source "$(dirname "$0")/lib.sh"
entries="${1:-10000}"
start_cloudweb
authorize
curl -fsS -o /dev/null -X PUT "${auth[@]}" "$api/fs/admin/online"
curl -fsS -o /dev/null -X PUT "${auth[@]}" "$api/fs/admin/journaled"

# upload CONTAINER: ENTRIES files into CONTAINER/d; prints the files per second, fails on any failure
upload() {
  local rate failed
  read -r rate failed < <(java "$repo/bench/PutLoad.java" "$api/fs/admin/$1/d" "$token" "$entries" 1024 4)
  [[ "$failed" == 0 ]] || { echo "$failed uploads failed" >&2; return 1; }
  echo "$rate"
}

online="$(upload online)"

mariadbd="$(pgrep -f -- "bin/mariadbd .*--socket=$data/db/mariadb.sock" | head -1)"
mapfile -d '' -t command < "/proc/$mariadbd/cmdline"
basedir="$(printf '%s\n' "${command[@]}" | sed -n 's/^--basedir=//p')"
kill -TERM "$mariadbd"
while kill -0 "$mariadbd" 2>/dev/null; do sleep 0.1; done
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/health/ready" | grep -q degraded && break
  sleep 0.1
done
journaled="$(upload journaled)"
lines="$(cat "$data"/journal/*.journal | wc -l)"

log="$data/db/mariadb.log"
offset="$(stat -c %s "$log")"
(cd "$basedir" && LD_LIBRARY_PATH="$basedir/libs" exec "${command[@]}" >>"$log" 2>&1) &
restarted=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null || true; kill -TERM $restarted 2>/dev/null; wait $restarted 2>/dev/null || true; rm -rf "$work"' EXIT
until tail -c +"$((offset + 1))" "$log" | grep -q 'ready for connections'; do sleep 0.05; done
ready="$(date +%s.%N)"
until curl -fsS "http://127.0.0.1:$port/health/ready" | grep -q '"mode":"normal"'; do sleep 0.05; done
normal="$(date +%s.%N)"
replay="$(awk -v a="$ready" -v b="$normal" 'BEGIN { printf "%.3f", b - a }')"

indexed="$(sql "SELECT COUNT(*) FROM stobj s JOIN stobj d ON s.parent_id = d.id JOIN stobj c ON d.parent_id = c.id
                WHERE c.name = 'journaled' AND s.type = 'file'")"
recorded="$(sql "SELECT COUNT(*) FROM record WHERE action = 'fs.put' AND path LIKE '/admin/journaled/%' AND status = 201")"
echo
printf '| %-46s | %9s | %-26s |\n' "$entries uploads of 1 KiB" entries/s "result"
printf '| %-46s | %9s | %-26s |\n' "--" "--" "--"
printf '| %-46s | %9.0f | %-26s |\n' "online, indexed per request (reference)" "$online" ""
printf '| %-46s | %9.0f | %-26s |\n' "database away: stored and journaled" "$journaled" "$lines journal entries"
printf '| %-46s | %9.0f | %-26s |\n' "replay: database ready → readiness normal" \
  "$(awk -v n="$lines" -v s="$replay" 'BEGIN { print n / s }')" "$replay s; $indexed rows, $recorded records"
