#!/usr/bin/env bash
# Many small uploads: 10,000 PUTs of 1 KiB with 4 clients into one directory. Reference, same run: the same
# 10,000 files written on the same disk the way the server writes them (temporary file, fsync, rename),
# one after the other from one process. Then the listing of that directory in one page, from the index,
# next to `ls` of the directory on disk.
# With a second argument of 2, the same count is PUT again into another directory of the same server: the first
# pass includes the JVM's warm-up (JIT compilation), the second shows the warmed-up rate.
# Usage: bench/small-puts.sh [count, default 10000] [passes, 1 or 2, default 1]
source "$(dirname "$0")/lib.sh"
count="${1:-10000}"
passes="${2:-1}"
start_cloudweb
authorize
curl -fsS -X PUT "${auth[@]}" "$api/fs/admin/small" >/dev/null

reference="$(python3 - "$work/raw" "$count" <<'PY'
import os, sys, time
root, count = sys.argv[1], int(sys.argv[2])
os.makedirs(root)
body = bytes(1024)
start = time.time()
for i in range(count):
    tmp = os.path.join(root, ".tmp-%d" % i)
    with open(tmp, "wb") as f:
        f.write(body)
        f.flush()
        os.fsync(f.fileno())
    os.rename(tmp, os.path.join(root, "f%d" % i))
print("%.0f" % (count / (time.time() - start)))
PY
)"
read -r rate failed < <(java "$repo/bench/PutLoad.java" "$api/fs/admin/small" "$token" "$count" 1024 4)
if [[ "$passes" == 2 ]]; then
  curl -fsS -X PUT "${auth[@]}" "$api/fs/admin/again" >/dev/null
  read -r again_rate again_failed < <(java "$repo/bench/PutLoad.java" "$api/fs/admin/again" "$token" "$count" 1024 4)
fi

listing_ms() { # the median of 5 listings of the whole directory in one page
  for _ in 1 2 3 4 5; do
    curl -fsS "${auth[@]}" -o /dev/null -w '%{time_total}\n' "$api/fs/admin/small?limit=10000"
  done | sort -n | sed -n 3p | awk '{ printf "%.1f", $1 * 1000 }'
}
entries="$(curl -fsS "${auth[@]}" "$api/fs/admin/small?limit=10000" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["entries"]))')"
listing="$(listing_ms)"
ls_ms="$(awk -v s="$(seconds ls -f "$data/admin/small")" 'BEGIN { printf "%.1f", s * 1000 }')"

printf '%-58s %12s %8s\n' "$count files of 1 KiB" "files/s" "failed"
printf '%-58s %12s %8s\n' "reference: write + fsync + rename, 1 process" "$reference" "0"
printf '%-58s %12s %8s\n' "PUT /fs/admin/small/fN, 4 clients" "$rate" "$failed"
if [[ "$passes" == 2 ]]; then
  printf '%-58s %12s %8s\n' "PUT /fs/admin/again/fN, 4 clients, second pass" "$again_rate" "$again_failed"
fi
printf '%-58s %12s\n' "listing of $entries entries in one page" "ms"
printf '%-58s %12s\n' "reference: ls -f of the directory on disk" "$ls_ms"
printf '%-58s %12s\n' "GET /fs/admin/small?limit=10000 (median of 5)" "$listing"
