#!/usr/bin/env bash
# Import in place and the consistency check on a tree already on disk: an account directory without a user,
# 10 containers of 100 directories of 100 files (100,000 files of 0-2 KiB, names like report-2024-00042.txt),
# indexed by POST /api/v1/admin/import {createUsers} (a job, timed until done), then checked by
# POST /api/v1/admin/fsck, an import run again (nothing to add), and fsck from the command line once the
# server is stopped (database start included). References, same run and same (warm) tree: `find` (the walk)
# and `find | xargs md5sum` (the walk and reading every byte, which an import does for the ETags).
# Usage: bench/import.sh [files, a multiple of 100; default 100000]
source "$(dirname "$0")/lib.sh"
files="${1:-100000}"
start_cloudweb
authorize
account=imported
tree="$data/$account"

# make_tree DIR FILES: the tree to import
make_tree() {
python3 - "$1" "$2" <<'PY'
import os, random, sys
root, files = sys.argv[1], int(sys.argv[2])
rnd = random.Random(42)
payload = bytes(rnd.getrandbits(8) for _ in range(4096))
for i in range(files):
    d = os.path.join(root, "c%d" % (i // 10000), "dir-%03d" % (i // 100 % 100))
    if i % 100 == 0:
        os.makedirs(d, exist_ok=True)
    size = rnd.randint(0, 2048)
    start = rnd.randint(0, 2048)
    with open(os.path.join(d, "report-2024-%05d.txt" % i), "wb") as f:
        f.write(payload[start:start + size])
PY
}
make_tree "$tree" "$files"
entries="$(find "$tree" -mindepth 1 | wc -l)"
bytes="$(du -sb "$tree" | cut -f1)"

# run_job PATH BODY: starts a job and waits for its end
run_job() {
  local location state
  location="$(curl -fsS "${auth[@]}" -D - -o /dev/null -H 'Content-Type: application/json' -d "$2" "$api/$1" \
      | tr -d '\r' | sed -n 's/^Location: //Ip')"
  # polled with curl and grep only: the machine's two cores are what is measured
  for _ in $(seq 1 14400); do
    state="$(curl -fsS "${auth[@]}" "$location" | grep -o '"state":"[a-z]*"' | cut -d'"' -f4)"
    [[ "$state" == running ]] || break
    sleep 0.25
  done
  [[ "$state" == done ]] || { echo "job $1 ended $state" >&2; curl -fsS "${auth[@]}" "$location" >&2; exit 1; }
  curl -fsS "${auth[@]}" "$location" >"$work/last-job.json"
}
findings() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["report"]; print(sum(r["findings"].values()), r["repaired"]["rowsAdded"])' "$work/last-job.json"; }

find_s="$(seconds find "$tree")"
md5_s="$(seconds sh -c "find '$tree' -type f -print0 | xargs -0 md5sum")"
# WARMUP=N: an import of N files into another account first (not timed), so that the measured one runs on a
# server whose JIT compiler has already compiled the import's code, as on a server that has been up for a while
if [[ "${WARMUP:-0}" -gt 0 ]]; then
  make_tree "$data/warmup" "$WARMUP"
  run_job admin/import '{"account":"warmup","createUsers":true}'
fi
# CPU seconds (user + system) of the server's JVM and of mariadbd during the import
micro="$(pgrep -f -- "payara-micro.jar.*--port $port" | head -1)"
mariadbd="$(pgrep -f -- "bin/mariadbd .*--socket=$data/db/mariadb.sock" | head -1)"
jiffies() { awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }
micro_j="$(jiffies "$micro")" mariadbd_j="$(jiffies "$mariadbd")"
import_s="$(seconds run_job admin/import '{"account":"'$account'","createUsers":true}')"
hz="$(getconf CLK_TCK)"
import_cpu="$(awk -v a="$micro_j" -v b="$(jiffies "$micro")" -v c="$mariadbd_j" -v d="$(jiffies "$mariadbd")" -v hz="$hz" \
    'BEGIN { printf "server JVM %.1f s, mariadbd %.1f s", (b - a) / hz, (d - c) / hz }')"
read -r import_findings import_added < <(findings)
rows="$(sql "SELECT COUNT(*) FROM stobj s JOIN user u ON s.owner_id = u.id WHERE u.name = '$account'")"
fsck_s="$(seconds run_job admin/fsck '{"account":"'$account'"}')"
read -r fsck_findings _ < <(findings)
again_s="$(seconds run_job admin/import '{"account":"'$account'","createUsers":true}')"
read -r again_findings again_added < <(findings)

kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
cli() {
  local status=0
  CLOUDWEB_DATA_DIR="$data" java -jar "$launcher" fsck --account "$account" >"$work/cli.txt" 2>&1 || status=$?
  echo "$status" >"$work/cli.status"
}
cli_s="$(seconds cli)"
cli_status="$(cat "$work/cli.status")"

rate() { awk -v n="$entries" -v s="$1" 'BEGIN { printf "%.0f", n / s }'; }
printf 'tree: %s entries (%s files), %s bytes; %s rows indexed (%s added, %s findings on import)\n' \
    "$entries" "$files" "$bytes" "$rows" "$import_added" "$import_findings"
printf '%-62s %9s %12s\n' "" "seconds" "entries/s"
printf '%-62s %9s %12s\n' "reference: find (walk)" "$find_s" "$(rate "$find_s")"
printf '%-62s %9s %12s\n' "reference: find | xargs md5sum (walk, read every byte)" "$md5_s" "$(rate "$md5_s")"
printf '%-62s %9s %12s\n' "POST /admin/import, createUsers, until the job is done" "$import_s" "$(rate "$import_s")"
printf '%-62s %s\n' "  CPU time during the import:" "$import_cpu"
printf '%-62s %9s %12s\n' "POST /admin/fsck of the account ($fsck_findings findings)" "$fsck_s" "$(rate "$fsck_s")"
printf '%-62s %9s %12s\n' "POST /admin/import again ($again_added added, $again_findings findings)" "$again_s" "$(rate "$again_s")"
printf '%-62s %9s %12s\n' "fsck --account, command line, server stopped (exit $cli_status)" "$cli_s" "$(rate "$cli_s")"
