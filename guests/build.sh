#!/usr/bin/env bash
# Builds the WALI sysroot and every guest program, from registry sources, with
# our toolchain (and the native gcc builds the tests compare against):
#   guests/sysroot/build.sh            musl 1.2.3 (Debian source) + our arch/wasm32 port
#   guests/programs/build.sh           Lua 5.4 `lua`, zlib + zpipe (Debian sources)
#   guests/programs/sqlite/build.sh    the SQLite shell (Debian source)
#   guests/programs/quickjs/build.sh   QuickJS `qjs` (rquickjs-sys crate from crates.io)
#   guests/programs/busybox/build.sh   BusyBox `sh` + coreutils applets (Debian source)
# Each step is a no-op when its inputs are unchanged. `make guests` runs this;
# `make prebuilt` then refreshes guests/prebuilt/ from the results.
# Usage: guests/build.sh [-f]   (-f: rebuild everything)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
t0=$(date +%s)
force=()
[ "${1:-}" = "-f" ] && force=(-f)
step() { # step NAME SCRIPT [ARGS]: run and time one build
  local name="$1" s; shift
  s=$(date +%s)
  "$@" || { echo "guests: ERROR: $name failed" >&2; exit 1; }
  echo "guests: $name done [$(( $(date +%s) - s ))s]"
}
step sysroot "$here/sysroot/build.sh" "${force[@]}"
step "lua, zlib" "$here/programs/build.sh" "${force[@]}"
step sqlite "$here/programs/sqlite/build.sh" "${force[@]}"
step quickjs "$here/programs/quickjs/build.sh" "${force[@]}"
step busybox "$here/programs/busybox/build.sh" "${force[@]}"
echo "guests: all built in $(( $(date +%s) - t0 ))s"
ls -l "$here"/programs/build/*.wasm | awk '{printf "  %-10s %9d bytes\n", $NF, $5}' | sed "s|$here/programs/build/||"
