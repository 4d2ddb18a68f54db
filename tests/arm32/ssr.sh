#!/usr/bin/env bash
# The flagship server on a 32-bit ARM host, under qemu-user: the prebuilt
# ssr-server.wasm compiled to a pulley32 .cwasm on x86_64 and served by the ARM
# wali-run; every answer (status and body: rendered pages, the app's 404, a
# static asset, a gzip-encoded page) must equal the x86_64 wali-run's. Then
# SIGTERM must stop both with status 0. Every wait is bounded.
# Usage: tests/arm32/ssr.sh WALI_RUN_X86 WALI_RUN_ARM [QEMU_CPU]
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
x86="$(realpath "$1")"
arm="$(realpath "$2")"
cpu="${3:-}"
command -v qemu-arm >/dev/null || { echo "arm32-ssr: qemu-arm not found (apt-get install qemu-user)" >&2; exit 1; }
work="$(mktemp -d)"
pids=()
trap 'for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null; done; rm -rf "$work"' EXIT
fail() { echo "arm32-ssr: FAIL: $*" >&2; for f in "$work"/*.err; do sed "s|^|  $(basename "$f"): |" "$f" | tail -5 >&2; done; exit 1; }
site="$root/guests/prebuilt/ssr-site"
"$x86" compile --target pulley32 "$root/guests/prebuilt/ssr-server.wasm" -o "$work/ssr.cwasm" || fail "cannot compile for pulley32"

# start NAME PORT CMD...: run a server, wait (up to 5 minutes) for its line.
start() {
  local name="$1" port="$2"; shift 2
  "$@" --port "$port" --workers 0 "$site" >"$work/$name.out" 2>"$work/$name.err" &
  pids+=($!)
  eval "${name}_pid=$!"
  local t0=$SECONDS
  until grep -q "listening on http://127.0.0.1:$port/" "$work/$name.out"; do
    (( SECONDS - t0 < 300 )) || fail "$name: no 'listening on' line within 300 s"
    kill -0 "${pids[-1]}" 2>/dev/null || fail "$name: exited before listening"
    sleep 0.2
  done
  echo "arm32-ssr: $name listening after $(( SECONDS - t0 )) s"
}
px=$((20000 + RANDOM % 10000)); pa=$((px + 10000))
start x86 "$px" "$x86" --no-cache "$root/guests/prebuilt/ssr-server.wasm"
start arm "$pa" qemu-arm ${cpu:+-cpu "$cpu"} "$arm" "$work/ssr.cwasm"

asset="$(grep -o '/assets/[^"]*\.css' "$site/client/index.html" | head -1)"
n=0
for path in / /about /blog /blog/hello-wali /nope "$asset" "gzip:/"; do
  hdr=(); p="$path"
  if [[ "$path" == gzip:* ]]; then hdr=(-H "Accept-Encoding: gzip"); p="${path#gzip:}"; fi
  for side in x86 arm; do
    port=$px; [ "$side" = arm ] && port=$pa
    code="$(curl -sS --max-time 120 "${hdr[@]}" -o "$work/body.$side" -w '%{http_code}' "http://127.0.0.1:$port$p")" \
      || fail "$side: GET $path failed"
    echo "$code" >"$work/code.$side"
  done
  cmp -s "$work/code.x86" "$work/code.arm" || fail "GET $path: status $(cat "$work/code.x86") on x86_64, $(cat "$work/code.arm") on ARM"
  cmp -s "$work/body.x86" "$work/body.arm" || fail "GET $path: bodies differ"
  [ -s "$work/body.arm" ] || fail "GET $path: empty body"
  n=$((n + 1))
  echo "  ok    GET $path: $(cat "$work/code.arm"), $(stat -c %s "$work/body.arm") bytes, same as x86_64"
done
grep -q 'data-hydrated="false"' <(curl -sS --max-time 120 "http://127.0.0.1:$pa/") || fail "ARM: / has no server-rendered island"
for side in x86 arm; do
  pid="${side}_pid"; pid="${!pid}"
  kill -TERM "$pid"
  t0=$SECONDS
  while kill -0 "$pid" 2>/dev/null; do (( SECONDS - t0 < 60 )) || fail "$side: still running 60 s after SIGTERM"; sleep 0.2; done
  wait "$pid"; st=$?
  [ "$st" = 0 ] || fail "$side: exit status $st after SIGTERM"
done
echo "arm32-ssr${cpu:+ ($cpu)}: $n requests answered as on x86_64; SIGTERM: both exited 0"
