#!/usr/bin/env bash
# Refreshes the committed guests from the guest builds (guests/build.sh first):
# debug sections stripped, the `name` section kept (wali-run names functions in
# trap messages). demo.wasm comes from tests/guests (see README.md).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="$here/../programs/build"
for m in lua zpipe sqlite3 qjs busybox; do
  [ -f "$build/$m.wasm" ] || { echo "prebuilt: $build/$m.wasm missing (run guests/build.sh)" >&2; exit 1; }
  llvm-strip-22 --strip-debug -o "$here/$m.wasm" "$build/$m.wasm"
  printf '  %-14s %9d bytes\n' "$m.wasm" "$(stat -c %s "$here/$m.wasm")"
done
# The SSR server (guests/programs/ssr/server/build.sh first).
ssr="$here/../programs/ssr/server/build/ssr-server.wasm"
[ -f "$ssr" ] || { echo "prebuilt: $ssr missing (run guests/programs/ssr/server/build.sh)" >&2; exit 1; }
llvm-strip-22 --strip-debug -o "$here/ssr-server.wasm" "$ssr"
printf '  %-14s %9d bytes\n' "ssr-server.wasm" "$(stat -c %s "$here/ssr-server.wasm")"
