#!/usr/bin/env bash
# What writing the audit trail costs a caller: GET of a 1-byte file (each download writes a record once its
# bytes are sent) against HEAD of the same file (same path resolution and headers, no record), one client,
# a fixed time each. Then the same with 4 clients. The difference bounds the cost of the record.
# Usage: bench/records.sh [seconds per run, default 10]
source "$(dirname "$0")/lib.sh"
seconds="${1:-10}"
start_cloudweb
authorize
curl -fsS -X PUT "${auth[@]}" "$api/fs/admin/rec" >/dev/null
printf 'x' | curl -fsS -X PUT "${auth[@]}" --data-binary @- "$api/fs/admin/rec/one.txt" >/dev/null
load() { java "$repo/bench/AuthLoad.java" "$api/fs/admin/rec/one.txt" "$1" - "$token" "$2" "$seconds"; }
load GET 1 >/dev/null # warm-up
load HEAD 1 >/dev/null
before="$(sql "SELECT COUNT(*) FROM record WHERE action = 'fs.get'")"
get1="$(load GET 1)"
head1="$(load HEAD 1)"
get4="$(load GET 4)"
head4="$(load HEAD 4)"
after="$(sql "SELECT COUNT(*) FROM record WHERE action = 'fs.get'")"

printf '%-52s %10s %10s\n' "requests of a 1-byte file" "req/s" "ms/req"
for row in "reference: HEAD, 1 client (no record)|$head1|1" "GET, 1 client (one record each)|$get1|1" \
           "reference: HEAD, 4 clients|$head4|4" "GET, 4 clients|$get4|4"; do
  IFS='|' read -r label rate clients <<<"$row"
  printf '%-52s %10s %10s\n' "$label" "${rate%% *}" "$(awk -v r="${rate%% *}" -v c="$clients" 'BEGIN { printf "%.2f", c * 1000 / r }')"
done
echo "download records written during the measured GETs: $((after - before))"
