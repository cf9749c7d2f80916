#!/usr/bin/env bash
# Streaming throughput and memory: upload and download of one large file through the API, next to raw
# `cp` + `sync` of the same file to the same disk (the reference, same run); then the resident memory of
# Payara Micro (run with -Xmx256m) while a 4 GiB file streams in and out.
# Usage: bench/transfer.sh [MiB for the throughput test, default 1024] [MiB for the memory test, default 4096]
source "$(dirname "$0")/lib.sh"
size_mib="${1:-1024}"
stream_mib="${2:-4096}"
start_cloudweb "-Xmx256m"
authorize
curl -fsS -X PUT "${auth[@]}" "$api/fs/admin/bench" >/dev/null

file="$work/payload.bin"
head -c "$((size_mib * 1024 * 1024))" /dev/urandom >"$file"
mib_per_s() { awk -v mib="$size_mib" -v s="$1" 'BEGIN { printf "%.0f", mib / s }'; }

raw_copy="$(seconds bash -c "cp '$file' '$work/raw-copy.bin' && sync")"
rm -f "$work/raw-copy.bin"
put_and_sync() {
  curl -fsS -T "$file" "${auth[@]}" -H 'Content-Type: application/octet-stream' "$api/fs/admin/bench/payload.bin"
  sync
}
upload="$(seconds put_and_sync)"
download="$(seconds curl -fsS "${auth[@]}" -o /dev/null "$api/fs/admin/bench/payload.bin")"
raw_read="$(seconds cat "$data/admin/bench/payload.bin")"
cmp -s "$file" "$data/admin/bench/payload.bin" || { echo "stored bytes differ" >&2; exit 1; }

printf '%-46s %9s %9s\n' "${size_mib} MiB file" "seconds" "MiB/s"
printf '%-46s %9s %9s\n' "reference: cp + sync on the same disk" "$raw_copy" "$(mib_per_s "$raw_copy")"
printf '%-46s %9s %9s\n' "upload: PUT /fs/... (+ sync)" "$upload" "$(mib_per_s "$upload")"
printf '%-46s %9s %9s\n' "reference: cat of the stored file" "$raw_read" "$(mib_per_s "$raw_read")"
printf '%-46s %9s %9s\n' "download: GET /fs/..." "$download" "$(mib_per_s "$download")"
awk -v up="$upload" -v raw="$raw_copy" 'BEGIN { printf "upload speed is %.0f%% of cp + sync\n", 100 * raw / up }'
rm -f "$file" "$data/admin/bench/payload.bin"

# memory while streaming: sample RSS every 0.2 s during a chunked upload and a download of stream_mib MiB
before="$(micro_rss)"
peak="$before"
sample() { while kill -0 "$1" 2>/dev/null; do r="$(micro_rss)"; ((r > peak)) && peak=$r; echo "$peak" >"$work/peak"; sleep 0.2; done; }
head -c "$((stream_mib * 1024 * 1024))" /dev/zero | curl -fsS -X PUT "${auth[@]}" -T - \
    "$api/fs/admin/bench/stream.bin" >/dev/null &
streaming=$!
sample "$streaming"
wait "$streaming"
peak="$(cat "$work/peak")"
curl -fsS "${auth[@]}" -o /dev/null "$api/fs/admin/bench/stream.bin" &
streaming=$!
sample "$streaming"
wait "$streaming"
peak="$(cat "$work/peak")"
printf 'Payara Micro RSS (-Xmx256m): %s MiB before, %s MiB peak while streaming %s MiB in and out: +%s MiB\n' \
    "$before" "$peak" "$stream_mib" "$((peak - before))"
