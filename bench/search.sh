#!/usr/bin/env bash
# Search by name over a large tree: GET /api/v1/search in each mode, for common, medium, rare and absent terms,
# against the one-command run. Reference, same run and same database: the plain scan that answers the same
# question without the search index (LOWER(name) LIKE 'q%' / = 'q' / LIKE '%q%' on stobj, LIMIT as the page).
#
# The tree is made behind the API's back for speed: /admin/c holds OBJECTS/1000 directories, each with 999
# files (names from a few word lists, so that terms have known frequencies), as rows in stobj (INSERT … SELECT
# from MariaDB's sequence engine) and as empty files on disk. The trigrams of these rows are built in one sorted
# INSERT; the insert trigger leaves them alone meanwhile (@cloudweb_defer_grams, V12). GRAMS=blocks puts them in
# the posting blocks of V15 instead, as an import does (default: the rows of stobj_gram, as uploads make them).
# Usage: [GRAMS=blocks] bench/search.sh [objects, default 1000000]
source "$(dirname "$0")/lib.sh"
objects="${1:-1000000}"
dirs=$((objects / 1000))
runs="${SEARCH_RUNS:-40}"
start_cloudweb
authorize
db() { # SQL in utf8mb4 (names hold non-ASCII characters)
  sql "SET NAMES utf8mb4; $1"
}
# REUSE=<a directory KEEP=1 kept> measures the tree made there again
reused="$([[ -n "${REUSE:-}" ]] && db "SELECT COUNT(*) > $objects FROM stobj" || echo 0)"
[[ "$reused" == 1 ]] || curl -fsS -X PUT "${auth[@]}" "$api/fs/admin/c" >/dev/null

if [[ "${GRAMS:-rows}" == blocks ]]; then # the statement of IndexRows.addGrams
  insert_grams="INSERT INTO stobj_gram_block (gram, block, bits)
        SELECT CRC32(SUBSTRING(s.name_lc, p.n, 3)) AS gram, s.id >> 6 AS block, BIT_OR(1 << (s.id & 63))
        FROM stobj s STRAIGHT_JOIN gram_pos p FORCE INDEX (PRIMARY) ON p.n <= CHAR_LENGTH(s.name_lc) - 2
        WHERE s.id > @first GROUP BY gram, block ORDER BY gram, block"
else
  insert_grams="INSERT IGNORE INTO stobj_gram (gram, stobj_id)
        SELECT CRC32(SUBSTRING(s.name_lc, p.n, 3)) AS gram, s.id
        FROM stobj s JOIN gram_pos p ON p.n <= CHAR_LENGTH(s.name_lc) - 2 WHERE s.id > @first
        ORDER BY gram, s.id"
fi

