#!/usr/bin/env bash
# The main job: build wali-run and run the prebuilt demo guest. The guest prints a
# file, lists a directory, edits a file through MAP_SHARED and answers one HTTP
# request on 127.0.0.1, which this script sends.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet --bin wali-run
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/app/list/subdir"
printf 'Hello from the host file system.\nwali-run reads me with SYS_read.\n' > "$work/app/input.txt"
for f in zebra apple Mango banana.txt; do echo "$f" > "$work/app/list/$f"; done
printf 'this file is edited through a shared mapping\n' > "$work/app/map.bin"

./target/release/wali-run guests/prebuilt/demo.wasm "$work/app" "$work/port" &
guest=$!
for _ in $(seq 1 200); do [ -s "$work/port" ] && break; sleep 0.05; done
[ -s "$work/port" ] || { echo "demo: the guest did not start listening" >&2; kill "$guest" 2>/dev/null; exit 1; }
port=$(tr -d '\n' < "$work/port")
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET / HTTP/1.0\r\n\r\n' >&3
echo "== HTTP response from the guest =="
timeout 10 cat <&3
exec 3>&-
wait "$guest"
echo "== map.bin after the run =="
cat "$work/app/map.bin"
