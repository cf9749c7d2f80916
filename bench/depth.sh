#!/usr/bin/env bash
# Path resolution against depth: HEAD of a file 2 levels and 100 levels below its container (median of 21
# requests each, after 105 of warm-up). The path is resolved by one recursive query whatever its depth. Reference, same run: HEAD of
# the container itself, and `stat` of the deep file on disk.
# Usage: bench/depth.sh [depth, default 100]
source "$(dirname "$0")/lib.sh"
depth="${1:-100}"
start_cloudweb
authorize
deep="c"
for level in $(seq 1 "$depth"); do deep="$deep/l$level"; done
curl -fsS -X PUT "${auth[@]}" --data-binary x "$api/fs/admin/c/l1/f" >/dev/null
curl -fsS -X PUT "${auth[@]}" --data-binary x "$api/fs/admin/$deep/f" >/dev/null

head_ms() { # path: the median of 21 HEAD requests, in ms
  for _ in $(seq 1 21); do
    curl -fsS -I "${auth[@]}" -o /dev/null -w '%{time_total}\n' "$api/fs/admin/$1"
  done | sort -n | sed -n 11p | awk '{ printf "%.2f", $1 * 1000 }'
}
for _ in 1 2 3 4 5; do head_ms c >/dev/null; head_ms c/l1/f >/dev/null; head_ms "$deep/f" >/dev/null; done # warm-up
container="$(head_ms c)"
shallow="$(head_ms c/l1/f)"
deepest="$(head_ms "$deep/f")"
stat_ms="$(awk -v s="$(seconds stat "$data/admin/$deep/f")" 'BEGIN { printf "%.2f", s * 1000 }')"

printf '%-52s %8s\n' "HEAD of a path" "ms"
printf '%-52s %8s\n' "reference: stat of the deep file on disk (one run)" "$stat_ms"
printf '%-52s %8s\n' "reference: HEAD /fs/admin/c (the container)" "$container"
printf '%-52s %8s\n' "HEAD of a file 2 levels below the container" "$shallow"
printf '%-52s %8s\n' "HEAD of a file $((depth + 1)) levels below the container" "$deepest"