generate() {
  db "SET @c = (SELECT s.id FROM stobj s JOIN stobj a ON s.parent_id = a.id
         WHERE a.parent_id IS NULL AND a.name = 'admin' AND s.name = 'c');
      SET @owner = (SELECT id FROM user WHERE name = 'admin');
      SET @first = (SELECT MAX(id) FROM stobj);
      SET @cloudweb_defer_grams = 1;
      INSERT INTO stobj (parent_id, owner_id, name, type, created_at, modified_at)
        SELECT @c, @owner, CONCAT(ELT(1 + seq % 10, 'projects', 'archive', 'backup', 'photos', 'invoices',
          'reports', 'music', 'misc', 'clients', 'scans'), '-', seq), 'dir', NOW(6), NOW(6)
        FROM seq_0_to_$((dirs - 1));
      INSERT INTO stobj (parent_id, owner_id, name, type, size, etag, created_at, modified_at)
        SELECT d.id, @owner, CASE
            WHEN s.seq = 0 THEN 'README.md'
            WHEN (CAST(SUBSTRING_INDEX(d.name, '-', -1) AS UNSIGNED) * 1000 + s.seq) % 50000 = 25500
              THEN CONCAT('Zebra-Quarterly-', SUBSTRING_INDEX(d.name, '-', -1), '.xlsx')
            WHEN CAST(SUBSTRING_INDEX(d.name, '-', -1) AS UNSIGNED) = $((dirs / 2)) AND s.seq = 700
              THEN 'needle-in-haystack-😀.bin'
            ELSE CONCAT(ELT(1 + (s.seq * 7 + CAST(SUBSTRING_INDEX(d.name, '-', -1) AS UNSIGNED)) % 10,
                'report', 'report', 'invoice', 'photo', 'IMG', 'notes', 'Export', 'summary', 'draft', 'data'),
              '_', (s.seq * 31 + CAST(SUBSTRING_INDEX(d.name, '-', -1) AS UNSIGNED)) % 997, '-',
              ELT(1 + (s.seq * 13) % 6, 'final', 'v2', 'Übersicht', 'alpha', 'old', 'copy'), '.',
              ELT(1 + s.seq % 5, 'txt', 'pdf', 'jpg', 'csv', 'log')) END,
          'file', 0, 'd41d8cd98f00b204e9800998ecf8427e', NOW(6), NOW(6)
        FROM stobj d JOIN seq_0_to_998 s WHERE d.parent_id = @c;
      $insert_grams;
      SET @cloudweb_defer_grams = NULL;
      ANALYZE TABLE stobj, stobj_gram, stobj_gram_block;" >/dev/null
  db "SELECT CONCAT(d.name, '/', f.name) FROM stobj f JOIN stobj d ON f.parent_id = d.id
      JOIN stobj c ON d.parent_id = c.id JOIN stobj a ON c.parent_id = a.id
      WHERE a.parent_id IS NULL AND a.name = 'admin' AND c.name = 'c'" | python3 -c '
import os, sys
root = os.fsencode(sys.argv[1])
made = set()
for line in sys.stdin.buffer:
    relative = line.rstrip(b"\n")
    directory = relative.split(b"/", 1)[0]
    if directory not in made:
        os.makedirs(os.path.join(root, directory), exist_ok=True)
        made.add(directory)
    os.close(os.open(os.path.join(root, relative), os.O_CREAT | os.O_WRONLY, 0o644))
' "$data/admin/c"
}
if [[ "$reused" == 1 ]]; then generate_s="(reused)"; else generate_s="$(seconds generate)"; fi
rows="$(db "SELECT COUNT(*) FROM stobj")"
grams="$(db "SELECT COUNT(*) FROM stobj_gram")"
blocks="$(db "SELECT COUNT(*) FROM stobj_gram_block")"
sizes="$(db "SELECT table_name, ROUND((data_length + index_length) / 1048576) FROM information_schema.tables
             WHERE table_schema = DATABASE() AND table_name IN ('stobj', 'stobj_gram', 'stobj_gram_block')
             ORDER BY table_name" \
         | awk '{ printf "%s %s MiB  ", $1, $2 }')"
owner="$(db "SELECT id FROM user WHERE name = 'admin'")"

# mode, query[, under]: the reference, the plain scan answering the same question (median of 3, ms); below the
# one directory, the scan of its children (it holds files only); below /admin/c, the scan of the account
reference_ms() {
  local mode=$1 q=$2 below=${3:-} condition literal scope="owner_id = $owner"
  [[ "$below" != "$under" ]] || scope="parent_id = $under_id"
  literal="${q//_/\\_}" # '_' matches itself only
  case "$mode" in
    prefix) condition="LOWER(name) LIKE '$literal%'" ;;
    exact) condition="LOWER(name) = '$q'" ;;
    substring) condition="LOWER(name) LIKE '%$literal%'" ;;
  esac
  for _ in 1 2 3; do
    "$HOME/.cache/cloudweb/mariadb-$(sed -n 's/^version=//p' "$repo/launcher/target/classes/org/cloudweb/launcher/db/mariadb.properties")/bin/mariadb" \
        --no-defaults --default-character-set=utf8mb4 --socket="$data/db/mariadb.sock" -uroot cloudweb -vvv \
        -e "SELECT id, parent_id, name, type, size FROM stobj WHERE $scope AND $condition LIMIT 101" \
      | sed -n 's/.*rows\{0,1\} in set.*(\([0-9.]*\) sec).*/\1/p; s/^Empty set.*(\([0-9.]*\) sec).*/\1/p'
  done | sort -n | sed -n 2p | awk '{ printf "%.1f", $1 * 1000 }'
}

