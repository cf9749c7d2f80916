#!/usr/bin/env bash
# Moving a directory costs one rename and one row, whatever it holds: the move (and move back) of a directory
# with 100,000 descendants next to one with 10, through POST /api/v1/ops/move. Reference, same run: `mv` of the
# big tree on disk. Then a copy of 10,000 files through POST /api/v1/ops/copy (a job), next to `cp -al`
# (hard links, what the server does) and `cp -a` of the same directory.
# Usage: bench/move.sh [descendants of the big tree, default 100000]
source "$(dirname "$0")/lib.sh"
big="${1:-100000}"
start_cloudweb
authorize
for dir in big small copysrc; do
  curl -fsS -X PUT "${auth[@]}" "$api/fs/admin/c/$dir?type=dir" >/dev/null
done

# Trees made behind the API's back for speed: rows with MariaDB's sequence engine, files with one process.
populate() { # directory, number of files (in sub-directories of 100)
  local dir=$1 files=$2
  sql "SET @parent = (SELECT s.id FROM stobj s JOIN stobj c ON s.parent_id = c.id JOIN stobj a ON c.parent_id = a.id
         WHERE a.parent_id IS NULL AND a.name = 'admin' AND c.name = 'c' AND s.name = '$dir');
       SET @owner = (SELECT id FROM user WHERE name = 'admin');
       INSERT INTO stobj (parent_id, owner_id, name, type, created_at, modified_at)
         SELECT @parent, @owner, CONCAT('d', seq), 'dir', NOW(6), NOW(6) FROM seq_0_to_$(((files + 99) / 100 - 1));
       INSERT INTO stobj (parent_id, owner_id, name, type, size, etag, created_at, modified_at)
         SELECT d.id, @owner, CONCAT('f', seq), 'file', 1, '0cc175b9c0f1b6a831c399e269772661', NOW(6), NOW(6)
         FROM stobj d JOIN seq_0_to_99 WHERE d.parent_id = @parent AND CAST(SUBSTRING(d.name, 2) AS UNSIGNED) * 100 + seq < $files;"
  python3 - "$data/admin/c/$dir" "$files" <<'PY'
import os, sys
root, files = sys.argv[1], int(sys.argv[2])
for i in range(files):
    d = os.path.join(root, "d%d" % (i // 100))
    if i % 100 == 0:
        os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "f%d" % (i % 100)), "w") as f:
        f.write("a")
PY
}
populate big "$big"
populate small 10
populate copysrc 10000
rows="$(sql "SELECT COUNT(*) FROM stobj")"

move_once() { # from, to: prints the seconds the move took
  curl -fsS "${auth[@]}" -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' \
      -d "{\"from\":\"/admin/c/$1\",\"to\":\"/admin/c/$2\"}" "$api/ops/move"
}
move_ms() { # from, to: the median of 5 moves there and back, in ms
  local from=$1 to=$2
  for _ in 1 2 3 4 5; do
    move_once "$from" "$to"
    move_once "$to" "$from"
  done | sort -n | sed -n 5p | awk '{ printf "%.1f", $1 * 1000 }'
}
big_ms="$(move_ms big big-moved)"
small_ms="$(move_ms small small-moved)"
mv_ms="$(awk -v s="$(seconds mv "$data/admin/c/big" "$data/admin/c/big-mv")" 'BEGIN { printf "%.1f", s * 1000 }')"
mv "$data/admin/c/big-mv" "$data/admin/c/big"

copy_job() {
  local location state
  location="$(curl -fsS "${auth[@]}" -D - -o /dev/null -H 'Content-Type: application/json' \
      -d '{"from":"/admin/c/copysrc","to":"/admin/c/copydst"}' "$api/ops/copy" | tr -d '\r' | sed -n 's/^Location: //Ip')"
  for _ in $(seq 1 600); do
    state="$(curl -fsS "${auth[@]}" "$location" | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')"
    [[ "$state" == running ]] || break
    sleep 0.05
  done
  [[ "$state" == done ]] || { echo "copy job ended $state" >&2; exit 1; }
}
copy_s="$(seconds copy_job)"
cp_al="$(seconds cp -al "$data/admin/c/copysrc" "$work/cp-al")"
cp_a="$(seconds cp -a "$data/admin/c/copysrc" "$work/cp-a")"

printf 'index: %s rows in stobj\n' "$rows"
printf '%-58s %10s\n' "move of a directory" "ms"
printf '%-58s %10s\n' "reference: mv of the $big-file tree on disk" "$mv_ms"
printf '%-58s %10s\n' "POST /ops/move, $big descendants (median of 10)" "$big_ms"
printf '%-58s %10s\n' "POST /ops/move, 10 descendants (median of 10)" "$small_ms"
awk -v b="$big_ms" -v s="$small_ms" 'BEGIN { printf "ratio big/small: %.2f\n", b / s }'
printf '%-58s %10s\n' "copy of 10,000 files in 100 directories" "seconds"
printf '%-58s %10s\n' "reference: cp -al (hard links)" "$cp_al"
printf '%-58s %10s\n' "reference: cp -a (bytes)" "$cp_a"
printf '%-58s %10s\n' "POST /ops/copy, as a job, until done" "$copy_s"