under="/admin/c/projects-$((dirs / 2))" # one directory of 999 files among $dirs
under_id="$(db "SELECT d.id FROM stobj d JOIN stobj c ON d.parent_id = c.id JOIN stobj a ON c.parent_id = a.id
                WHERE a.parent_id IS NULL AND a.name = 'admin' AND c.name = 'c' AND d.name = '${under##*/}'")"
queries=(
  "prefix|report||common: 20% of files"
  "prefix|invoice_42-||medium: ≈ 1 in 10,000"
  "prefix|zebra||rare: 1 in 50,000"
  "prefix|nothing-like-this||absent"
  "exact|readme.md||common: one per directory"
  "exact|needle-in-haystack-😀.bin||one file"
  "exact|missing.txt||absent"
  "substring|port||common: 30% of files"
  "substring|übers||common, non-ASCII: 1 in 6"
  "substring|ce_4||medium: ≈ 1 in 90"
  "substring|_42-||medium: ≈ 1 in 1,000, all directories"
  "substring|report_99-copy||≈ 1 in 30,000, common trigrams"
  "substring|quarterl||rare: 1 in 50,000"
  "substring|haystack||one file"
  "substring|qqxz||absent"
  "prefix|report|$under|under one directory: 20% of it"
  "prefix|invoice_42-|$under|under one directory: none there"
  "exact|readme.md|$under|under one directory: 1"
  "substring|port|$under|under one directory: 30% of it"
  "substring|haystack|$under|under one directory: 1"
  "prefix|zebra|/admin/c|under the container (all): rare"
  "substring|quarterl|/admin/c|under the container (all): rare"
  "substring|port|/admin/c|under the container (all): common"
)

printf 'index: %s rows in stobj, %s in stobj_gram, %s in stobj_gram_block (%s); generated in %s s\n' \
    "$rows" "$grams" "$blocks" "$sizes" "$generate_s"
printf '%-10s %-28s %-44s %6s %6s %8s %8s %10s\n' mode q terms hits next p50_ms p95_ms scan_ms
for entry in "${queries[@]}"; do
  IFS='|' read -r mode q below what <<<"$entry"
  read -r hits next p50 p95 < <(python3 - "$port" "$token" "$mode" "$q" "$runs" "$below" <<'PY'
import http.client, json, sys, time, urllib.parse
port, token, mode, q, runs, below = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6]
parameters = {"q": q, "mode": mode, "limit": 100}
if below:
    parameters["under"] = below
path = "/api/v1/search?" + urllib.parse.urlencode(parameters, quote_via=urllib.parse.quote, safe="/")
connection = http.client.HTTPConnection("127.0.0.1", int(port))
times = []
for i in range(runs + 3):
    start = time.perf_counter()
    connection.request("GET", path, headers={"Authorization": "Bearer " + token})
    response = connection.getresponse()
    body = response.read()
    elapsed = (time.perf_counter() - start) * 1000
    if response.status != 200:
        sys.exit("HTTP %d: %s" % (response.status, body[:200]))
    if i >= 3:
        times.append(elapsed)
page = json.loads(body)
times.sort()
print(len(page["results"]), "yes" if page["next"] else "no", "%.1f" % times[len(times) // 2],
      "%.1f" % times[min(len(times) - 1, int(len(times) * 0.95))])
PY
)
  printf '%-10s %-28s %-44s %6s %6s %8s %8s %10s\n' "$mode" "$q" "$what" "$hits" "$next" "$p50" "$p95" \
      "$(reference_ms "$mode" "$q" "$below")"
done
